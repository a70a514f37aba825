package dev.tinyforge.quant;

/**
 * Integer requantization primitives, bit-exact with TF Lite Micro's reference kernels and with
 * {@code c-runtime/include/tforge_fixedpoint.h}. A real multiplier M is held as a Q31 integer and
 * a shift: M = multiplier * 2^(shift - 31).
 */
public final class FixedPoint {
  private FixedPoint() {}

  /**
   * (a * b * 2) / 2^32 rounded to nearest, ties toward +infinity (1.5 -> 2, -1.5 -> -1: the
   * nudge is not symmetric); saturates the single overflowing case.
   */
  public static int saturatingRoundingDoublingHighMul(int a, int b) {
    if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
      return Integer.MAX_VALUE;
    }
    long ab = (long) a * (long) b;
    long nudge = ab >= 0 ? (1L << 30) : (1L - (1L << 30));
    // Division truncates toward zero, as the reference does; a shift would floor.
    return (int) ((ab + nudge) / (1L << 31));
  }

  /** x / 2^exponent rounded to nearest, ties away from zero. */
  public static int roundingDivideByPot(int x, int exponent) {
    int mask = (int) ((1L << exponent) - 1);
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  /** x * multiplier * 2^(shift - 31), the reference kernels' "double rounding" form. */
  public static int requantize(int x, int multiplier, int shift) {
    int left = shift > 0 ? shift : 0;
    int right = shift > 0 ? 0 : -shift;
    return roundingDivideByPot(saturatingRoundingDoublingHighMul(x << left, multiplier), right);
  }

  public static int clamp(int x, int lo, int hi) {
    return x < lo ? lo : Math.min(x, hi);
  }
}
