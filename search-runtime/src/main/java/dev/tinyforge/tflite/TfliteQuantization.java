package dev.tinyforge.tflite;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor's affine quantization: {@code real = scale * (q - zeroPoint)}, one scale and zero point
 * per tensor, or one per slice along {@code quantizedDimension} (per-channel weights).
 * The arrays are copied in and out: a quantization never changes.
 *
 * <p>{@code quantizedDimension} is stored as the file has it, unchecked: old converters write 3
 * on rank-1 biases (person_detect does), and TF Lite Micro ignores it there. Users of per-channel
 * parameters check it against the tensor they quantize.
 */
public record TfliteQuantization(float[] scales, long[] zeroPoints, int quantizedDimension) {
  /** A tensor without quantization parameters (float tensors, or quantization absent). */
  public static final TfliteQuantization NONE =
      new TfliteQuantization(new float[0], new long[0], 0);

  public TfliteQuantization {
    scales = scales.clone();
    zeroPoints = zeroPoints.clone();
  }

  @Override
  public float[] scales() {
    return scales.clone();
  }

  @Override
  public long[] zeroPoints() {
    return zeroPoints.clone();
  }

  public boolean isQuantized() {
    return scales.length > 0;
  }

  /** One scale for the whole tensor. */
  public boolean isPerTensor() {
    return scales.length == 1;
  }

  /** The single scale of a per-tensor quantization. */
  public float scale() {
    requirePerTensor();
    return scales[0];
  }

  /** The single zero point of a per-tensor quantization (0 when the file gives none). */
  public long zeroPoint() {
    requirePerTensor();
    return zeroPoints.length == 0 ? 0 : zeroPoints[0];
  }

  private void requirePerTensor() {
    if (!isPerTensor()) {
      throw new IllegalStateException("not per-tensor quantization: " + scales.length + " scales");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TfliteQuantization that
        && Arrays.equals(scales, that.scales)
        && Arrays.equals(zeroPoints, that.zeroPoints)
        && quantizedDimension == that.quantizedDimension;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(scales), Arrays.hashCode(zeroPoints), quantizedDimension);
  }

  @Override
  public String toString() {
    if (!isQuantized()) {
      return "not quantized";
    }
    if (isPerTensor()) {
      return "scale=" + scales[0] + " zp=" + zeroPoint();
    }
    return "per-channel(" + scales.length + ") along dimension " + quantizedDimension;
  }
}
