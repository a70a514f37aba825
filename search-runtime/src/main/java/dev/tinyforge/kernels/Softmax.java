package dev.tinyforge.kernels;

import dev.tinyforge.quant.FixedPoint;
import dev.tinyforge.quant.FixedPointExp;

/**
 * int8 softmax over the last axis, TF Lite Micro's reference recipe: exp of each scaled difference
 * to the row maximum in fixed point (Q5.26 in, Q0.31 out), the sum of exps in Q12.19, one
 * fixed-point reciprocal of the sum, and each output as exp * reciprocal rounded to 1/256 steps.
 * The output quantization is fixed: scale 1/256, zero point -128. Bit-exact with {@code
 * c-runtime/src/softmax/tforge_softmax_s8.c}.
 */
public final class Softmax {
  private Softmax() {}

  private static final int SUM_INTEGER_BITS = 12;
  private static final int OUTPUT_BITS = 8;

  /**
   * The output may be the input itself (same array and offset) or disjoint from it: each row is
   * read completely before its first write, then element c is read just before it is written.
   *
   * @throws ArithmeticException where TFLM's kernel stops on a failed check: a sum of exps of
   *     2^28 or more, which takes about 512 or more near-maximal logits in one row
   */
  public static void run(
      byte[] in, int inOff, byte[] out, int outOff, int rows, int depth, SoftmaxParams p) {
    int size = rows * depth;
    Aliasing.requireSameOrDisjoint("Softmax", in, inOff, size, out, outOff, size);
    for (int row = 0; row < rows; row++) {
      int inBase = inOff + row * depth;
      int outBase = outOff + row * depth;
      int max = Byte.MIN_VALUE;
      for (int c = 0; c < depth; c++) {
        max = Math.max(max, in[inBase + c]);
      }

      int sumOfExps = 0; // Q12.19
      for (int c = 0; c < depth; c++) {
        int diff = in[inBase + c] - max;
        if (diff >= p.diffMin()) {
          int exp = expOfDiff(diff, p);
          sumOfExps += FixedPointExp.rescale(exp, 0, SUM_INTEGER_BITS);
        }
      }

      // sum = 2^bitsOverUnit * (1 + f) with f in [0, 1); the reciprocal is taken of (1 + f).
      int headroomPlusOne = Integer.numberOfLeadingZeros(sumOfExps);
      int bitsOverUnit = SUM_INTEGER_BITS - headroomPlusOne;
      // Wraps on purpose: dropping the leading one leaves f in Q0.
      int fractionAboveOne = (sumOfExps << headroomPlusOne) - Integer.MIN_VALUE;
      int reciprocal = FixedPointExp.oneOverOnePlusX(fractionAboveOne);
      int exponent = bitsOverUnit + 31 - OUTPUT_BITS;
      if (exponent < 0 || exponent > 31) {
        throw new ArithmeticException("Softmax: sum of exps " + sumOfExps + " is out of range");
      }

      for (int c = 0; c < depth; c++) {
        int diff = in[inBase + c] - max;
        int result = Byte.MIN_VALUE;
        if (diff >= p.diffMin()) {
          int exp = expOfDiff(diff, p);
          int probability =
              FixedPoint.roundingDivideByPot(
                  FixedPoint.saturatingRoundingDoublingHighMul(reciprocal, exp), exponent);
          result = FixedPoint.clamp(probability + Byte.MIN_VALUE, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        out[outBase + c] = (byte) result;
      }
    }
  }

  /** exp(beta * scale * diff) in Q0; diff >= diffMin keeps diff * 2^leftShift inside an int. */
  private static int expOfDiff(int diff, SoftmaxParams p) {
    int scaled =
        FixedPoint.saturatingRoundingDoublingHighMul(
            diff << p.inputLeftShift(), p.inputMultiplier());
    return FixedPointExp.expOnNegativeValues(scaled, SoftmaxParams.SCALED_DIFF_INTEGER_BITS);
  }
}
