package dev.tinyforge.kernels;

import dev.tinyforge.quant.FixedPoint;
import dev.tinyforge.quant.FixedPointExp;

/**
 * int8 TANH, TF Lite Micro's reference_integer_ops::Tanh: the input in Q4 goes through
 * gemmlowp's fixed-point tanh (Q0 result), which is rounded to 1/128 steps (output zero point 0).
 * Bit-exact with {@code c-runtime/src/activations/tforge_tanh_s8.c}. Element-wise: the output may be exactly the input.
 */
public final class Tanh {
  private Tanh() {}

  public static void run(byte[] in, int inOff, byte[] out, int outOff, int size, SigmoidParams p) {
    Aliasing.requireSameOrDisjoint("Tanh", in, inOff, size, out, outOff, size);
    for (int i = 0; i < size; i++) {
      int input = in[inOff + i] - p.inputZeroPoint();
      int result;
      if (input <= -p.inputRangeRadius()) {
        result = Byte.MIN_VALUE;
      } else if (input >= p.inputRangeRadius()) {
        result = Byte.MAX_VALUE;
      } else {
        int inQ4 = FixedPoint.requantize(input, p.inputMultiplier(), p.inputLeftShift());
        int outQ0 = FixedPointExp.tanh(inQ4, SigmoidParams.INPUT_INTEGER_BITS);
        result = FixedPoint.clamp(FixedPoint.roundingDivideByPot(outQ0, 24), -128, 127);
      }
      out[outOff + i] = (byte) result;
    }
  }
}
