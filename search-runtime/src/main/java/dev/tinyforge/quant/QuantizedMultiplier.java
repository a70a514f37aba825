package dev.tinyforge.quant;

/**
 * A real multiplier in fixed point: {@code value ≈ multiplier * 2^(shift - 31)}, multiplier in
 * [2^30, 2^31). Computed at compile time (TF Lite Micro computes it in Prepare), applied at run
 * time with integers only by {@link FixedPoint#requantize}.
 */
public record QuantizedMultiplier(int multiplier, int shift) {

  /** TF Lite's QuantizeMultiplier: frexp, round the Q31 mantissa, renormalize 2^31. */
  public static QuantizedMultiplier of(double realMultiplier) {
    if (realMultiplier == 0.0) {
      return new QuantizedMultiplier(0, 0);
    }
    int exponent = Math.getExponent(realMultiplier) + 1;
    double fraction = realMultiplier / Math.scalb(1.0, exponent);
    if (Math.abs(fraction) < 0.5) { // subnormal input: frexp normalizes further
      while (Math.abs(fraction) < 0.5) {
        fraction *= 2;
        exponent--;
      }
    }
    // std::round rounds ties away from zero; Math.round would round -x.5 toward +infinity.
    long magnitude = Math.round(Math.abs(fraction) * (1L << 31));
    long q = fraction < 0 ? -magnitude : magnitude;
    if (q == (1L << 31)) {
      q /= 2;
      exponent++;
    }
    if (exponent < -31) {
      return new QuantizedMultiplier(0, 0);
    }
    if (exponent > 30) {
      throw new ArithmeticException("multiplier " + realMultiplier + " is too large for Q31");
    }
    return new QuantizedMultiplier((int) q, exponent);
  }

  public int apply(int accumulator) {
    return FixedPoint.requantize(accumulator, multiplier, shift);
  }
}
