package dev.tinyforge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tinyforge.processor.Compilations.compile;
import static dev.tinyforge.processor.Compilations.source;
import static dev.tinyforge.processor.ModelOutputs.assertAllWritten;
import static dev.tinyforge.processor.ModelOutputs.assertNothingWritten;

import com.google.testing.compile.Compilation;
import dev.tinyforge.mirror.ModelMirror;
import dev.tinyforge.processor.Compilations.Compiled;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @TinyModel(tflite = "...")}: a trained int8 TFLite model found beside the class is
 * imported, planned and written like a declared one; every problem with the file is an error on
 * the {@code tflite} member and the model gets no files.
 */
class TfliteModelTest {
  @TempDir Path resources;

  @Test
  void helloWorldIsWrittenAndItsMirrorReproducesTfliteMicro() throws Exception {
    JavaFileObject source = source("good/HelloWorld.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).succeededWithoutWarnings();
    assertAllWritten(compiled, "good.HelloWorld", "hello_world");
    Map<String, byte[]> files = Compilations.writtenFiles(compilation);
    String report = new String(files.get("/SOURCE_OUTPUT/tinyforge/hello_world/report.json"),
        StandardCharsets.UTF_8);
    assertThat(report).contains("\"board\": \"STM32F412\"");
    assertThat(report).contains("\"macs\": 288");

    ModelMirror mirror = loadMirror(files, "good.HelloWorldMirror");
    assertThat(mirror.name()).isEqualTo("hello_world");
    assertThat(mirror.macs()).isEqualTo(288);
    byte[] xs = {-96, -63, -34, 0};
    byte[] ys = {89, 125, 93, 4};
    for (int i = 0; i < xs.length; i++) {
      assertThat(mirror.invoke(new byte[] {xs[i]})).isEqualTo(new byte[] {ys[i]});
    }
  }

  @Test
  void aLeadingSlashIsRelativeToTheRootOfTheClassPath() throws Exception {
    TestWeights.place(resources, "models", "sine.tflite", TestTflite.shared("hello_world"));
    Compiled compiled = compile(List.of(resources), source("good/HelloWorldFromRoot.java"));

    assertThat(compiled.compilation()).succeededWithoutWarnings();
    assertAllWritten(compiled, "good.HelloWorldFromRoot", "sine");
  }

  @Test
  void missingFileSaysWhereItWasLookedFor() {
    JavaFileObject source = source("bad/TfliteMissing.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Tflite/Missing] cannot read the TFLite model"
        + " missing.tflite: it is not on the source or class path as bad/missing.tflite (e.g."
        + " src/main/resources/bad/missing.tflite)")
        .inFile(source).onLineContaining("tflite = \"missing.tflite\"");
    assertNothingWritten(compiled, "bad.TfliteMissing", "tflite_missing");
  }

  static Stream<Arguments> badFiles() {
    byte[] hello = TestTflite.shared("hello_world");
    return Stream.of(
        Arguments.of("truncated", Arrays.copyOf(hello, hello.length / 2),
            "[Tflite/Malformed] the TFLite model model.tflite is malformed: "),
        Arguments.of("empty", new byte[0], "[Tflite/Malformed] the TFLite model model.tflite is"
            + " malformed: not a TFLite model: the file is empty"),
        Arguments.of("a zip file", "PK\3\4 not a model at all".getBytes(StandardCharsets.UTF_8),
            "[Tflite/Malformed] the TFLite model model.tflite is malformed: not a TFLite model:"
                + " bytes 4..8 should hold the file identifier \"TFL3\""),
        Arguments.of("a custom operator", TestTflite.customOp("TinyForgeTestOnly"),
            "[Tflite/UnsupportedOp] operator 0 is the custom operator 'TinyForgeTestOnly', which"
                + " TinyForge does not support"),
        Arguments.of("a float model", TestTflite.floatRelu(), "[Tflite/NotInt8] "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFileIsReportedOnTflite(String why, byte[] bytes, String error) {
    JavaFileObject source = source("bad/TfliteFile.java");
    TestWeights.place(resources, "bad", "model.tflite", bytes);
    Compiled compiled = compile(List.of(resources), source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(error)
        .inFile(source).onLineContaining("tflite = \"model.tflite\"");
    assertNothingWritten(compiled, "bad.TfliteFile", "tflite_file");
  }

  @Test
  void layersAndInputBesideTfliteAreAnError() {
    JavaFileObject source = source("bad/TfliteWithLayers.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[TinyModel/TfliteConflict] TfliteWithLayers is"
        + " imported from tflite = \"hello_world.tflite\", which gives its layers, input shape and"
        + " quantization, but it also declares the layer fields 'hidden', 'out' and input;"
        + " remove them, or remove tflite")
        .inFile(source).onLineContaining("tflite = \"hello_world.tflite\"");
    assertNothingWritten(compiled, "bad.TfliteWithLayers", "tflite_with_layers");
  }

  /** Over budget is the budget's fault: reported where the budget was set, as for any model. */
  @Test
  void personDetectOverACustomBoardsSram() {
    JavaFileObject source = source("bad/TfliteOverBudget.java");
    TestWeights.place(resources, "bad", "person_detect.tflite", TestTflite.shared("person_detect"));
    Compiled compiled = compile(List.of(resources), source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[TinyModel/SramBudget] the model needs ")
        .inFile(source).onLineContaining("sramKb = 16");
    assertThat(compilation).hadErrorContaining("but CUSTOM has 16.0 KiB (over by ");
    // The peak layer and the levers: what patching already did and how to allow more.
    assertThat(compilation).hadErrorContaining("the peak is at layer 'conv_2d_2' (");
    assertThat(compilation).hadErrorContaining("Levers: the first 8 layers already run in 4x4"
        + " patches (54.0 KiB without); more layers or a finer grid cost more than the 20% MAC"
        + " bound: raise it with -Atinyforge.patchMacOverhead=0.5; shrink that layer (a smaller"
        + " width multiplier");
    assertNothingWritten(compiled, "bad.TfliteOverBudget", "tflite_over_budget");
  }

  /** The mirror and its constants, loaded from the compilation's class output. */
  private ModelMirror loadMirror(Map<String, byte[]> files, String className) throws Exception {
    Path classes = resources.resolve("classes");
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      if (file.getKey().startsWith("/CLASS_OUTPUT/")) {
        Path target = classes.resolve(file.getKey().substring("/CLASS_OUTPUT/".length()));
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader());
    var constructor = loader.loadClass(className).getDeclaredConstructor();
    constructor.setAccessible(true);
    return (ModelMirror) constructor.newInstance();
  }
}
