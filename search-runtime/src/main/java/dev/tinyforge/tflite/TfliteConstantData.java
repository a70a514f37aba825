package dev.tinyforge.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The raw little-endian bytes of a constant tensor (weights, biases, shape operands), as stored
 * in one of the model's buffers. Immutable; tensors that share a buffer share one instance.
 */
public final class TfliteConstantData {
  private final byte[] bytes;

  TfliteConstantData(byte[] bytes) {
    this.bytes = bytes;
  }

  public int size() {
    return bytes.length;
  }

  public byte byteAt(int index) {
    return bytes[index];
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** A read-only little-endian view (for int32 biases, float32 constants, ...). */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TfliteConstantData that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return bytes.length + " bytes";
  }
}
