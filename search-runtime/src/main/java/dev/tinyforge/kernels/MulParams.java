package dev.tinyforge.kernels;

import dev.tinyforge.quant.QuantizedMultiplier;

/**
 * Constants of one int8 MUL ({@code tforge_mul_params}), TF Lite Micro's CalculateOpDataMul: one
 * multiplier for input1_scale * input2_scale / output_scale (in double from the float32 scales),
 * offsets as the reference uses them (inputNOffset = -zero point, outputOffset = +zero point) and
 * the fused activation's clamp. Shifts are exponents: multiplier * 2^(shift - 31).
 */
public record MulParams(
    int input1Offset,
    int input2Offset,
    int outputOffset,
    int outputMultiplier,
    int outputShift,
    int actMin,
    int actMax) {

  public static MulParams prepare(
      float inScale1,
      int inZp1,
      float inScale2,
      int inZp2,
      float outScale,
      int outZp,
      int actMin,
      int actMax) {
    double real = (double) inScale1 * (double) inScale2 / (double) outScale;
    QuantizedMultiplier m = QuantizedMultiplier.of(real);
    return new MulParams(-inZp1, -inZp2, outZp, m.multiplier(), m.shift(), actMin, actMax);
  }

  /**
   * The same product with the operands exchanged. (a - zp1) * (b - zp2) is symmetric, so a
   * broadcast whose small operand is input 1 runs as input 2 with the offsets swapped.
   */
  public MulParams swapped() {
    return new MulParams(
        input2Offset, input1Offset, outputOffset, outputMultiplier, outputShift, actMin, actMax);
  }
}
