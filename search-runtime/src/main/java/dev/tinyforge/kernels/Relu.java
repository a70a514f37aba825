package dev.tinyforge.kernels;

import dev.tinyforge.quant.FixedPoint;

/**
 * Standalone int8 RELU and RELU6, TF Lite Micro's reference kernels. RELU requantizes each value
 * to the output scale and clamps at the output zero point; RELU6 does not requantize at all: it
 * clamps the input codes to [input zero point, quantized 6] and ignores the output quantization
 * (see {@link #relu6Bounds}). Bit-exact with {@code c-runtime/src/activations/tforge_relu_s8.c}
 * and {@code tforge_relu6_s8.c}. Element-wise: the output may be exactly the input.
 */
public final class Relu {
  private Relu() {}

  public static void run(byte[] in, int inOff, byte[] out, int outOff, int size, ReluParams p) {
    Aliasing.requireSameOrDisjoint("Relu", in, inOff, size, out, outOff, size);
    for (int i = 0; i < size; i++) {
      int value =
          p.outputZeroPoint()
              + FixedPoint.requantize(
                  in[inOff + i] - p.inputZeroPoint(), p.outputMultiplier(), p.outputShift());
      out[outOff + i] = (byte) FixedPoint.clamp(value, p.actMin(), p.actMax());
    }
  }

  /** RELU6's clamp on the input codes: {@code bounds} from {@link #relu6Bounds}. */
  public static void run6(
      byte[] in, int inOff, byte[] out, int outOff, int size, ActivationRange bounds) {
    Aliasing.requireSameOrDisjoint("Relu6", in, inOff, size, out, outOff, size);
    for (int i = 0; i < size; i++) {
      out[outOff + i] = (byte) FixedPoint.clamp(in[inOff + i], bounds.min(), bounds.max());
    }
  }

  /**
   * TFLM's Relu6Prepare: zero = the input zero point, six = FloatToQuantizedType(6, input scale,
   * input zero point), i.e. zp + round(6f / scale) (float division, half away from zero) limited
   * to int8. The output tensor's scale and zero point are not consulted.
   */
  public static ActivationRange relu6Bounds(float inputScale, int inputZeroPoint) {
    return ActivationRange.of(Activation.RELU6, inputScale, inputZeroPoint);
  }
}
