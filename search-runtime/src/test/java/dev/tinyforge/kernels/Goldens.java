package dev.tinyforge.kernels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The TF Lite Micro goldens in the shared models folder. Surefire passes the folder as the system
 * property {@code tinyforge.models}; run from an IDE, the fallback is {@code ../shared/models}
 * next to the project root. A missing folder fails the test: goldens are never skipped.
 */
final class Goldens {
  private Goldens() {}

  static Path modelsDir() {
    String configured = System.getProperty("tinyforge.models");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("search-runtime"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
    }
    return dir.resolveSibling("shared").resolve("models");
  }

  /** One dumped tensor: {@code <model>/tensors/<case>/t<NNN>.bin}. */
  static byte[] tensor(String model, String testCase, int index) {
    return read(modelsDir().resolve(model).resolve("tensors").resolve(testCase)
        .resolve(String.format("t%03d.bin", index)));
  }

  static TfliteModelFile model(String model) {
    return new TfliteModelFile(read(modelsDir().resolve(model).resolve("model.tflite")));
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("golden file missing: " + path, e);
    }
  }
}
