package dev.tinyforge.firmware;

import java.util.Arrays;

/**
 * What the program printed for one {@link TracePoint}: the arena's bytes at that moment.
 *
 * @param point the point that asked for them
 * @param bytes exactly {@code point.bytes()} bytes
 */
public record TracedBytes(TracePoint point, byte[] bytes) {
  public TracedBytes {
    bytes = bytes.clone();
    if (bytes.length != point.bytes()) {
      throw new IllegalArgumentException(
          point + ": " + bytes.length + " bytes printed, " + point.bytes() + " asked for");
    }
  }

  /** A copy of the bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TracedBytes that
        && point.equals(that.point)
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * point.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "TracedBytes[" + point + ", " + bytes.length + " bytes]";
  }
}
