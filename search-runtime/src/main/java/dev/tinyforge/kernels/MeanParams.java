package dev.tinyforge.kernels;

import dev.tinyforge.quant.QuantizedMultiplier;

/**
 * Constants of one requantizing int8 MEAN ({@code tforge_mean_params}), TF Lite Micro's
 * QuantizedMeanOrSum: QuantizeMultiplier(input_scale / output_scale), then 1/count folded into the
 * multiplier in integers (shift = min(floor(log2 count), 32, 31 + shift); multiplier =
 * (int64 multiplier << shift) / count, truncating; shift -= shift). Folding 1/count into the
 * double before quantizing is not the same thing.
 */
public record MeanParams(
    int inputZeroPoint, int outputZeroPoint, int count, int multiplier, int shift) {

  public static MeanParams prepare(
      float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint, int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("MEAN over " + count + " elements");
    }
    if (inputScale == outputScale && inputZeroPoint == outputZeroPoint) {
      // TFLM then takes reference_ops::Mean (a truncating division of the raw code sum), which no
      // golden covers yet; refuse rather than guess.
      throw new UnsupportedOperationException(
          "MEAN with identical input and output quantization is not supported yet");
    }
    QuantizedMultiplier m = QuantizedMultiplier.of((double) inputScale / (double) outputScale);
    int fold = 63 - Long.numberOfLeadingZeros(count);
    fold = Math.min(fold, 32);
    fold = Math.min(fold, 31 + m.shift());
    if (fold < 0) {
      throw new IllegalArgumentException("MEAN scale ratio " + inputScale / outputScale + " too small");
    }
    int multiplier = (int) (((long) m.multiplier() << fold) / count);
    return new MeanParams(inputZeroPoint, outputZeroPoint, count, multiplier, m.shift() - fold);
  }
}
