package dev.tinyforge.kernels;

import dev.tinyforge.quant.QuantizedMultiplier;

/**
 * Constants of one int8 HARD_SWISH ({@code tforge_hard_swish_params}), TF Lite Micro's Prepare:
 * the input is taken to a "high-resolution" scale input_scale / 128; two int16 fixed-point
 * multipliers (Q15, from the Q31 ones rounded down to 16 bits) take it to the output scale and to
 * the "reluish" scale on which 3.0 is 32768. Exponents as for int32: multiplier * 2^(exp - 15).
 */
public record HardSwishParams(
    int inputZeroPoint,
    int outputZeroPoint,
    int reluishMultiplier,
    int reluishExponent,
    int outputMultiplier,
    int outputExponent) {

  public static HardSwishParams prepare(
      float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint) {
    float hiresInputScale = (1.0f / 128.0f) * inputScale; // float arithmetic, as TFLM does
    float reluishScale = 3.0f / 32768.0f;
    QuantizedMultiplier out = QuantizedMultiplier.of((double) (hiresInputScale / outputScale));
    if (out.shift() > 0) {
      throw new IllegalArgumentException(
          "HARD_SWISH output multiplier exponent " + out.shift() + " > 0 (TFLM rejects it)");
    }
    QuantizedMultiplier reluish =
        QuantizedMultiplier.of((double) (hiresInputScale / reluishScale));
    return new HardSwishParams(
        inputZeroPoint,
        outputZeroPoint,
        toInt16(reluish.multiplier()),
        reluish.shift(),
        toInt16(out.multiplier()),
        out.shift());
  }

  /** DownScaleInt32ToInt16Multiplier: round to the top 16 bits, saturating near 2^31. */
  static int toInt16(int multiplier) {
    if (multiplier < 0) {
      throw new IllegalArgumentException("negative multiplier " + multiplier);
    }
    int roundingOffset = 1 << 15;
    if (multiplier >= Integer.MAX_VALUE - roundingOffset) {
      return Short.MAX_VALUE;
    }
    return (multiplier + roundingOffset) >> 16;
  }
}
