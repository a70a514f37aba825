package dev.tinyforge.kernels;

import dev.tinyforge.quant.QuantizedMultiplier;

/**
 * Constants of one standalone int8 RELU ({@code tforge_relu_params}), TF Lite Micro's
 * CalculateReluOpData: RELU requantizes by input_scale / output_scale, then clamps below at the
 * output zero point (real 0). Zero points are kept as zero points here, as TFLM's ReluOpData does.
 */
public record ReluParams(
    int inputZeroPoint, int outputZeroPoint, int outputMultiplier, int outputShift, int actMin,
    int actMax) {

  public static ReluParams prepare(
      float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint) {
    QuantizedMultiplier m = QuantizedMultiplier.of((double) inputScale / (double) outputScale);
    // roundf(0 / scale) = 0: the lower bound is the zero point, limited to int8.
    int actMin = Math.max(Byte.MIN_VALUE, outputZeroPoint);
    return new ReluParams(
        inputZeroPoint, outputZeroPoint, m.multiplier(), m.shift(), actMin, Byte.MAX_VALUE);
  }
}
