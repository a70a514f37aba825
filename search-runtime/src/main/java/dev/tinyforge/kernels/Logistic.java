package dev.tinyforge.kernels;

import dev.tinyforge.quant.FixedPoint;
import dev.tinyforge.quant.FixedPointExp;

/**
 * int8 LOGISTIC, TF Lite Micro's reference_integer_ops::Logistic: the input in Q4 goes through
 * gemmlowp's fixed-point logistic (Q0 result), which is rounded to 1/256 steps and offset by the
 * fixed output zero point -128. Bit-exact with {@code c-runtime/src/activations/
 * tforge_logistic_s8.c}. Element-wise: the output may be exactly the input.
 */
public final class Logistic {
  private Logistic() {}

  public static void run(byte[] in, int inOff, byte[] out, int outOff, int size, SigmoidParams p) {
    Aliasing.requireSameOrDisjoint("Logistic", in, inOff, size, out, outOff, size);
    for (int i = 0; i < size; i++) {
      int input = in[inOff + i] - p.inputZeroPoint();
      int result;
      if (input <= -p.inputRangeRadius()) {
        result = Byte.MIN_VALUE;
      } else if (input >= p.inputRangeRadius()) {
        result = Byte.MAX_VALUE;
      } else {
        int inQ4 = FixedPoint.requantize(input, p.inputMultiplier(), p.inputLeftShift());
        int outQ0 = FixedPointExp.logistic(inQ4, SigmoidParams.INPUT_INTEGER_BITS);
        result = FixedPoint.clamp(FixedPoint.roundingDivideByPot(outQ0, 23) - 128, -128, 127);
      }
      out[outOff + i] = (byte) result;
    }
  }
}
