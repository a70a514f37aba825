package dev.tinyforge.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources with a fresh {@link TinyModelProcessor}.
 *
 * <p>Weights files: a test writes them into a temporary directory laid out by package
 * ({@code <dir>/bad/Model.tfw}) and passes that directory here. It goes on the class path of the
 * compilation, which is where the processor's {@link ResourceLocator} finds files that Maven
 * copied from src/main/resources. The class path must then be given in full, so it is the test
 * JVM's own class path (annotations, search-runtime, ...) plus those directories.
 *
 * <p>Under compile-testing the other two places the locator looks are empty: no source path is
 * set (the sources are in memory), and CLASS_OUTPUT is the in-memory output. Reading a missing
 * file from CLASS_OUTPUT leaves an entry without contents in compile-testing's outputs, so
 * {@link #writtenFiles} counts only files that have contents.
 *
 * <p>The processor runs inside a {@link RecordingProcessor}, so that tests also see which files
 * it created when the compilation failed (compile-testing shows none then).
 */
final class Compilations {
  private Compilations() {}

  /** A test source from src/test/resources, e.g. {@code "bad/NoLayers.java"}. */
  static JavaFileObject source(String resource) {
    return JavaFileObjects.forResource(resource);
  }

  /** A compilation and the files the processor created in it, as {@code /LOCATION/path}. */
  record Compiled(Compilation compilation, List<String> created) {}

  static Compiled compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** Compiles with {@code resourceDirs} added to the class path. */
  static Compiled compile(List<Path> resourceDirs, JavaFileObject... sources) {
    return compile(resourceDirs, List.of(), sources);
  }

  /** Compiles with {@code resourceDirs} added to the class path and javac {@code options}. */
  static Compiled compile(List<Path> resourceDirs, List<String> options,
      JavaFileObject... sources) {
    RecordingProcessor processor = new RecordingProcessor(new TinyModelProcessor());
    Compilation compilation = Compiler.javac()
        .withProcessors(processor)
        .withClasspath(classPath(resourceDirs))
        .withOptions(options)
        .compile(sources);
    return new Compiled(compilation, processor.created());
  }

  private static List<File> classPath(List<Path> resourceDirs) {
    List<File> files = new ArrayList<>();
    resourceDirs.forEach(dir -> files.add(dir.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        files.add(new File(entry));
      }
    }
    return files;
  }

  /**
   * Every file a successful compilation wrote, by its in-memory path ({@code /SOURCE_OUTPUT/...},
   * {@code /CLASS_OUTPUT/...}), with its bytes; sorted by path.
   */
  static Map<String, byte[]> writtenFiles(Compilation compilation) {
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      byte[] bytes = contents(file);
      if (bytes != null) {
        files.put(file.toUri().getPath(), bytes);
      }
    }
    return files;
  }

  /** The file's bytes, or null when nothing was written to it. */
  private static byte[] contents(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
