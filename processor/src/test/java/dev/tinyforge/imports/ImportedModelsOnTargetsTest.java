package dev.tinyforge.imports;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.firmware.CTarget;
import dev.tinyforge.firmware.ModelRunner;
import dev.tinyforge.firmware.RunResult;
import dev.tinyforge.firmware.TracePoint;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.QuantParams;
import dev.tinyforge.kernels.Quantize;
import dev.tinyforge.tflite.TfliteTensorType;
import dev.tinyforge.imports.ImportedModels.Imported;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated C of every shared model that imports today, on the host, on QEMU's Cortex-M7
 * (mps2-an500) and Cortex-M4 (mps2-an386): every case's output, and for cases with
 * {@code tensors/<case>/}, every dumped tensor (read from the arena right after the layer that
 * writes it, through the engine's TFORGE_AFTER_LAYER hook) equal byte for byte to TF Lite
 * Micro's golden.
 */
class ImportedModelsOnTargetsTest {
  private static final List<CTarget> TARGETS =
      List.of(CTarget.HOST, CTarget.CORTEX_M7, CTarget.CORTEX_M4);
  /** person_detect runs 5 inferences of about 100 M instructions each, plus its tracing. */
  private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

  @TempDir static Path work;
  private static final Map<String, Imported> LOADED = new HashMap<>();
  private static final Map<String, String> PROVEN = new TreeMap<>();

  static Stream<Arguments> modelsOnTargets() {
    List<Arguments> all = new ArrayList<>();
    for (String model : ImportedModels.importable()) {
      for (CTarget target : TARGETS) {
        all.add(Arguments.of(model, target));
      }
    }
    return all.stream();
  }

  @Test
  void theThreeTfliteMicroExamplesImport() {
    Map<String, List<String>> problems = ImportedModels.importProblems();
    for (String name : List.of("hello_world", "micro_speech", "person_detect")) {
      assertWithMessage(name + " import problems").that(problems.get(name)).isEmpty();
    }
    StringBuilder text = new StringBuilder("[imports] not importable today (not run on targets):");
    problems.forEach((name, list) -> {
      if (!list.isEmpty()) {
        text.append("\n  ").append(name).append(": ").append(list.get(0))
            .append(list.size() > 1 ? " (+" + (list.size() - 1) + " more)" : "");
      }
    });
    System.out.println(text);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("modelsOnTargets")
  void everyOutputAndEveryDumpedTensorEqualsTfliteMicro(String name, CTarget target)
      throws Exception {
    ImportedModels.requireTools(target);
    Imported model = load(name);
    Path folder = model.folder();
    Graph graph = model.engine().graph();
    List<String> cases = ImportedModels.cases(folder);
    assertWithMessage(name + " cases").that(cases).isNotEmpty();

    List<byte[]> inputs = new ArrayList<>();
    Set<TracePoint> points = new LinkedHashSet<>();
    // case index -> (tflite tensor -> the point whose bytes must equal its golden)
    Map<Integer, Map<Integer, TracePoint>> expected = new LinkedHashMap<>();
    int inputTensors = 0;
    int floatBoundaryTensors = 0;
    int patchedTensors = 0;
    boolean floatIn = isFloat(model, model.tflite().inputs()[0]);
    boolean floatOut = isFloat(model, model.tflite().outputs()[0]);
    for (int c = 0; c < cases.size(); c++) {
      String testCase = cases.get(c);
      byte[] given = ImportedModels.input(folder, testCase);
      // Float I/O models keep an int8 engine: quantize the input as TFLM's QUANTIZE does.
      byte[] input = floatIn ? quantize(given, model) : given;
      inputs.add(input);
      Map<Integer, TracePoint> byTensor = new TreeMap<>();
      for (int tflite : ImportedModels.dumpedTensors(folder, testCase)) {
        int tensor = model.imported().graphTensor(tflite);
        if (tensor < 0 && isFloat(model, tflite)) {
          // The float tensors outside the int8 engine: checked through the output below.
          floatBoundaryTensors++;
          continue;
        }
        assertWithMessage(name + ": dumped tensor t" + tflite + " has no graph tensor")
            .that(tensor).isAtLeast(0);
        if (!model.engine().plan().isMaterialized(tensor)) {
          // An intermediate of the patch-based stage: computed tile by tile and never whole in
          // the arena, so there is nothing to trace; the stage's output is traced as usual.
          patchedTensors++;
          continue;
        }
        int layer = writerLayer(graph, tensor);
        byte[] golden = ImportedModels.tensorGolden(folder, testCase, tflite);
        if (layer < 0) {
          // Only the input (or a reshape of it) has no kernel that writes it: it is the input.
          assertWithMessage(name + "/" + testCase + ": t" + tflite + " is the input")
              .that(input).isEqualTo(golden);
          inputTensors++;
          continue;
        }
        TracePoint point = new TracePoint(c, layer,
            model.engine().plan().offsetOfTensor(tensor), graph.tensor(tensor).shape().size());
        assertWithMessage(name + ": t" + tflite + " size").that(point.bytes())
            .isEqualTo(golden.length);
        points.add(point);
        byTensor.put(tflite, point);
      }
      expected.put(c, byTensor);
    }

    ModelRunner runner = ModelRunner.on(target).withTimeout(RUN_LIMIT)
        .withTrace(List.copyOf(points));
    RunResult result = runner.run(model.firmware(), inputs, work);

    int tensors = 0;
    for (int c = 0; c < cases.size(); c++) {
      String testCase = cases.get(c);
      byte[] output = floatOut ? dequantize(result.output(c), model) : result.output(c);
      assertWithMessage(name + "/" + testCase + " output on " + target)
          .that(output).isEqualTo(ImportedModels.output(folder, testCase));
      for (Map.Entry<Integer, TracePoint> entry : expected.get(c).entrySet()) {
        TracePoint point = entry.getValue();
        assertWithMessage(name + "/" + testCase + ": tensor t" + entry.getKey() + " after layer "
            + point.afterLayer() + " (" + graph.ops().get(point.afterLayer()).name() + ") on "
            + target)
            .that(result.traced(point))
            .isEqualTo(ImportedModels.tensorGolden(folder, testCase, entry.getKey()));
        tensors++;
      }
    }
    String line = cases.size() + " outputs, " + tensors + " traced tensors"
        + (inputTensors > 0 ? " (+" + inputTensors + " that are the input)" : "")
        + (floatBoundaryTensors > 0 ? " (+" + floatBoundaryTensors + " float I/O tensors)" : "")
        + (patchedTensors > 0 ? " (" + patchedTensors + " skipped: intermediates of the"
            + " patch-based stage, never materialized)" : "")
        + " equal to TFLM" + result.instructionsOf(0).stream()
            .mapToObj(n -> "; " + n + " instructions for the first case (with tracing)")
            .findFirst().orElse("");
    PROVEN.put(name + " on " + target, line);
    System.out.println("[c-goldens] " + name + " on " + target + ": " + line);
    assertThat(result.outputs()).hasSize(cases.size());
  }

  /**
   * The index of the layer whose kernel writes {@code tensor}'s bytes: its producer, or for a
   * reshape (which runs nothing and shares its input's buffer) the producer of the reshaped
   * tensor; -1 for the graph's input.
   */
  private static int writerLayer(Graph graph, int tensor) {
    List<Op> ops = graph.ops();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (op.output() == tensor) {
        return op instanceof Op.Reshape reshape ? writerLayer(graph, reshape.input()) : i;
      }
    }
    assertWithMessage("tensor " + tensor + " has no producer and is not the input")
        .that(tensor).isEqualTo(graph.input());
    return -1;
  }

  private static boolean isFloat(Imported model, int tfliteTensor) {
    return model.tflite().tensors().get(tfliteTensor).type() == TfliteTensorType.FLOAT32;
  }

  private static byte[] quantize(byte[] floatBytes, Imported model) {
    FloatBuffer floats = ByteBuffer.wrap(floatBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] values = new float[floats.remaining()];
    floats.get(values);
    byte[] quantized = new byte[values.length];
    QuantParams q = model.engine().inputQuant();
    Quantize.fromFloat(values, 0, quantized, 0, values.length, q.scale(), q.zeroPoint());
    return quantized;
  }

  private static byte[] dequantize(byte[] int8, Imported model) {
    float[] values = new float[int8.length];
    QuantParams q = model.engine().outputQuant();
    Quantize.dequantize(int8, 0, values, 0, int8.length, q.scale(), q.zeroPoint());
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return bytes.array();
  }

  private static synchronized Imported load(String name) throws Exception {
    Imported model = LOADED.get(name);
    if (model == null) {
      model = ImportedModels.load(name, Files.createDirectories(work.resolve("firmware")));
      LOADED.put(name, model);
    }
    return model;
  }

  @AfterAll
  static void summary() {
    StringBuilder all = new StringBuilder("[c-goldens] generated C bit-exact with TF Lite Micro:");
    PROVEN.forEach((key, line) -> all.append("\n  ").append(key).append(": ").append(line));
    System.out.println(all);
  }
}
