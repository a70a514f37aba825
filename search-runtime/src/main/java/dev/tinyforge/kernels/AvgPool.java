package dev.tinyforge.kernels;

/**
 * int8 average pooling, TF Lite Micro's reference recipe: sum the in-bounds taps, divide by their
 * count rounding half away from zero (C's truncating division after adding or subtracting
 * count/2), clamp. Input and output share one quantization, so nothing is requantized. Bit-exact
 * with {@code c-runtime/src/pooling/tforge_avgpool_s8.c}.
 */
public final class AvgPool {
  private AvgPool() {}

  /** The output region must not overlap the input region. */
  public static void run(
      byte[] in,
      int inOff,
      Dims inDims,
      byte[] out,
      int outOff,
      Dims outDims,
      Window win,
      int actMin,
      int actMax) {
    Aliasing.requireDisjoint("AvgPool", in, inOff, inDims.size(), out, outOff, outDims.size());
    int depth = outDims.c();
    PoolWindow w = new PoolWindow();
    for (int outY = 0; outY < outDims.h(); outY++) {
      for (int outX = 0; outX < outDims.w(); outX++) {
        int count = w.place(win, inDims, outY, outX);
        if (count == 0) {
          // TFLM's kernel reports an error here; a valid padding never produces an empty window.
          throw new IllegalArgumentException(
              "AvgPool: window at (" + outY + ", " + outX + ") covers no input");
        }
        int outBase = outOff + (outY * outDims.w() + outX) * depth;
        for (int ch = 0; ch < depth; ch++) {
          int sum = 0;
          for (int fy = w.yStart; fy < w.yEnd; fy++) {
            int rowBase = inOff + (w.originY + fy) * inDims.w() * depth;
            for (int fx = w.xStart; fx < w.xEnd; fx++) {
              sum += in[rowBase + (w.originX + fx) * depth + ch];
            }
          }
          int average = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
          out[outBase + ch] = (byte) Math.min(actMax, Math.max(actMin, average));
        }
      }
    }
  }
}
