package dev.tinyforge.kernels;

/**
 * int8 depthwise convolution with depth multiplier 1 that writes its output over its input, one
 * channel at a time, as {@code tforge_depthwise_conv2d_in_place_s8} does: channel c's output
 * plane is computed from input channel c into a one-plane temporary, then written over channel
 * c's bytes. Output element (p, c) lands where input element (p, c) was, so no other channel is
 * touched. Each output is {@link DepthwiseConv2d}'s arithmetic, hence bit-exact with it.
 */
public final class DepthwiseConv2dInPlace {
  private DepthwiseConv2dInPlace() {}

  /**
   * @param data the buffer holding the input at {@code at}; the output replaces it there
   * @param bias one int32 per channel, or {@code null} for none
   */
  public static void run(byte[] data, int at, Dims inDims, byte[] filter, int[] bias,
      Dims outDims, Window win, Requant rq) {
    int channels = inDims.c();
    if (outDims.c() != channels || outDims.h() * outDims.w() > inDims.h() * inDims.w()) {
      throw new IllegalArgumentException("in-place depthwise needs multiplier 1 and an output no"
          + " larger than its input: " + inDims + " -> " + outDims);
    }
    byte[] plane = new byte[outDims.h() * outDims.w()];
    for (int c = 0; c < channels; c++) {
      int p = 0;
      for (int outY = 0; outY < outDims.h(); outY++) {
        int originY = outY * win.strideH() - win.padTop();
        for (int outX = 0; outX < outDims.w(); outX++) {
          int originX = outX * win.strideW() - win.padLeft();
          int acc = 0;
          for (int ky = 0; ky < win.kernelH(); ky++) {
            int y = originY + ky * win.dilationH();
            if (y < 0 || y >= inDims.h()) {
              continue;
            }
            for (int kx = 0; kx < win.kernelW(); kx++) {
              int x = originX + kx * win.dilationW();
              if (x < 0 || x >= inDims.w()) {
                continue;
              }
              acc += filter[(ky * win.kernelW() + kx) * channels + c]
                  * (data[at + (y * inDims.w() + x) * channels + c] + rq.inputOffset());
            }
          }
          plane[p++] = Requantizer.toInt8(acc, bias, c, rq);
        }
      }
      for (int q = 0; q < plane.length; q++) {
        data[at + q * channels + c] = plane[q];
      }
    }
  }
}
