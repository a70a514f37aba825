package dev.tinyforge.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The constants of a generated mirror, stored as one class-path resource beside it (a class
 * file could not hold them): int8 arrays as bytes, int32 arrays little-endian, read back in the
 * order they were written.
 */
public final class ConstantBlob {
  private final ByteBuffer data;

  private ConstantBlob(byte[] bytes) {
    this.data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  public static ConstantBlob load(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing beside " + owner.getName()
            + "; rebuild the project");
      }
      return new ConstantBlob(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] bytes(int count) {
    byte[] result = new byte[count];
    data.get(result);
    return result;
  }

  public int[] ints(int count) {
    int[] result = new int[count];
    for (int i = 0; i < count; i++) {
      result[i] = data.getInt();
    }
    return result;
  }

  /** Fails when the resource does not belong to this mirror (bytes left over). */
  public void expectEnd() {
    if (data.hasRemaining()) {
      throw new IllegalStateException("the mirror's constants have " + data.remaining()
          + " bytes more than expected; rebuild the project");
    }
  }
}
