package dev.tinyforge.imports;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tinyforge.diag.Problem;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.emit.GeneratedFile;
import dev.tinyforge.emit.c.CEngineEmitter;
import dev.tinyforge.emit.c.CRuntimeSources;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.firmware.CTarget;
import dev.tinyforge.firmware.GeneratedModel;
import dev.tinyforge.tflite.TfliteImport;
import dev.tinyforge.tflite.TfliteImporter;
import dev.tinyforge.tflite.TfliteModel;
import dev.tinyforge.tflite.TfliteReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared TF Lite Micro models ({@code -Dtinyforge.models}, else ../shared/models) taken the
 * whole way a user's .tflite goes: import, lower, emit the C folder. Also their goldens.
 */
final class ImportedModels {
  /** The board the engines are lowered for; the figures are compared with TFLM on this core. */
  static final Budget STM32F746 = new Budget("STM32F746", "Cortex-M7", 320 << 10, 1 << 20, 216);

  private ImportedModels() {}

  /** One model, imported and lowered, with its C folder written under {@code firmwareRoot}. */
  record Imported(
      String name, Path folder, TfliteModel tflite, TfliteImport imported, Engine engine,
      GeneratedModel firmware) {}

  static Path directory() {
    String property = System.getProperty("tinyforge.models");
    Path directory;
    if (property != null && !property.isBlank()) {
      directory = Path.of(property);
    } else {
      Path here = Path.of("").toAbsolutePath();
      Path root = Files.isDirectory(here.resolve("processor")) ? here : here.getParent();
      directory = root.resolve("../shared/models");
    }
    directory = directory.toAbsolutePath().normalize();
    assertWithMessage("shared models directory " + directory)
        .that(Files.isDirectory(directory)).isTrue();
    return directory;
  }

  /** Every model folder, by name. */
  static List<String> all() {
    try (Stream<Path> entries = Files.list(directory())) {
      return entries.filter(f -> Files.isRegularFile(f.resolve("model.tflite")))
          .map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Model name to the import's error texts, empty for the models that import. */
  static Map<String, List<String>> importProblems() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String name : all()) {
      Problems problems = new Problems();
      try {
        TfliteModel model = TfliteReader.read(directory().resolve(name).resolve("model.tflite"));
        TfliteImporter.importModel(model, name, problems);
      } catch (Exception e) {
        result.put(name, List.of("unreadable: " + e.getMessage()));
        continue;
      }
      result.put(name, problems.all().stream().filter(Problem::isError).map(Problem::text)
          .toList());
    }
    return result;
  }

  /** The models whose import succeeds today. */
  static List<String> importable() {
    List<String> names = new ArrayList<>();
    importProblems().forEach((name, problems) -> {
      if (problems.isEmpty()) {
        names.add(name);
      }
    });
    return names;
  }

  static Imported load(String name, Path firmwareRoot) throws Exception {
    Path folder = directory().resolve(name);
    TfliteModel tflite = TfliteReader.read(folder.resolve("model.tflite"));
    Problems problems = new Problems();
    TfliteImport imported = TfliteImporter.importModel(tflite, name, problems);
    assertWithMessage(name + " import problems")
        .that(problems.all().stream().map(Problem::text).toList()).isEmpty();
    Engine engine = Lowering.lower(imported.graph(), STM32F746);
    List<GeneratedFile> files =
        new CEngineEmitter(new CRuntimeSources(ImportedModels.class.getClassLoader()))
            .emit(engine);
    for (GeneratedFile file : files) {
      Path target = firmwareRoot.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.write(target, file.content());
    }
    GeneratedModel firmware = new GeneratedModel(firmwareRoot.resolve(engine.name()),
        engine.name());
    return new Imported(name, folder, tflite, imported, engine, firmware);
  }

  /** The case names of {@code inputs/*.bin}, sorted. */
  static List<String> cases(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder.resolve("inputs"))) {
      return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".bin"))
          .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
    }
  }

  /** TFLite tensor indices with a golden in {@code tensors/<case>/}, empty when there is none. */
  static TreeSet<Integer> dumpedTensors(Path folder, String testCase) throws IOException {
    Path dir = folder.resolve("tensors").resolve(testCase);
    TreeSet<Integer> indices = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return indices;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).filter(f -> f.matches("t\\d+\\.bin"))
          .forEach(f -> indices.add(Integer.parseInt(f.substring(1, f.length() - 4))));
    }
    return indices;
  }

  static byte[] tensorGolden(Path folder, String testCase, int tflite) throws IOException {
    return Files.readAllBytes(folder.resolve("tensors").resolve(testCase)
        .resolve(String.format("t%03d.bin", tflite)));
  }

  static byte[] input(Path folder, String testCase) throws IOException {
    return Files.readAllBytes(folder.resolve("inputs").resolve(testCase + ".bin"));
  }

  static byte[] output(Path folder, String testCase) throws IOException {
    return Files.readAllBytes(folder.resolve("outputs").resolve(testCase + ".bin"));
  }

  /**
   * Returns when {@code target}'s tools are on PATH; otherwise fails when CI=true (CI installs
   * them) and skips elsewhere, saying what to install.
   */
  static void requireTools(CTarget target) {
    if (target.isAvailable()) {
      return;
    }
    String message = target + " needs " + target.missingTools() + " on PATH; install:"
        + " apt-get install --no-install-recommends gcc-arm-none-eabi libnewlib-arm-none-eabi"
        + " qemu-system-arm";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true: .ci/run should have installed it)");
    }
    Assumptions.abort("skipped: " + message);
  }
}
