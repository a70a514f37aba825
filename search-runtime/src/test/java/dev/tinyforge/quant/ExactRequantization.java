package dev.tinyforge.quant;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The reference kernels' requantization restated with exact rational arithmetic, as an oracle
 * for tests. It shares no code with {@link FixedPoint}: each rounding step is written as the
 * rounding rule it implements rather than as the bit tricks that implement it.
 *
 * <ul>
 *   <li>the high multiply is {@code floor(a * b / 2^31 + 1/2)}, saturated to int32: ties go
 *       toward +infinity (1.5 -> 2, -1.5 -> -1), which is what gemmlowp's nudge-then-truncate
 *       amounts to;
 *   <li>the divide by 2^e rounds to nearest, ties away from zero (BigDecimal HALF_UP);
 *   <li>a positive shift multiplies by 2^shift first, keeping the low 32 bits (the int32 wrap).
 * </ul>
 */
public final class ExactRequantization {
  private static final BigInteger TWO_POW_31 = BigInteger.ONE.shiftLeft(31);
  private static final BigInteger TWO_POW_30 = BigInteger.ONE.shiftLeft(30);

  private ExactRequantization() {}

  public static int highMul(int a, int b) {
    BigInteger numerator = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).add(TWO_POW_30);
    BigInteger[] qr = numerator.divideAndRemainder(TWO_POW_31);
    BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    return saturate(floor);
  }

  public static int divideByPowerOfTwo(int x, int exponent) {
    return new BigDecimal(x)
        .divide(new BigDecimal(BigInteger.ONE.shiftLeft(exponent)))
        .setScale(0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  public static int requantize(int x, int multiplier, int shift) {
    int left = Math.max(shift, 0);
    int right = Math.max(-shift, 0);
    int widened = BigInteger.valueOf(x).multiply(BigInteger.ONE.shiftLeft(left)).intValue();
    return divideByPowerOfTwo(highMul(widened, multiplier), right);
  }

  private static int saturate(BigInteger v) {
    if (v.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      return Integer.MAX_VALUE;
    }
    if (v.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) < 0) {
      return Integer.MIN_VALUE;
    }
    return v.intValueExact();
  }
}
