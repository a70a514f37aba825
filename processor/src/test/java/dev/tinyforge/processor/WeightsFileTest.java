package dev.tinyforge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tinyforge.processor.Compilations.compile;
import static dev.tinyforge.processor.Compilations.source;
import static dev.tinyforge.processor.ModelOutputs.assertAllWritten;
import static dev.tinyforge.processor.ModelOutputs.assertNothingWritten;

import com.google.testing.compile.Compilation;
import dev.tinyforge.processor.Compilations.Compiled;
import dev.tinyforge.weights.WeightsFile;
import dev.tinyforge.weights.WeightsFile.LayerRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weights files beside a model on the class path: found, malformed, mismatched, or absent (the
 * model is then built with seeded weights and a warning).
 */
class WeightsFileTest {
  @TempDir Path weightsDir;

  static Stream<Arguments> malformedFiles() {
    byte[] good = TestWeights.write(TestWeights.mlp());
    byte[] wrongMagic = good.clone();
    wrongMagic[0] = 'X';
    byte[] version2 = good.clone();
    ByteBuffer.wrap(version2).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 2);
    byte[] trailing = Arrays.copyOf(good, good.length + 3);
    return Stream.of(
        Arguments.of("truncated", Arrays.copyOf(good, 30), "(truncated?)"),
        Arguments.of("cut in its header", Arrays.copyOf(good, 7), "the file ends inside the"
            + " header at byte 0"),
        Arguments.of("wrong magic", wrongMagic, "it does not start with \"TFWT\""),
        Arguments.of("another version", version2, "version 2 is not supported"),
        Arguments.of("bytes after the last record", trailing, "3 unexpected bytes after the"
            + " last record"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void malformedFileIsReportedOnWeights(String why, byte[] bytes, String detail) {
    JavaFileObject source = source("bad/NamedWeights.java");
    TestWeights.place(weightsDir, "bad", "model.tfw", bytes);
    Compiled compiled = compile(List.of(weightsDir), source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Weights/Malformed] weights file model.tfw is"
        + " malformed: ").inFile(source).onLineContaining("weights = \"model.tfw\"");
    assertThat(compilation).hadErrorContaining(detail);
    assertNothingWritten(compiled, "bad.NamedWeights", "named_weights");
  }

  @Test
  void malformedFileWithTheDefaultNameIsReportedOnTheAnnotation() {
    JavaFileObject source = source("bad/DefaultNamedWeights.java");
    TestWeights.place(weightsDir, "bad", "DefaultNamedWeights.tfw", TestWeights.bytes(1, 2, 3));
    Compiled compiled = compile(List.of(weightsDir), source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Weights/Malformed] weights file"
        + " DefaultNamedWeights.tfw is malformed: the file ends inside the header")
        .inFile(source).onLineContaining("@TinyModel(");
    assertNothingWritten(compiled, "bad.DefaultNamedWeights", "default_named_weights");
  }

  @Test
  void namedFileThatIsNowhereIsAnErrorOnWeights() {
    JavaFileObject source = source("bad/NamedWeights.java");
    Compiled compiled = compile(List.of(weightsDir), source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Weights/Malformed] weights file model.tfw is"
        + " malformed: it was not found beside NamedWeights on the source or class path")
        .inFile(source).onLineContaining("weights = \"model.tfw\"");
    assertNothingWritten(compiled, "bad.NamedWeights", "named_weights");
  }

  static Stream<Arguments> mismatchedFiles() {
    LayerRecord hidden = TestWeights.hidden();
    LayerRecord logits = TestWeights.logits();
    LayerRecord shortHidden = new LayerRecord("hidden", hidden.outputScale(),
        hidden.outputZeroPoint(), Arrays.copyOf(hidden.weights(), 11), hidden.scales(),
        hidden.bias());
    LayerRecord twoScales = new LayerRecord("hidden", hidden.outputScale(),
        hidden.outputZeroPoint(), hidden.weights(), new float[] {0.1f, 0.2f}, hidden.bias());
    LayerRecord dropout = new LayerRecord("dropout", 1f, 0, new byte[0], new float[0],
        new int[0]);
    LayerRecord softmax = new LayerRecord("probabilities", 1f / 256, -128, new byte[0],
        new float[0], new int[0]);
    return Stream.of(
        Arguments.of("wrong weight count", List.of(shortHidden, logits),
            "dense 'hidden' needs 12 weights, the file has 11"),
        Arguments.of("wrong scale count", List.of(twoScales, logits),
            "dense 'hidden' needs 3 weight scales (or 1), the file has 2"),
        Arguments.of("missing layer record", List.of(hidden),
            "it has no record for dense 'logits'"),
        Arguments.of("extra record", List.of(hidden, logits, dropout),
            "its record 'dropout' matches no layer that takes weights"),
        Arguments.of("record for a layer without weights", List.of(hidden, logits, softmax),
            "its record 'probabilities' matches no layer that takes weights"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mismatchedFiles")
  void mismatchedFileIsReportedOnWeights(String why, List<LayerRecord> records, String detail) {
    JavaFileObject source = source("bad/NamedWeights.java");
    TestWeights.place(weightsDir, "bad", "model.tfw",
        TestWeights.write(new WeightsFile(records)));
    Compiled compiled = compile(List.of(weightsDir), source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Weights/Mismatch] weights file model.tfw does"
        + " not match the model: " + detail)
        .inFile(source).onLineContaining("weights = \"model.tfw\"");
    assertNothingWritten(compiled, "bad.NamedWeights", "named_weights");
  }

  @Test
  void matchingFileOnTheClassPathIsUsedWithoutWarnings() {
    TestWeights.place(weightsDir, "good", "TinyMlp.tfw", TestWeights.write(TestWeights.mlp()));
    Compiled compiled = compile(List.of(weightsDir), source("good/TinyMlp.java"));
    Compilation compilation = compiled.compilation();

    assertThat(compilation).succeededWithoutWarnings();
    assertAllWritten(compiled, "good.TinyMlp", "tiny_mlp");
  }

  /** Maven passes -sourcepath src/main/java: a file next to the model's .java is found too. */
  @Test
  void matchingFileOnTheSourcePathIsUsedWithoutWarnings() {
    TestWeights.place(weightsDir, "good", "TinyMlp.tfw", TestWeights.write(TestWeights.mlp()));
    Compiled compiled = compile(List.of(), List.of("-sourcepath", weightsDir.toString()),
        source("good/TinyMlp.java"));
    Compilation compilation = compiled.compilation();

    assertThat(compilation).succeededWithoutWarnings();
    assertAllWritten(compiled, "good.TinyMlp", "tiny_mlp");
  }

  @Test
  void modelWithoutWeightsFileIsSeededWithAWarningOnTheAnnotation() {
    JavaFileObject source = source("good/TinyConv.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[Weights/Seeded] no weights file TinyConv.tfw:"
        + " the model is built with deterministic seeded weights (seed 7)")
        .inFile(source).onLineContaining("@TinyModel(");
    assertAllWritten(compiled, "good.TinyConv", "tiny_conv");
  }
}
