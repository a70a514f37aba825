package dev.tinyforge.parity;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Runs the real javac with the TinyForge processor over model sources, as a user's build does,
 * and loads the generated mirrors. The firmware folders land under {@code generated/tinyforge/}.
 */
final class GeneratedModels {
  private final Path classes;
  private final Path generated;
  private final URLClassLoader loader;

  private GeneratedModels(Path classes, Path generated) throws IOException {
    this.classes = classes;
    this.generated = generated;
    this.loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        GeneratedModels.class.getClassLoader());
  }

  static GeneratedModels compile(Map<String, String> sourcesByClassName, Path workDir)
      throws IOException {
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    Path generated = Files.createDirectories(workDir.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    sourcesByClassName.forEach((name, text) -> units.add(new Source(name, text)));
    String classPath = System.getProperty("java.class.path");
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null, List.of("--release", "17",
            "-classpath", classPath, "-processorpath", classPath, "-d", classes.toString(),
            "-s", generated.toString()), null, units).call();
    assertWithMessage("javac failed:\n%s", diagnostics).that(ok).isTrue();
    return new GeneratedModels(classes, generated);
  }

  Path firmware(String cName) {
    return generated.resolve("tinyforge").resolve(cName);
  }

  Path generatedRoot() {
    return generated;
  }

  /** A new instance of the mirror of model class {@code parity.<className>}. */
  Object mirror(String qualifiedModelClass) throws ReflectiveOperationException {
    return loader.loadClass(qualifiedModelClass + "Mirror").getDeclaredConstructor().newInstance();
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String qualifiedName, String text) {
      super(URI.create("string:///" + qualifiedName.replace('.', '/') + ".java"),
          Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
