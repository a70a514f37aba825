package dev.tinyforge.parity;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.diag.Problems;
import dev.tinyforge.emit.GeneratedFile;
import dev.tinyforge.emit.c.CEngineEmitter;
import dev.tinyforge.emit.c.CRuntimeSources;
import dev.tinyforge.emit.java.MirrorWriter;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.EngineInterpreter;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.firmware.CTarget;
import dev.tinyforge.firmware.ModelRunner;
import dev.tinyforge.firmware.RunResult;
import dev.tinyforge.mirror.ModelMirror;
import dev.tinyforge.tflite.TfliteImport;
import dev.tinyforge.tflite.TfliteImporter;
import dev.tinyforge.tflite.TfliteModel;
import dev.tinyforge.tflite.TfliteReader;
import dev.tinyforge.tflite.TfliteTensorType;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity on real models: every model of the shared models folder is imported from its .tflite,
 * lowered, written out by CEngineEmitter (the firmware folder) and MirrorWriter (the Java mirror,
 * compiled here with javac), and both run the model's golden inputs. The C engine, built with the
 * host gcc by ModelRunner, and the mirror must each give TF Lite Micro's golden output bytes.
 * Float I/O models go through the mirror's quantizeInput / dequantizeOutput. The op-coverage
 * models' C also runs under the sanitizers.
 */
class ImportedModelsMatchGoldensTest {
  private static final Budget BOARD =
      new Budget("STM32F746", "Cortex-M7", 320 * 1024, 1024 * 1024, 216);
  private static final String PACKAGE = "parity.imported";

  @TempDir Path work;

  /** One imported model: its engine, golden cases and whether its I/O is float32. */
  private record Model(String name, Path folder, Engine engine, boolean floatIn,
      boolean floatOut, List<String> cases) {
    String className() {
      StringBuilder text = new StringBuilder();
      for (String part : name.split("_")) {
        text.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
      return text + "Mirror";
    }
  }

  @Test
  void hostCAndJavaMirrorOfEverySharedModelGiveTheGoldenOutputs() throws Exception {
    List<Model> models = new ArrayList<>();
    for (Path folder : modelFolders()) {
      models.add(importModel(folder));
    }
    Path firmware = Files.createDirectories(work.resolve("firmware"));
    CEngineEmitter emitter =
        new CEngineEmitter(new CRuntimeSources(getClass().getClassLoader()));
    Map<String, String> mirrorSources = new LinkedHashMap<>();
    Path classes = Files.createDirectories(work.resolve("classes"));
    for (Model model : models) {
      write(firmware, emitter.emit(model.engine()));
      for (GeneratedFile file : MirrorWriter.write(PACKAGE, model.className(), model.engine())) {
        if (file.kind() == GeneratedFile.Kind.JAVA_SOURCE) {
          mirrorSources.put(file.path(), new String(file.content(), "UTF-8"));
        } else {
          write(classes, List.of(file));
        }
      }
    }
    URLClassLoader loader = compile(mirrorSources, classes);

    int cases = 0;
    int sanitizedModels = 0;
    List<String> lines = new ArrayList<>();
    for (Model model : models) {
      ModelMirror mirror = (ModelMirror) loader.loadClass(PACKAGE + "." + model.className())
          .getDeclaredConstructor().newInstance();
      EngineInterpreter interpreter = new EngineInterpreter(model.engine());
      List<byte[]> inputs = new ArrayList<>();
      for (String testCase : model.cases()) {
        byte[] given = Files.readAllBytes(model.folder().resolve("inputs/" + testCase + ".bin"));
        inputs.add(model.floatIn() ? mirror.quantizeInput(floats(given)) : given);
      }
      RunResult c = ModelRunner.on(CTarget.HOST)
          .run(firmware.resolve(model.name()), model.name(), inputs, work);
      if (model.name().startsWith("op_")) {
        // The new kernels' calls once more under AddressSanitizer and UBSan (any finding fails).
        RunResult sanitized = ModelRunner.on(CTarget.HOST).withSanitizers()
            .run(firmware.resolve(model.name()), model.name(), inputs, work);
        for (int i = 0; i < inputs.size(); i++) {
          assertWithMessage(model.name() + " sanitized, case " + i).that(sanitized.output(i))
              .isEqualTo(c.output(i));
        }
        sanitizedModels++;
      }
      for (int i = 0; i < inputs.size(); i++) {
        String what = model.name() + "/" + model.cases().get(i);
        byte[] golden = Files.readAllBytes(
            model.folder().resolve("outputs/" + model.cases().get(i) + ".bin"));
        byte[] fromMirror = mirror.invoke(inputs.get(i));
        assertWithMessage(what + ": host C vs Java mirror").that(c.output(i))
            .isEqualTo(fromMirror);
        assertWithMessage(what + ": Java mirror vs EngineInterpreter").that(fromMirror)
            .isEqualTo(interpreter.invoke(inputs.get(i)));
        byte[] result = model.floatOut() ? bytes(mirror.dequantizeOutput(c.output(i)))
            : c.output(i);
        assertWithMessage(what + ": host C vs TF Lite Micro golden").that(result)
            .isEqualTo(golden);
        cases++;
      }
      lines.add(model.name() + " (" + inputs.size() + " cases, " + model.engine().steps().size()
          + " steps, kernels " + kernels(model.engine()) + ")");
    }
    System.out.println("[imported-parity] " + models.size() + " shared models, " + cases
        + " golden cases: host C == Java mirror == EngineInterpreter == TF Lite Micro:\n  "
        + String.join("\n  ", lines) + "\n  (" + sanitizedModels
        + " op-coverage models also under -fsanitize=address,undefined)");
    assertThat(models.size()).isAtLeast(11);
  }

  private static Model importModel(Path folder) throws Exception {
    String name = folder.getFileName().toString();
    TfliteModel model = TfliteReader.read(folder.resolve("model.tflite"));
    Problems problems = new Problems();
    TfliteImport imported = TfliteImporter.importModel(model, name, problems);
    assertWithMessage(name + ": " + problems.all()).that(imported.succeeded()).isTrue();
    Engine engine = Lowering.lower(imported.graph(), BOARD);
    int input = model.inputs()[0];
    int output = model.mainSubgraph().outputs()[0];
    List<String> cases;
    try (Stream<Path> files = Files.list(folder.resolve("inputs"))) {
      cases = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".bin"))
          .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
    }
    assertWithMessage(name + " cases").that(cases).isNotEmpty();
    return new Model(name, folder, engine,
        model.tensors().get(input).type() == TfliteTensorType.FLOAT32,
        model.tensors().get(output).type() == TfliteTensorType.FLOAT32, cases);
  }

  private static String kernels(Engine engine) {
    return engine.steps().stream().flatMap(s -> s.calls().stream())
        .map(s -> s.kernel().name().toLowerCase(Locale.ROOT)).distinct().sorted().toList().toString();
  }

  /** {@code -Dtinyforge.models}, else ../shared/models next to the project. */
  private static List<Path> modelFolders() throws IOException {
    String property = System.getProperty("tinyforge.models");
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.isDirectory(here.resolve("processor")) ? here : here.getParent();
    Path directory = property != null && !property.isBlank()
        ? Path.of(property) : root.resolve("../shared/models");
    try (Stream<Path> entries = Files.list(directory.toAbsolutePath().normalize())) {
      return entries.filter(f -> Files.isRegularFile(f.resolve("model.tflite"))).sorted()
          .toList();
    }
  }

  private static void write(Path root, List<GeneratedFile> files) throws IOException {
    for (GeneratedFile file : files) {
      Path path = root.resolve(file.path());
      Files.createDirectories(path.getParent());
      Files.write(path, file.content());
    }
  }

  private static URLClassLoader compile(Map<String, String> sources, Path classes)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, text) -> units.add(new Source(name, text)));
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null, List.of("--release", "17", "-proc:none",
        "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()), null,
        units).call();
    assertWithMessage("javac failed:\n%s", diagnostics).that(ok).isTrue();
    return new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ImportedModelsMatchGoldensTest.class.getClassLoader());
  }

  private static float[] floats(byte[] littleEndian) {
    float[] values = new float[littleEndian.length / 4];
    ByteBuffer.wrap(littleEndian).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  private static byte[] bytes(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String qualifiedName, String text) {
      super(URI.create("string:///" + qualifiedName.replace('.', '/') + ".java"), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
