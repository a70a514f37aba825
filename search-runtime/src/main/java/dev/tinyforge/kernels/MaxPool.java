package dev.tinyforge.kernels;

/**
 * int8 max pooling, TF Lite Micro's reference recipe: the largest in-bounds tap (padding never
 * wins), then the activation clamp. Same quantization in and out. Bit-exact with {@code
 * c-runtime/src/pooling/tforge_maxpool_s8.c}.
 */
public final class MaxPool {
  private MaxPool() {}

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
    Aliasing.requireDisjoint("MaxPool", in, inOff, inDims.size(), out, outOff, outDims.size());
    int depth = outDims.c();
    PoolWindow w = new PoolWindow();
    for (int outY = 0; outY < outDims.h(); outY++) {
      for (int outX = 0; outX < outDims.w(); outX++) {
        w.place(win, inDims, outY, outX);
        int outBase = outOff + (outY * outDims.w() + outX) * depth;
        for (int ch = 0; ch < depth; ch++) {
          // An empty window leaves the int8 minimum, as the reference does.
          int max = Byte.MIN_VALUE;
          for (int fy = w.yStart; fy < w.yEnd; fy++) {
            int rowBase = inOff + (w.originY + fy) * inDims.w() * depth;
            for (int fx = w.xStart; fx < w.xEnd; fx++) {
              max = Math.max(max, in[rowBase + (w.originX + fx) * depth + ch]);
            }
          }
          out[outBase + ch] = (byte) Math.min(actMax, Math.max(actMin, max));
        }
      }
    }
  }
}
