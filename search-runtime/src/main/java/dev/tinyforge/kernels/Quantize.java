package dev.tinyforge.kernels;

import dev.tinyforge.quant.FixedPoint;
import dev.tinyforge.quant.QuantizedMultiplier;

/**
 * QUANTIZE and DEQUANTIZE, TF Lite Micro's reference kernels. float32 to int8 is AffineQuantize:
 * round(x / scale) with the division in float32 and rounding half away from zero, plus the zero
 * point, clamped. int8 to int8 is Requantize: (q - input zp) times the fixed-point multiplier for
 * input_scale / output_scale, plus the output zero point, clamped. int8 to float32 is (q - zp) *
 * scale in double, rounded to float32. Bit-exact with {@code c-runtime/src/quantize/}.
 */
public final class Quantize {
  private Quantize() {}

  /** Constants of an int8 to int8 QUANTIZE ({@code tforge_requantize_params}). */
  public record RequantizeParams(
      int inputZeroPoint, int outputZeroPoint, int multiplier, int shift) {
    public static RequantizeParams prepare(
        float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint) {
      QuantizedMultiplier m = QuantizedMultiplier.of((double) inputScale / (double) outputScale);
      return new RequantizeParams(inputZeroPoint, outputZeroPoint, m.multiplier(), m.shift());
    }
  }

  public static void fromFloat(
      float[] in, int inOff, byte[] out, int outOff, int size, float scale, int zeroPoint) {
    for (int i = 0; i < size; i++) {
      out[outOff + i] = (byte) quantizeOne(in[inOff + i], scale, zeroPoint);
    }
  }

  static int quantizeOne(float x, float scale, int zeroPoint) {
    float scaled = x / scale; // float32 division, as TFLM does it
    // std::round on a float, in double where adding 0.5 is exact; limited before the int cast,
    // where TFLM's own cast would be undefined (NaN maps to the zero point).
    double rounded = Math.copySign(Math.floor(Math.abs((double) scaled) + 0.5), scaled);
    double limited = Math.max(-1e9, Math.min(1e9, rounded));
    int value = Double.isNaN(limited) ? 0 : (int) limited;
    return FixedPoint.clamp(value + zeroPoint, Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  /** int8 to int8; the output may be exactly the input. */
  public static void requantize(
      byte[] in, int inOff, byte[] out, int outOff, int size, RequantizeParams p) {
    Aliasing.requireSameOrDisjoint("Quantize", in, inOff, size, out, outOff, size);
    for (int i = 0; i < size; i++) {
      int value =
          FixedPoint.requantize(in[inOff + i] - p.inputZeroPoint(), p.multiplier(), p.shift())
              + p.outputZeroPoint();
      out[outOff + i] = (byte) FixedPoint.clamp(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
  }

  public static void dequantize(
      byte[] in, int inOff, float[] out, int outOff, int size, float scale, int zeroPoint) {
    for (int i = 0; i < size; i++) {
      out[outOff + i] = (float) ((double) scale * (in[inOff + i] - zeroPoint));
    }
  }
}
