package dev.tinyforge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.tinyforge.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinyforge generate} writes byte for byte the folder javac writes for the same model. */
class CliMatchesProcessorTest {
  @TempDir Path dir;

  @Test
  void helloWorldFromTheCommandLineEqualsTheProcessorsFolder() throws IOException {
    var compiled = Compilations.compile(Compilations.source("good/HelloWorld.java"));
    assertThat(compiled.compilation()).succeeded();
    String prefix = "/SOURCE_OUTPUT/" + TinyModelProcessor.FIRMWARE_ROOT + "hello_world/";
    Map<String, byte[]> fromJavac = new TreeMap<>();
    Compilations.writtenFiles(compiled.compilation()).forEach((path, bytes) -> {
      if (path.startsWith(prefix)) {
        fromJavac.put(path.substring(prefix.length()), bytes);
      }
    });

    Path out = dir.resolve("hello_world");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"generate", "--tflite",
        TestTflite.modelsDir().resolve("hello_world/model.tflite").toString(),
        "--board", "STM32F412", "--name", "hello_world", "--out", out.toString()},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    assertWithMessage(err.toString()).that(status).isEqualTo(0);
    Map<String, byte[]> fromCli = new TreeMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        fromCli.put(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }

    assertThat(fromCli.keySet()).containsExactlyElementsIn(fromJavac.keySet());
    for (String name : fromJavac.keySet()) {
      assertWithMessage(name).that(fromCli.get(name)).isEqualTo(fromJavac.get(name));
    }
  }
}
