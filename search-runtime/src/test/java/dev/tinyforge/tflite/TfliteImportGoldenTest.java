package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.diag.Problem;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.EngineInterpreter;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.graph.Graph;
import java.io.IOException;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole path from a .tflite file to numbers: import, lower, run the engine's steps with the
 * Java kernels on one arena, and compare with TF Lite Micro's goldens: every case's output, and
 * for cases with {@code tensors/<case>/}, every dumped tensor right after the op that writes it.
 */
class TfliteImportGoldenTest {
  private static final Budget GENEROUS =
      new Budget("test", "any", 1L << 30, 1L << 30, 100);
  private static final Map<String, String> PROVEN = new TreeMap<>();

  @ParameterizedTest
  @ValueSource(strings = {
      "hello_world", "micro_speech", "person_detect", "tinymaix_mnist_resnet_q"})
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

    EngineInterpreter interpreter = new EngineInterpreter(engine);
    List<String> cases = cases(folder);
    assertWithMessage(name + " cases").that(cases).isNotEmpty();
    int intermediates = 0;
    List<String> withTensors = new ArrayList<>();
    for (String testCase : cases) {
      byte[] input = Files.readAllBytes(folder.resolve("inputs").resolve(testCase + ".bin"));
      Path tensorDir = folder.resolve("tensors").resolve(testCase);
      TreeSet<Integer> dumped = dumpedTensors(tensorDir);
      TreeSet<Integer> checked = new TreeSet<>();
      int inputTflite = model.inputs()[0];
      if (dumped.contains(inputTflite)) {
        assertWithMessage(testCase + " input").that(input)
            .isEqualTo(read(tensorDir.resolve(file(inputTflite))));
        checked.add(inputTflite);
      }
      byte[] output = interpreter.invoke(input, (i, op, step, it) -> {
        for (int tflite : tfliteOfGraph.getOrDefault(op.output(), List.of())) {
          if (dumped.contains(tflite)) {
            assertWithMessage(name + "/" + testCase + ": tensor t" + tflite + " after op " + i
                + " (" + op.name() + ")").that(it.tensor(op.output()))
                .isEqualTo(read(tensorDir.resolve(file(tflite))));
            checked.add(tflite);
          }
        }
      });
      assertWithMessage(name + "/" + testCase + " output").that(output)
          .isEqualTo(read(folder.resolve("outputs").resolve(testCase + ".bin")));
      assertWithMessage(name + "/" + testCase + ": dumped tensors compared").that(checked)
          .isEqualTo(dumped);
      if (!dumped.isEmpty()) {
        intermediates += dumped.size();
        withTensors.add(testCase);
      }
    }
    String line = cases.size() + " cases " + cases + ", outputs bit-exact; " + intermediates
        + " dumped tensors bit-exact" + (withTensors.isEmpty() ? "" : " (cases " + withTensors
        + ")") + "; " + graph.ops().size() + " ops, arena " + engine.arenaBytes() + " B";
    PROVEN.put(name, line);
    System.out.println("[tflite-import] " + name + ": " + line);
  }

  /**
   * The op-coverage models hold ops TinyForge lacks (MEAN, MUL, PAD, ...), but their supported
   * stretches still have goldens: each segment "model:first-last:input" is imported as a model of
   * its own whose input is the golden of tensor {@code input}, and every tensor it writes is
   * compared with its golden.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "op_add:0-1:0", "op_mean_maxpool:0-2:0", "op_mean_maxpool:4-4:7", "op_activations:0-0:0",
      "op_activations:2-2:4", "op_activations:4-4:8", "op_activations:6-6:12",
      "op_activations:9-9:17", "op_pad_concat:1-1:2", "tflm_magic_wand:0-2:0",
      "tflm_magic_wand:4-5:13"})
  void supportedSegmentsOfOtherModelsAreBitExact(String segment) throws Exception {
    String[] parts = segment.split("[:-]");
    String name = parts[0];
    int first = Integer.parseInt(parts[1]);
    int last = Integer.parseInt(parts[2]);
    int inputTensor = Integer.parseInt(parts[3]);
    Path folder = SharedModels.folder(name);
    TfliteSubgraph full = SharedModels.read(name).mainSubgraph();
    List<TfliteOperator> ops = full.operators().subList(first, last + 1);
    int outputTensor = ops.get(ops.size() - 1).outputs()[0];
    TfliteSubgraph part = new TfliteSubgraph(0, full.name(), full.tensors(), ops,
        new int[] {inputTensor}, new int[] {outputTensor});
    TfliteModel model = new TfliteModel(3, "segment " + segment, List.of(part));
    Problems problems = new Problems();
    TfliteImport imported = TfliteImporter.importModel(model, name, problems);
    assertWithMessage(segment + " problems").that(texts(problems)).isEmpty();
    Engine engine = Lowering.lower(imported.graph(), GENEROUS);
    EngineInterpreter interpreter = new EngineInterpreter(engine);
    Map<Integer, List<Integer>> tfliteOfGraph = new TreeMap<>();
    imported.graphTensorOfTflite().forEach(
        (tflite, id) -> tfliteOfGraph.computeIfAbsent(id, k -> new ArrayList<>()).add(tflite));
    int compared = 0;
    List<String> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(folder.resolve("tensors"))) {
      dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted()
          .forEach(cases::add);
    }
    assertWithMessage(segment + " cases").that(cases).isNotEmpty();
    for (String testCase : cases) {
      Path dir = folder.resolve("tensors").resolve(testCase);
      TreeSet<Integer> checked = new TreeSet<>();
      byte[] output = interpreter.invoke(read(dir.resolve(file(inputTensor))),
          (i, op, step, it) -> {
            for (int tflite : tfliteOfGraph.getOrDefault(op.output(), List.of())) {
              assertWithMessage(segment + "/" + testCase + ": tensor t" + tflite + " after "
                  + op.name()).that(it.tensor(op.output()))
                  .isEqualTo(read(dir.resolve(file(tflite))));
              checked.add(tflite);
            }
          });
      assertWithMessage(segment + "/" + testCase + " output").that(output)
          .isEqualTo(read(dir.resolve(file(outputTensor))));
      assertWithMessage(segment + " tensors written").that(checked).hasSize(ops.size());
      compared += checked.size();
    }
    StringBuilder kinds = new StringBuilder();
    ops.forEach(op -> kinds.append(kinds.length() == 0 ? "" : " ").append(op.opName()));
    String line = "ops " + first + ".." + last + " [" + kinds + "] from t" + inputTensor + ", "
        + cases.size() + " cases, " + compared + " tensors bit-exact";
    PROVEN.put(name + " (" + first + "-" + last + ")", line);
    System.out.println("[tflite-import] " + name + ": " + line);
  }

  @AfterAll
  static void summary() {
    StringBuilder all = new StringBuilder("[tflite-import] proven bit-exact with TF Lite Micro:");
    PROVEN.forEach((model, line) -> all.append("\n  ").append(model).append(": ").append(line));
    System.out.println(all);
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
