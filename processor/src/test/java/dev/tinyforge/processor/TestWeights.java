package dev.tinyforge.processor;

import dev.tinyforge.weights.WeightsFile;
import dev.tinyforge.weights.WeightsFile.LayerRecord;
import dev.tinyforge.weights.WeightsFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Weights files for tests, with fixed values, and a way to put them beside a model. */
final class TestWeights {
  private TestWeights() {}

  /**
   * Weights for a 4 -> 3 (ReLU) -> 2 dense network ({@code good.TinyMlp},
   * {@code bad.NamedWeights}): per-channel scales on the hidden layer, one scale on the logits.
   */
  static WeightsFile mlp() {
    return new WeightsFile(List.of(hidden(), logits()));
  }

  static LayerRecord hidden() {
    return new LayerRecord("hidden", 0.05f, -128,
        bytes(10, -20, 30, -40, 50, -60, 70, -80, 90, -100, 110, -120),
        new float[] {0.01f, 0.02f, 0.015f}, new int[] {100, -50, 0});
  }

  static LayerRecord logits() {
    return new LayerRecord("logits", 0.1f, 5, bytes(25, -25, 50, -50, 75, -75),
        new float[] {0.02f}, new int[] {10, -10});
  }

  static byte[] write(WeightsFile file) {
    return WeightsFileWriter.write(file);
  }

  /** Writes {@code bytes} as {@code <root>/<package path>/<fileName>}; returns {@code root}. */
  static Path place(Path root, String packageName, String fileName, byte[] bytes) {
    try {
      Path dir = root.resolve(packageName.replace('.', '/'));
      Files.createDirectories(dir);
      Files.write(dir.resolve(fileName), bytes);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }
}
