package dev.tinyforge.kernels;

/**
 * The int8 clamp that a fused activation becomes, computed the way TF Lite Micro's
 * CalculateActivationRangeQuantized does: the real bounds 0 and 6 are quantized with the output's
 * float32 scale (float division, round half away from zero, plus the zero point) and then limited
 * to the int8 range.
 */
public record ActivationRange(int min, int max) {
  private static final int INT8_MIN = -128;
  private static final int INT8_MAX = 127;

  public static ActivationRange of(Activation kind, float outScale, int outZp) {
    return switch (kind) {
      case NONE -> new ActivationRange(INT8_MIN, INT8_MAX);
      case RELU -> new ActivationRange(Math.max(INT8_MIN, quantize(0f, outScale, outZp)), INT8_MAX);
      case RELU6 ->
          new ActivationRange(
              Math.max(INT8_MIN, quantize(0f, outScale, outZp)),
              Math.min(INT8_MAX, quantize(6f, outScale, outZp)));
    };
  }

  private static int quantize(float real, float scale, int zeroPoint) {
    float scaled = real / scale; // float32 division, as TFLM does it
    return zeroPoint + (int) roundHalfAwayFromZero(scaled);
  }

  /**
   * std::round on a float. Math.round would take -2.5 to -2, and adding 0.5 in float arithmetic
   * would round 0.49999997 up; in double the sum is exact.
   */
  private static double roundHalfAwayFromZero(float x) {
    return Math.copySign(Math.floor(Math.abs((double) x) + 0.5), x);
  }
}
