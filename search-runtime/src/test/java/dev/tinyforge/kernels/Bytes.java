package dev.tinyforge.kernels;

/** Small literals for hand-worked kernel tests. */
final class Bytes {
  private Bytes() {}

  static byte[] of(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < Byte.MIN_VALUE || values[i] > Byte.MAX_VALUE) {
        throw new IllegalArgumentException(values[i] + " is not an int8");
      }
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  static byte[] filled(int size, int value) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  /** A window without dilation, as pooling uses it. */
  static Window window(int kernel, int stride, int padTop, int padLeft) {
    return new Window(kernel, kernel, stride, stride, 1, 1, padTop, padLeft);
  }
}
