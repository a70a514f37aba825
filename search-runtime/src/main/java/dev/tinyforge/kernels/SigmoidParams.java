package dev.tinyforge.kernels;

/**
 * Constants of an int8 LOGISTIC or TANH ({@code tforge_sigmoid_params}); TF Lite Micro's Prepare
 * computes them the same way for both. The input, zero point removed, is brought to Q4 (4 integer
 * bits) by {@code inputMultiplier * 2^(inputLeftShift - 31)}; inputs at or beyond {@code
 * inputRangeRadius} saturate without the fixed-point evaluation. Output quantization is fixed by
 * the kernels: 1/256 with zero point -128 (LOGISTIC), 1/128 with zero point 0 (TANH).
 */
public record SigmoidParams(
    int inputZeroPoint, int inputRangeRadius, int inputMultiplier, int inputLeftShift) {

  static final int INPUT_INTEGER_BITS = 4;

  /**
   * frexp(input_scale * 2^27) gives the Q31 mantissa (rounded half away from zero) and the left
   * shift; the radius is floor(15 * 2^27 / 2^leftShift), TFLM's CalculateInputRadius.
   */
  public static SigmoidParams prepare(float inputScale, int inputZeroPoint) {
    double real = (double) inputScale * (double) (1 << (31 - INPUT_INTEGER_BITS));
    if (!(real > 0) || Double.isInfinite(real)) {
      throw new IllegalArgumentException("input scale " + inputScale + " is not positive");
    }
    int leftShift = Math.getExponent(real) + 1; // frexp: real = q * 2^leftShift, q in [0.5, 1)
    double q = real / Math.scalb(1.0, leftShift);
    long multiplier = (long) Math.floor(q * (1L << 31) + 0.5);
    if (multiplier >= (1L << 31)) {
      // TFLM would cast 2^31 to int32 here (undefined behaviour); no real model has this scale.
      throw new IllegalArgumentException("input scale " + inputScale + " rounds to 2^31");
    }
    if (leftShift < 0 || leftShift > 31) {
      throw new IllegalArgumentException(
          "input scale " + inputScale + " gives a left shift of " + leftShift);
    }
    double maxInputRescaled =
        1.0 * ((1 << INPUT_INTEGER_BITS) - 1) * (1L << (31 - INPUT_INTEGER_BITS))
            / (double) (1L << leftShift);
    int radius = (int) Math.floor(maxInputRescaled);
    return new SigmoidParams(inputZeroPoint, radius, (int) multiplier, leftShift);
  }
}
