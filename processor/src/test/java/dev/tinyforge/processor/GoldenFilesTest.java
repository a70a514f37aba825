package dev.tinyforge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tinyforge.processor.Compilations.compile;
import static dev.tinyforge.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import dev.tinyforge.processor.Compilations.Compiled;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated mirror, firmware files and report of small models under good/, compared with
 * golden files under expected/{@literal <c name>}/. The c-runtime files copied into the folder
 * are the c-runtime's own; their list is golden ({@code files.txt}), their contents are not.
 */
class GoldenFilesTest {
  @TempDir Path weightsDir;

  static Stream<Arguments> models() {
    return Stream.of(
        // Fixed weights from a file: per-channel and per-tensor scales, ReLU, softmax.
        Arguments.of("TinyMlp", "tiny_mlp", true),
        // Seeded: conv, depthwise, residual add, average pool, flatten, dense, softmax.
        Arguments.of("TinyConv", "tiny_conv", false),
        // Seeded, custom board and C name: strided VALID conv, SAME max pool, reshape, GAP.
        Arguments.of("TinyPool", "tiny_pool_net", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void generatedFilesMatchTheirGoldens(String model, String cName, boolean weightsFile)
      throws IOException {
    if (weightsFile) {
      TestWeights.place(weightsDir, "good", model + ".tfw", TestWeights.write(TestWeights.mlp()));
    }
    Compiled compiled = compile(List.of(weightsDir), source("good/" + model + ".java"));
    Compilation compilation = compiled.compilation();
    assertThat(compilation).succeeded();

    String mirror = model + "Mirror";
    Goldens.assertMatches(cName + "/" + mirror + ".java",
        contents(compilation.generatedSourceFile("good." + mirror).orElseThrow()));
    for (String file : List.of(cName + ".h", cName + ".c", cName + "_weights.h",
        cName + "_weights.c", cName + "_budget.ld", "report.json", "Makefile")) {
      String path = TinyModelProcessor.FIRMWARE_ROOT + cName + "/" + file;
      Goldens.assertMatches(cName + "/" + file, contents(
          compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, path).orElseThrow()));
    }
    Goldens.assertMatches(cName + "/files.txt",
        compiled.created().stream().map(p -> p + "\n").collect(Collectors.joining()));
    assertThat(compiled.created()).containsNoDuplicates();
  }

  private static String contents(JavaFileObject file) throws IOException {
    return file.getCharContent(false).toString();
  }
}
