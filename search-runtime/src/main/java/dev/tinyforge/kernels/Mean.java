package dev.tinyforge.kernels;

import dev.tinyforge.quant.FixedPoint;

/**
 * int8 MEAN over height and width of an NHWC tensor with batch 1 (global average pooling, axes
 * [1, 2], with or without keep_dims: the output bytes are the same), TF Lite Micro's
 * QuantizedMeanOrSum: per channel the int32 sum of the codes minus input_zp * count, one
 * fixed-point multiply, the output zero point and the int8 clamp. Bit-exact with {@code
 * c-runtime/src/reduce/tforge_mean_hw_s8.c}. The output must not overlap the input.
 */
public final class Mean {
  private Mean() {}

  public static void runHw(byte[] in, int inOff, Dims inDims, byte[] out, int outOff, MeanParams p) {
    int pixels = inDims.h() * inDims.w();
    if (pixels != p.count()) {
      throw new IllegalArgumentException(
          "MEAN params were prepared for " + p.count() + " elements, the input has " + pixels);
    }
    Aliasing.requireDisjoint("Mean", in, inOff, inDims.size(), out, outOff, inDims.c());
    int depth = inDims.c();
    for (int c = 0; c < depth; c++) {
      int sum = 0;
      for (int i = 0; i < pixels; i++) {
        sum += in[inOff + i * depth + c];
      }
      int shifted = (int) (sum - (long) p.inputZeroPoint() * p.count());
      int result = FixedPoint.requantize(shifted, p.multiplier(), p.shift()) + p.outputZeroPoint();
      out[outOff + c] = (byte) FixedPoint.clamp(result, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
  }
}
