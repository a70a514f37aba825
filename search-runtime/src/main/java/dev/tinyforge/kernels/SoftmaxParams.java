package dev.tinyforge.kernels;

import dev.tinyforge.quant.QuantizedMultiplier;

/**
 * Constants of one int8 softmax ({@code tforge_softmax_params}). An input difference d = x - max
 * (in input codes, d <= 0) becomes beta * scale * d in Q5.26 as d * 2^inputLeftShift multiplied by
 * inputMultiplier (a Q31 fraction); differences below diffMin would leave Q5.26's range, and their
 * exp is taken as zero.
 */
public record SoftmaxParams(int inputMultiplier, int inputLeftShift, int diffMin) {

  /** Integer bits of the exp input format (Q5.26): differences down to -32 are representable. */
  static final int SCALED_DIFF_INTEGER_BITS = 5;

  /**
   * TF Lite Micro's Prepare for int8 softmax (PreprocessSoftmaxScaling and CalculateInputRadius
   * with 5 integer bits). Pass the model's float32 input scale and beta widened to double, as TFLM
   * does.
   */
  public static SoftmaxParams prepare(double inputScale, double beta) {
    double maxRealMultiplier = (1L << 31) - 1.0;
    double realMultiplier =
        Math.min(beta * inputScale * (1 << (31 - SCALED_DIFF_INTEGER_BITS)), maxRealMultiplier);
    if (!(realMultiplier > 1.0)) {
      // QuantizeMultiplierGreaterThanOne's check: a tiny beta * scale has no int8 softmax in TFLM.
      throw new IllegalArgumentException(
          "softmax: beta * input scale * 2^26 = " + realMultiplier + " is not above 1");
    }
    QuantizedMultiplier q = quantizeAboveOne(realMultiplier);
    int leftShift = q.shift();
    return new SoftmaxParams(q.multiplier(), leftShift, -inputRadius(leftShift));
  }

  /**
   * TFLM's QuantizeMultiplier, including shift 31, which {@link QuantizedMultiplier#of} refuses:
   * a multiplier in [2^30, 2^31) (input scales of 16 and more) gets it. Halving is exact in
   * double, so x / 2 has the same mantissa and one less exponent; the rounded mantissa cannot
   * reach 2^31 because x is capped at 2^31 - 1.
   */
  private static QuantizedMultiplier quantizeAboveOne(double realMultiplier) {
    if (realMultiplier < (1L << 30)) {
      return QuantizedMultiplier.of(realMultiplier);
    }
    QuantizedMultiplier half = QuantizedMultiplier.of(realMultiplier / 2);
    return new QuantizedMultiplier(half.multiplier(), half.shift() + 1);
  }

  /**
   * The largest |d| whose rescaled value still fits: floor((2^5 - 1) * 2^26 / 2^leftShift). The
   * quotient is exact in double, so floor sees the true value.
   */
  private static int inputRadius(int leftShift) {
    double maxRescaled =
        1.0
            * ((1 << SCALED_DIFF_INTEGER_BITS) - 1)
            * (1L << (31 - SCALED_DIFF_INTEGER_BITS))
            / (1L << leftShift);
    return (int) Math.floor(maxRescaled);
  }
}
