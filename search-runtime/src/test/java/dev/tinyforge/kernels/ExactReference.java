package dev.tinyforge.kernels;

import java.math.BigInteger;

/**
 * The fixed-point steps of the reference kernels restated as exact rational rounding, for tests:
 * written from the definitions, not from the production code, so a slip in one is caught by the
 * other.
 *
 * <ul>
 *   <li>saturating rounding doubling high multiply = floor(a * b / 2^31 + 1/2), i.e. ties go up
 *       (toward +infinity), and the one product that does not fit saturates;
 *   <li>rounding divide by 2^e = nearest integer to x / 2^e, ties away from zero.
 * </ul>
 */
final class ExactReference {
  private ExactReference() {}

  private static final BigInteger TWO_POW_31 = BigInteger.ONE.shiftLeft(31);

  static int highMul(int a, int b) {
    // floor((2ab + 2^31) / 2^32)
    BigInteger numerator =
        BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).shiftLeft(1).add(TWO_POW_31);
    BigInteger q = floorDiv(numerator, TWO_POW_31.shiftLeft(1));
    return q.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValueExact();
  }

  static int divideByPowerOfTwo(int x, int exponent) {
    BigInteger divisor = BigInteger.ONE.shiftLeft(exponent);
    BigInteger magnitude = BigInteger.valueOf(x).abs();
    // |x| / 2^e rounded half up, then the sign back: ties away from zero
    BigInteger rounded = floorDiv(magnitude.shiftLeft(1).add(divisor), divisor.shiftLeft(1));
    return (x < 0 ? rounded.negate() : rounded).intValueExact();
  }

  /** multiplier * 2^(shift - 31) applied to x for shift <= 0, in the double-rounding form. */
  static int scale(int x, int multiplier, int shift) {
    return divideByPowerOfTwo(highMul(x, multiplier), -shift);
  }

  /** One int8 ADD element, following TFLM's AddFunc step by step. */
  static int add(int x1, int x2, AddParams p) {
    int a = scale((x1 + p.input1Offset()) << p.leftShift(), p.input1Multiplier(), p.input1Shift());
    int b = scale((x2 + p.input2Offset()) << p.leftShift(), p.input2Multiplier(), p.input2Shift());
    int raw = scale(a + b, p.outputMultiplier(), p.outputShift()) + p.outputOffset();
    return Math.max(p.actMin(), Math.min(p.actMax(), raw));
  }

  private static BigInteger floorDiv(BigInteger n, BigInteger d) {
    BigInteger[] qr = n.divideAndRemainder(d);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }
}
