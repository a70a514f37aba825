package dev.tinyforge.kernels;

import dev.tinyforge.quant.QuantizedMultiplier;

/**
 * Constants of one int8 ADD ({@code tforge_add_params}): both inputs are brought to a common scale
 * of twice the larger input scale, with 20 bits of headroom, added, and requantized to the output.
 * Offsets follow the reference kernels: inputNOffset = -zero point, outputOffset = +zero point.
 * Shifts are right shifts written as non-positive exponents (multiplier * 2^(shift - 31)).
 */
public record AddParams(
    int input1Offset,
    int input2Offset,
    int outputOffset,
    int leftShift,
    int input1Multiplier,
    int input1Shift,
    int input2Multiplier,
    int input2Shift,
    int outputMultiplier,
    int outputShift,
    int actMin,
    int actMax) {

  /** TFLM's int8 headroom: 255 << 20 plus a second such term still fits in int32. */
  static final int INT8_LEFT_SHIFT = 20;

  /**
   * TF Lite Micro's Prepare for int8 ADD (CalculateOpDataAdd). Scales are the float32 values stored
   * in the model; the larger one is chosen in float and everything after it is double.
   */
  public static AddParams prepare(
      float inScale1,
      int inZp1,
      float inScale2,
      int inZp2,
      float outScale,
      int outZp,
      int actMin,
      int actMax) {
    double twiceMaxInputScale = 2 * (double) Math.max(inScale1, inScale2);
    QuantizedMultiplier in1 = belowOne(inScale1 / twiceMaxInputScale);
    QuantizedMultiplier in2 = belowOne(inScale2 / twiceMaxInputScale);
    QuantizedMultiplier outM =
        belowOne(twiceMaxInputScale / ((1 << INT8_LEFT_SHIFT) * (double) outScale));
    return new AddParams(
        -inZp1,
        -inZp2,
        outZp,
        INT8_LEFT_SHIFT,
        in1.multiplier(),
        in1.shift(),
        in2.multiplier(),
        in2.shift(),
        outM.multiplier(),
        outM.shift(),
        actMin,
        actMax);
  }

  /** QuantizeMultiplierSmallerThanOneExp: the multiplier must lie in (0, 1). */
  private static QuantizedMultiplier belowOne(double real) {
    if (!(real > 0 && real < 1)) {
      throw new IllegalArgumentException("ADD multiplier " + real + " is not in (0, 1)");
    }
    return QuantizedMultiplier.of(real);
  }
}
