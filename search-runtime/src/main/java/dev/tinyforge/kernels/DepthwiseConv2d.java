package dev.tinyforge.kernels;

/**
 * int8 depthwise convolution, bit-exact with TF Lite Micro's reference
 * {@code DepthwiseConvPerChannel} and with {@code tforge_depthwise_conv2d_s8}.
 *
 * <p>Filter layout {@code [kernelH][kernelW][outC]} with {@code outC = inC * depthMultiplier};
 * output channel {@code ic * depthMultiplier + m} reads only input channel {@code ic}. Padding taps
 * are skipped, as in {@link Conv2d}. Input and output must not overlap: every output pixel reads
 * a window of input pixels, so writing in place would feed outputs back in as inputs.
 */
public final class DepthwiseConv2d {
  private DepthwiseConv2d() {}

  /**
   * @param bias one int32 per output channel, or {@code null} for none
   * @param rq offsets, clamp and one multiplier/shift per output channel
   */
  public static void run(
      byte[] in,
      int inOff,
      Dims inDims,
      byte[] filter,
      int[] bias,
      byte[] out,
      int outOff,
      Dims outDims,
      int depthMultiplier,
      Window win,
      Requant rq) {
    int inH = inDims.h();
    int inW = inDims.w();
    int inC = inDims.c();
    int outC = outDims.c();
    int o = outOff;
    for (int outY = 0; outY < outDims.h(); outY++) {
      int originY = outY * win.strideH() - win.padTop();
      for (int outX = 0; outX < outDims.w(); outX++) {
        int originX = outX * win.strideW() - win.padLeft();
        for (int oc = 0; oc < outC; oc++) {
          int ic = oc / depthMultiplier;
          int acc = 0;
          for (int ky = 0; ky < win.kernelH(); ky++) {
            int y = originY + ky * win.dilationH();
            if (y < 0 || y >= inH) {
              continue;
            }
            for (int kx = 0; kx < win.kernelW(); kx++) {
              int x = originX + kx * win.dilationW();
              if (x < 0 || x >= inW) {
                continue;
              }
              int tap = (ky * win.kernelW() + kx) * outC + oc;
              acc += filter[tap] * (in[inOff + (y * inW + x) * inC + ic] + rq.inputOffset());
            }
          }
          out[o++] = Requantizer.toInt8(acc, bias, oc, rq);
        }
      }
    }
  }
}
