package dev.tinyforge.mirror;

import dev.tinyforge.engine.LayerFacts;
import java.util.List;

/**
 * What every generated mirror offers: one inference exactly as the firmware computes it, and the
 * model's facts. Each generated class also has the same facts as static constants.
 */
public interface ModelMirror {
  /** The model's C name. */
  String name();

  /** The board the model was planned for. */
  String board();

  /** Runs one inference on int8 input bytes and returns the int8 output bytes. */
  byte[] invoke(byte[] input);

  /**
   * A float input as TF Lite Micro's QUANTIZE takes it to int8 with the input's scale and zero
   * point (float32 division, rounding half away from zero), ready for {@link #invoke}.
   */
  byte[] quantizeInput(float[] values);

  /** An int8 output as TF Lite Micro's DEQUANTIZE gives it: (q - zero point) * scale. */
  float[] dequantizeOutput(byte[] codes);

  List<LayerFacts> layers();

  int inputBytes();

  int outputBytes();

  int arenaBytes();

  long macs();

  /** Arena bytes: activations, input and output included; the stack is measured on the target. */
  long peakSramBytes();

  /** Weights and code, as estimated at compile time. */
  long flashBytesEstimate();

  long sramBudgetBytes();

  long flashBudgetBytes();

  float inputScale();

  int inputZeroPoint();

  float outputScale();

  int outputZeroPoint();
}
