package dev.tinyforge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tinyforge.processor.Compilations.compile;

import dev.tinyforge.processor.Compilations.Compiled;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sources give byte-identical files, whatever order javac sees them in. */
class DeterminismTest {
  @TempDir Path weightsDir;

  @Test
  void compilingTwiceGivesByteIdenticalFiles() {
    TestWeights.place(weightsDir, "good", "TinyMlp.tfw", TestWeights.write(TestWeights.mlp()));

    Map<String, byte[]> first = compileGoodModels(false);
    Map<String, byte[]> second = compileGoodModels(true);

    // Every kind of output is compared: firmware, report, mirror source, class, constants.
    assertThat(first.keySet()).containsAtLeast(
        "/SOURCE_OUTPUT/tinyforge/tiny_conv/tiny_conv_weights.c",
        "/SOURCE_OUTPUT/tinyforge/tiny_pool_net/report.json",
        "/SOURCE_OUTPUT/good/TinyMlpMirror.java",
        "/CLASS_OUTPUT/good/TinyMlpMirror.class",
        "/CLASS_OUTPUT/good/TinyMlpMirror.bin",
        "/CLASS_OUTPUT/good/TinyConvMirror.bin",
        "/CLASS_OUTPUT/good/TinyPoolMirror.bin");
    assertThat(second.keySet()).containsExactlyElementsIn(first.keySet()).inOrder();
    for (Map.Entry<String, byte[]> file : first.entrySet()) {
      assertWithMessage(file.getKey()).that(second.get(file.getKey()))
          .isEqualTo(file.getValue());
    }
  }

  /** Compiles the good models with fresh source objects, in reverse order when asked. */
  private Map<String, byte[]> compileGoodModels(boolean reversed) {
    List<String> models = new ArrayList<>(
        List.of("good/TinyConv.java", "good/TinyMlp.java", "good/TinyPool.java"));
    if (reversed) {
      Collections.reverse(models);
    }
    Compiled compiled = compile(List.of(weightsDir),
        models.stream().map(Compilations::source).toArray(JavaFileObject[]::new));
    assertThat(compiled.compilation()).succeeded();
    return Compilations.writtenFiles(compiled.compilation());
  }
}
