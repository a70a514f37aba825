package dev.tinyforge.quant;

/**
 * The fixed-point exp and reciprocal that TF Lite's int8 softmax takes from gemmlowp, written on
 * raw int32 values. A raw value x in format "Qm" (m integer bits, sign excluded) stands for
 * x / 2^(31 - m); Q0 covers [-1, 1). Bit-exact with {@code
 * c-runtime/include/tforge_fixedpoint_exp.h}.
 *
 * <p>Java int arithmetic wraps where C would overflow; every sum below stays in range for the
 * inputs the functions accept, so wrapping never actually changes a result.
 */
public final class FixedPointExp {
  private FixedPointExp() {}

  /** Q0 encodings of exp(-1/8) and 1/3, the Taylor expansion's constants. */
  static final int EXP_OF_MINUS_ONE_EIGHTH = 1895147668;

  static final int ONE_THIRD = 715827883;

  /** Q0 encodings of exp(-2^k) for k = -2..4: one factor per bit of the integer part. */
  private static final int[] EXP_OF_MINUS_POWER_OF_TWO = {
    1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242
  };

  /** Q2 encodings of 48/17 and -32/17: the Newton-Raphson division's starting line. */
  private static final int FORTY_EIGHT_SEVENTEENTHS = 1515870810;

  private static final int MINUS_THIRTY_TWO_SEVENTEENTHS = -1010580540;

  /** x * 2^exponent for exponent in [1, 31), saturating at the int32 limits. */
  public static int saturatingShiftLeft(int x, int exponent) {
    int threshold = (1 << (31 - exponent)) - 1;
    if (x > threshold) {
      return Integer.MAX_VALUE;
    }
    if (x < -threshold) {
      return Integer.MIN_VALUE;
    }
    return x << exponent;
  }

  /** Moves a raw value from Q{from} to Q{to}: a saturating left shift or a rounding right shift. */
  public static int rescale(int x, int fromIntegerBits, int toIntegerBits) {
    int exponent = fromIntegerBits - toIntegerBits;
    if (exponent > 0) {
      return saturatingShiftLeft(x, exponent);
    }
    if (exponent < 0) {
      return FixedPoint.roundingDivideByPot(x, -exponent);
    }
    return x;
  }

  /** (a + b) / 2 rounded half away from zero, without intermediate overflow. */
  public static int roundingHalfSum(int a, int b) {
    long sum = (long) a + b;
    long towardAway = sum >= 0 ? 1 : -1;
    return (int) ((sum + towardAway) / 2);
  }

  private static int mul(int a, int b) {
    return FixedPoint.saturatingRoundingDoublingHighMul(a, b);
  }

  /**
   * exp(a) for a Q0 value a in [-1/4, 0): a 4th-order Taylor polynomial around -1/8, evaluated as
   * exp(-1/8) * (1 + x + x^2/2 + x^3/6 + x^4/24) with x = a + 1/8.
   */
  public static int expOnNegativeQuarterInterval(int a) {
    int x = a + (1 << 28); // 1/8 in Q0
    int x2 = mul(x, x);
    int x3 = mul(x2, x);
    int x4 = mul(x2, x2);
    int x4Over4 = FixedPoint.roundingDivideByPot(x4, 2);
    // ((x^4/4 + x^3) / 3 + x^2) / 2 = x^4/24 + x^3/6 + x^2/2
    int higherTerms = FixedPoint.roundingDivideByPot(mul(x4Over4 + x3, ONE_THIRD) + x2, 1);
    return EXP_OF_MINUS_ONE_EIGHTH + mul(EXP_OF_MINUS_ONE_EIGHTH, x + higherTerms);
  }

  /**
   * exp(a) in Q0 for a raw value a <= 0 in Q{integerBits}. The fraction below a multiple of 1/4
   * goes through the polynomial; each set bit of the rest multiplies by exp(-2^k).
   */
  public static int expOnNegativeValues(int a, int integerBits) {
    int fractionalBits = 31 - integerBits;
    int oneQuarter = 1 << (fractionalBits - 2);
    int belowQuarterMinusQuarter = (a & (oneQuarter - 1)) - oneQuarter; // in [-1/4, 0)
    int result = expOnNegativeQuarterInterval(rescale(belowQuarterMinusQuarter, integerBits, 0));
    int remainder = belowQuarterMinusQuarter - a; // a non-negative multiple of 1/4
    for (int k = -2; k <= 4; k++) {
      if (integerBits > k && (remainder & (1 << (fractionalBits + k))) != 0) {
        result = mul(result, EXP_OF_MINUS_POWER_OF_TWO[k + 2]);
      }
    }
    if (integerBits > 5) { // exp(-32) is below Q0's resolution: flush to zero
      int minusThirtyTwo = -(1 << (36 - integerBits));
      if (a < minusThirtyTwo) {
        result = 0;
      }
    }
    return a == 0 ? Integer.MAX_VALUE : result; // exp(0) = 1, the largest Q0 value
  }

  /** 1 / (1 + a) for a Q0 value a in [0, 1), by three Newton-Raphson steps; result in Q0. */
  public static int oneOverOnePlusX(int a) {
    int halfDenominator = roundingHalfSum(a, Integer.MAX_VALUE); // (1 + a) / 2, Q0
    int oneInQ2 = 1 << 29;
    // Q0 x Q2 products are Q2.
    int x = FORTY_EIGHT_SEVENTEENTHS + mul(halfDenominator, MINUS_THIRTY_TWO_SEVENTEENTHS);
    for (int i = 0; i < 3; i++) {
      int error = oneInQ2 - mul(halfDenominator, x);
      x = x + rescale(mul(x, error), 4, 2); // Q2 x Q2 is Q4
    }
    // x approximates 1 / halfDenominator = 2 / (1 + a) in Q2; the same raw value read as Q1 is
    // half of it, which goes back to Q0.
    return rescale(x, 1, 0);
  }
  /** (1 - a) / (1 + a) for a Q0 value a in [0, 1): the same Newton-Raphson steps; result in Q0. */
  public static int oneMinusXOverOnePlusX(int a) {
    int halfDenominator = roundingHalfSum(a, Integer.MAX_VALUE);
    int oneInQ2 = 1 << 29;
    int x = FORTY_EIGHT_SEVENTEENTHS + mul(halfDenominator, MINUS_THIRTY_TWO_SEVENTEENTHS);
    for (int i = 0; i < 3; i++) {
      int error = oneInQ2 - mul(halfDenominator, x);
      x = x + rescale(mul(x, error), 4, 2);
    }
    // x ~ 2 / (1 + a) in Q2; 2 / (1 + a) - 1 = (1 - a) / (1 + a).
    return rescale(x - oneInQ2, 2, 0);
  }

  /**
   * gemmlowp's logistic: 1 / (1 + exp(-a)) in Q0 for a raw value a in Q{integerBits}. Computed for
   * |a| and mirrored (1 - y, with "1" the largest Q0 value) for negative a; exactly 1/2 at zero.
   */
  public static int logistic(int a, int integerBits) {
    if (a == 0) {
      return 1 << 30;
    }
    int absA = a > 0 ? a : -a;
    int forPositive = oneOverOnePlusX(expOnNegativeValues(-absA, integerBits));
    return a > 0 ? forPositive : Integer.MAX_VALUE - forPositive;
  }

  /**
   * gemmlowp's tanh in Q0 for a raw value a in Q{integerBits}: tanh(|a|) = (1 - exp(-2|a|)) / (1 +
   * exp(-2|a|)), where -2|a| is the same raw value read with one more integer bit; the sign is put
   * back afterwards and zero maps to zero.
   */
  public static int tanh(int a, int integerBits) {
    if (a == 0) {
      return 0;
    }
    int minusAbs = a < 0 ? a : -a;
    int t = oneMinusXOverOnePlusX(expOnNegativeValues(minusAbs, integerBits + 1));
    return a < 0 ? -t : t;
  }
}
