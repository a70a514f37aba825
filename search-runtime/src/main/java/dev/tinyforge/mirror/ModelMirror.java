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
