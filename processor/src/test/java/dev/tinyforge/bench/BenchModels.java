package dev.tinyforge.bench;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.annotations.Padding;
import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.build.SeededWeights;
import dev.tinyforge.diag.Problem;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.kernels.Activation;
import dev.tinyforge.spec.LayerSpec;
import dev.tinyforge.spec.ModelSpec;
import dev.tinyforge.tflite.TfliteImporter;
import dev.tinyforge.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's models: two TF Lite Micro examples imported from ../shared/models (with their
 * goldens), and the example app's DigitsMlp and DigitsCnn built from their declarations the way
 * the processor builds them (seeded weights, seed 1; {@link BenchTest} checks that the C it
 * emits is byte-equal to what the processor writes for the example app's sources).
 */
final class BenchModels {
  /** TF Lite Micro's figures from ../shared/models/README.md (Cortex-M7, gcc 12.2 -O2). */
  record Tflm(long arenaBytes, String stack, double instructionsReference,
      double instructionsCmsisNn) {}

  /**
   * One model: its graph, the inputs to run (case names and bytes), the expected outputs where
   * goldens exist (else empty), and TF Lite Micro's figures where known (else null).
   *
   * @param source the declaration file for declared models, for the equality check
   */
  record BenchModel(String name, Graph graph, List<String> cases, List<byte[]> inputs,
      List<byte[]> expected, Tflm tflm, Path source) {}

  private BenchModels() {}

  static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("processor")) ? here : here.getParent();
  }

  static Path sharedModels() {
    String property = System.getProperty("tinyforge.models");
    Path directory = property != null && !property.isBlank() ? Path.of(property)
        : repositoryRoot().resolve("../shared/models");
    return directory.toAbsolutePath().normalize();
  }

  static List<BenchModel> all() throws Exception {
    return List.of(
        imported("person_detect", new Tflm(82_296, "804-1,364", 98.6e6, 22.7e6)),
        imported("micro_speech", new Tflm(6_800, "772-1,364", 9.33e6, 1.49e6)),
        declared("digits_mlp", "DigitsMlp", digitsMlp()),
        declared("digits_cnn", "DigitsCnn", digitsCnn()));
  }

  static BenchModel imported(String name, Tflm tflm) throws Exception {
    Path folder = sharedModels().resolve(name);
    Problems problems = new Problems();
    Graph graph = TfliteImporter.importModel(TfliteReader.read(folder.resolve("model.tflite")),
        name, problems).graph();
    assertWithMessage(name + " import problems")
        .that(problems.all().stream().filter(Problem::isError).map(Problem::text).toList())
        .isEmpty();
    List<String> cases;
    try (Stream<Path> files = Files.list(folder.resolve("inputs"))) {
      cases = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".bin"))
          .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
    }
    List<byte[]> inputs = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (String c : cases) {
      inputs.add(Files.readAllBytes(folder.resolve("inputs").resolve(c + ".bin")));
      expected.add(Files.readAllBytes(folder.resolve("outputs").resolve(c + ".bin")));
    }
    return new BenchModel(name, graph, cases, inputs, expected, tflm, null);
  }

  private static BenchModel declared(String cName, String className, ModelSpec spec)
      throws IOException {
    Problems problems = new Problems();
    Graph graph = GraphBuilder.build(spec, new SeededWeights(1), problems);
    assertWithMessage(cName + " build problems")
        .that(problems.all().stream().filter(Problem::isError).map(Problem::text).toList())
        .isEmpty();
    Path example = repositoryRoot().resolve("example-app/src/main");
    // The app's first three MNIST digits (label byte + 784 pixels each), minus 128 as it does.
    byte[] file = Files.readAllBytes(
        example.resolve("resources/dev/tinyforge/example/digits-sample.bin"));
    List<String> cases = new ArrayList<>();
    List<byte[]> inputs = new ArrayList<>();
    int pixels = 28 * 28;
    for (int d = 0; d < 3; d++) {
      int at = d * (1 + pixels);
      byte[] input = new byte[pixels];
      for (int i = 0; i < pixels; i++) {
        input[i] = (byte) ((file[at + 1 + i] & 0xFF) - 128);
      }
      cases.add("digit" + d + "_label" + (file[at] & 0xFF));
      inputs.add(input);
    }
    Path source = example.resolve("java/dev/tinyforge/example/" + className + ".java");
    return new BenchModel(cName, graph, cases, inputs, List.of(), null, source);
  }

  /** example-app's DigitsMlp, field by field. */
  static ModelSpec digitsMlp() {
    return new ModelSpec("digits_mlp", new int[] {28, 28, 1}, (float) (1.0 / 255.0), -128,
        List.of(
            new LayerSpec.Reshape("pixels", new int[0]),
            new LayerSpec.Dense("hidden", 64, Activation.RELU),
            new LayerSpec.Dense("logits", 10, Activation.NONE),
            new LayerSpec.Softmax("probabilities")));
  }

  /** example-app's DigitsCnn, field by field. */
  static ModelSpec digitsCnn() {
    return new ModelSpec("digits_cnn", new int[] {28, 28, 1}, (float) (1.0 / 255.0), -128,
        List.of(
            new LayerSpec.Conv2d("stem", 8, 3, 2, Padding.SAME, Activation.RELU6),
            new LayerSpec.DepthwiseConv2d("block1Depthwise", 3, 1, 1, Padding.SAME,
                Activation.RELU6),
            new LayerSpec.Conv2d("block1Project", 16, 1, 1, Padding.SAME, Activation.NONE),
            new LayerSpec.Conv2d("block2Expand", 48, 1, 1, Padding.SAME, Activation.RELU6),
            new LayerSpec.DepthwiseConv2d("block2Depthwise", 5, 1, 1, Padding.SAME,
                Activation.RELU6),
            new LayerSpec.Conv2d("block2Project", 16, 1, 1, Padding.SAME, Activation.NONE),
            new LayerSpec.Add("block2Residual", "block1Project", Activation.NONE),
            new LayerSpec.Conv2d("head", 32, 3, 2, Padding.SAME, Activation.RELU6),
            new LayerSpec.GlobalAvgPool("pool"),
            new LayerSpec.Dense("logits", 10, Activation.NONE),
            new LayerSpec.Softmax("probabilities")));
  }
}
