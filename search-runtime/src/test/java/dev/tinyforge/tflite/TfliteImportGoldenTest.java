package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.diag.Problem;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.EngineInterpreter;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.kernels.Quantize;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path from a .tflite file to numbers, for every model of the shared models folder:
 * import, lower, run the engine's steps with the Java kernels on one arena, and compare with TF
 * Lite Micro's goldens: every case's output, and for cases with {@code tensors/<case>/}, every
 * dumped tensor right after the op that writes it. Float I/O models go through the engine's
 * int8 boundary: the float input is quantized, the int8 output dequantized, with the kernels the
 * Java mirror's {@code quantizeInput} / {@code dequantizeOutput} call.
 */
class TfliteImportGoldenTest {
  private static final Budget GENEROUS =
      new Budget("test", "any", 1L << 30, 1L << 30, 100);
  private static final Map<String, String> PROVEN = new TreeMap<>();
  private static int totalCases;
  private static int totalTensors;

  static Stream<String> models() {
    return SharedModels.folders().stream().map(f -> f.getFileName().toString());
  }

  @ParameterizedTest
  @MethodSource("models")
  void importedModelIsBitExactWithTfliteMicro(String name) throws Exception {
    Path folder = SharedModels.folder(name);
    TfliteModel model = SharedModels.read(name);
    Problems problems = new Problems();
    TfliteImport imported = TfliteImporter.importModel(model, name, problems);
    assertWithMessage(name + " problems").that(texts(problems)).isEmpty();
    Graph graph = imported.graph();
    Engine engine = Lowering.lower(graph, GENEROUS);
    Map<Integer, List<Integer>> tfliteOfGraph = new TreeMap<>();
    imported.graphTensorOfTflite().forEach(
        (tflite, id) -> tfliteOfGraph.computeIfAbsent(id, k -> new ArrayList<>()).add(tflite));
    int modelInput = model.inputs()[0];
    int modelOutput = model.mainSubgraph().outputs()[0];
    boolean floatIn = model.tensors().get(modelInput).type() == TfliteTensorType.FLOAT32;
    boolean floatOut = model.tensors().get(modelOutput).type() == TfliteTensorType.FLOAT32;

    EngineInterpreter interpreter = new EngineInterpreter(engine);
    List<String> cases = cases(folder);
    assertWithMessage(name + " cases").that(cases).isNotEmpty();
    int intermediates = 0;
    int skippedPatched = 0;
    List<String> withTensors = new ArrayList<>();
    for (String testCase : cases) {
      byte[] given = Files.readAllBytes(folder.resolve("inputs").resolve(testCase + ".bin"));
      byte[] input = floatIn ? quantize(given, engine) : given;
      Path tensorDir = folder.resolve("tensors").resolve(testCase);
      TreeSet<Integer> dumped = dumpedTensors(tensorDir);
      TreeSet<Integer> checked = new TreeSet<>();
      Map<Integer, byte[]> boundary = new TreeMap<>();
      boundary.put(modelInput, given);
      for (int tflite : tfliteOfGraph.getOrDefault(graph.input(), List.of())) {
        boundary.put(tflite, input);
      }
      TreeSet<Integer> patched = new TreeSet<>();
      byte[] output = interpreter.invoke(input, (i, op, step, it) -> {
        for (int tflite : tfliteOfGraph.getOrDefault(op.output(), List.of())) {
          if (dumped.contains(tflite) && !engine.plan().isMaterialized(op.output())) {
            // An intermediate of the patch-based stage: computed tile by tile, never whole.
            patched.add(tflite);
          } else if (dumped.contains(tflite)) {
            assertWithMessage(name + "/" + testCase + ": tensor t" + tflite + " after op " + i
                + " (" + op.name() + ")").that(it.tensor(op.output()))
                .isEqualTo(read(tensorDir.resolve(file(tflite))));
            checked.add(tflite);
          }
        }
      });
      byte[] result = floatOut ? dequantize(output, engine) : output;
      boundary.put(modelOutput, result);
      assertWithMessage(name + "/" + testCase + " output").that(result)
          .isEqualTo(read(folder.resolve("outputs").resolve(testCase + ".bin")));
      for (Map.Entry<Integer, byte[]> e : boundary.entrySet()) {
        if (dumped.contains(e.getKey())) {
          assertWithMessage(name + "/" + testCase + ": boundary tensor t" + e.getKey())
              .that(e.getValue()).isEqualTo(read(tensorDir.resolve(file(e.getKey()))));
          checked.add(e.getKey());
        }
      }
      TreeSet<Integer> accounted = new TreeSet<>(checked);
      accounted.addAll(patched);
      assertWithMessage(name + "/" + testCase + ": dumped tensors compared or patched")
          .that(accounted).isEqualTo(dumped);
      assertWithMessage(name + "/" + testCase + ": compared and patched").that(
          checked.stream().filter(patched::contains).toList()).isEmpty();
      skippedPatched += patched.size();
      if (!dumped.isEmpty()) {
        intermediates += checked.size();
        withTensors.add(testCase);
      }
    }
    StringBuilder kinds = new StringBuilder();
    new TreeSet<>(graph.ops().stream().map(op -> op.kind()).toList())
        .forEach(k -> kinds.append(kinds.length() == 0 ? "" : " ").append(k));
    String line = cases.size() + " cases, outputs bit-exact; " + intermediates
        + " dumped tensors bit-exact" + (skippedPatched == 0 ? "" : " (" + skippedPatched
            + " more are intermediates of the patch-based stage, never materialized: skipped)")
        + (withTensors.isEmpty() ? "" : " (cases " + withTensors
        + ")") + "; " + graph.ops().size() + " ops [" + kinds + "]"
        + (floatIn || floatOut ? ", float I/O through the int8 boundary" : "")
        + ", arena " + engine.arenaBytes() + " B";
    synchronized (PROVEN) {
      PROVEN.put(name, line);
      totalCases += cases.size();
      totalTensors += intermediates;
    }
    System.out.println("[tflite-import] " + name + ": " + line);
  }

  @AfterAll
  static void summary() {
    StringBuilder all = new StringBuilder("[tflite-import] proven bit-exact with TF Lite Micro: "
        + PROVEN.size() + " models, " + totalCases + " cases (every output), " + totalTensors
        + " dumped tensors compared");
    PROVEN.forEach((model, line) -> all.append("\n  ").append(model).append(": ").append(line));
    System.out.println(all);
  }

  /** The float32 little-endian input as TFLM's QUANTIZE takes it to int8. */
  static byte[] quantize(byte[] floats, Engine engine) {
    ByteBuffer buffer = ByteBuffer.wrap(floats).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[floats.length / 4];
    buffer.asFloatBuffer().get(values);
    byte[] out = new byte[values.length];
    Quantize.fromFloat(values, 0, out, 0, values.length, engine.inputQuant().scale(),
        engine.inputQuant().zeroPoint());
    return out;
  }

  /** The int8 output as TFLM's DEQUANTIZE gives it, as float32 little-endian bytes. */
  static byte[] dequantize(byte[] codes, Engine engine) {
    float[] values = new float[codes.length];
    Quantize.dequantize(codes, 0, values, 0, codes.length, engine.outputQuant().scale(),
        engine.outputQuant().zeroPoint());
    ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  private static List<String> texts(Problems problems) {
    return problems.all().stream().map(Problem::text).toList();
  }

  private static List<String> cases(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder.resolve("inputs"))) {
      return files.map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".bin"))
          .map(f -> f.substring(0, f.length() - 4))
          .sorted()
          .toList();
    }
  }

  private static TreeSet<Integer> dumpedTensors(Path dir) throws IOException {
    TreeSet<Integer> indices = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return indices;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString())
          .filter(f -> f.matches("t\\d+\\.bin"))
          .forEach(f -> indices.add(Integer.parseInt(f.substring(1, f.length() - 4))));
    }
    return indices;
  }

  private static String file(int tflite) {
    return String.format("t%03d.bin", tflite);
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
