package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Arrays;

/**
 * A test arena: the kernels read and write inside one byte[] at offsets, as the mirror does, so
 * the tests place tensors away from index 0 and check that nothing outside the output changed.
 */
final class Arena {
  static final byte FILL = (byte) 0x5A;

  final byte[] bytes;

  Arena(int size) {
    bytes = new byte[size];
    Arrays.fill(bytes, FILL);
  }

  Arena put(int offset, byte[] data) {
    System.arraycopy(data, 0, bytes, offset, data.length);
    return this;
  }

  byte[] slice(int offset, int length) {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  /** Every byte outside {@code [from, from + length)} and outside the input still holds FILL. */
  void assertUntouchedOutside(int from, int length, int inputFrom, int inputLength) {
    for (int i = 0; i < bytes.length; i++) {
      boolean written = i >= from && i < from + length;
      boolean input = i >= inputFrom && i < inputFrom + inputLength;
      if (!written && !input) {
        assertWithMessage("arena byte %s", i).that(bytes[i]).isEqualTo(FILL);
      }
    }
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < Byte.MIN_VALUE || values[i] > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("not an int8: " + values[i]);
      }
      b[i] = (byte) values[i];
    }
    return b;
  }
}
