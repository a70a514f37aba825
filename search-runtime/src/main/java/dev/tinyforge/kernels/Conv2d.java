package dev.tinyforge.kernels;

/**
 * int8 2-D convolution, bit-exact with TF Lite Micro's reference {@code ConvPerChannel} and with
 * {@code tforge_conv2d_s8}.
 *
 * <p>Filter layout {@code [outC][kernelH][kernelW][inC]}. Taps that fall into the padding are
 * skipped, which is the same as padding with the input zero point: such a tap would contribute
 * {@code filter * (zeroPoint + inputOffset) = 0}.
 */
public final class Conv2d {
  private Conv2d() {}

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
      Window win,
      Requant rq) {
    int inH = inDims.h();
    int inW = inDims.w();
    int inC = inDims.c();
    int outC = outDims.c();
    int filterStride = win.kernelH() * win.kernelW() * inC;
    int o = outOff;
    for (int outY = 0; outY < outDims.h(); outY++) {
      int originY = outY * win.strideH() - win.padTop();
      for (int outX = 0; outX < outDims.w(); outX++) {
        int originX = outX * win.strideW() - win.padLeft();
        for (int oc = 0; oc < outC; oc++) {
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
              int pixel = inOff + (y * inW + x) * inC;
              int taps = oc * filterStride + (ky * win.kernelW() + kx) * inC;
              for (int ic = 0; ic < inC; ic++) {
                acc += filter[taps + ic] * (in[pixel + ic] + rq.inputOffset());
              }
            }
          }
          out[o++] = Requantizer.toInt8(acc, bias, oc, rq);
        }
      }
    }
  }
}
