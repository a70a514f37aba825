package dev.tinyforge.data;

/**
 * Image helpers shared by training, quantization, evaluation and apps, so that every one of them
 * feeds a network exactly the same pixels.
 */
public final class Images {
  private Images() {}

  /**
   * Resizes a square grey image by bilinear interpolation with half-pixel centres (the
   * {@code align_corners = false} convention), rounding to the nearest pixel value. Integer
   * arithmetic on fixed-point weights: the same bytes on every JVM.
   */
  public static byte[] resize(byte[] pixels, int from, int to) {
    if (pixels.length != from * from) {
      throw new IllegalArgumentException("a " + from + "x" + from + " image has " + from * from
          + " pixels, got " + pixels.length);
    }
    if (from == to) {
      return pixels.clone();
    }
    byte[] out = new byte[to * to];
    int[] lo = new int[to];
    int[] hi = new int[to];
    int[] frac = new int[to]; // weight of hi, in 1/1024
    for (int o = 0; o < to; o++) {
      // source coordinate (o + 0.5) * from / to - 0.5, in 1/1024 units
      long pos = ((2L * o + 1) * from * 1024) / (2L * to) - 512;
      if (pos < 0) {
        pos = 0;
      }
      int base = (int) (pos >> 10);
      lo[o] = Math.min(base, from - 1);
      hi[o] = Math.min(base + 1, from - 1);
      frac[o] = (int) (pos & 1023);
    }
    for (int y = 0; y < to; y++) {
      for (int x = 0; x < to; x++) {
        long top = (long) (pixels[lo[y] * from + lo[x]] & 0xFF) * (1024 - frac[x])
            + (long) (pixels[lo[y] * from + hi[x]] & 0xFF) * frac[x];
        long bottom = (long) (pixels[hi[y] * from + lo[x]] & 0xFF) * (1024 - frac[x])
            + (long) (pixels[hi[y] * from + hi[x]] & 0xFF) * frac[x];
        long value = top * (1024 - frac[y]) + bottom * frac[y];
        out[y * to + x] = (byte) ((value + (1L << 19)) >> 20);
      }
    }
    return out;
  }

  /** Unsigned pixels as int8 codes for input scale 1/255 and zero point -128: pixel - 128. */
  public static byte[] toInt8(byte[] pixels) {
    byte[] q = new byte[pixels.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = (byte) ((pixels[i] & 0xFF) - 128);
    }
    return q;
  }

  /** Unsigned pixels as floats in [0, 1]: the real values the int8 input stands for. */
  public static float[] toFloat(byte[] pixels) {
    float[] f = new float[pixels.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (pixels[i] & 0xFF) / 255f;
    }
    return f;
  }
}
