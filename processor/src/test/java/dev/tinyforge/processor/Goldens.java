package dev.tinyforge.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/expected/: the reviewed contract of the writers.
 * {@code -Dtinyforge.regenerateGoldens=true} writes what the processor generates into the
 * source tree instead of comparing; review the diff before committing it.
 */
final class Goldens {
  static final String SWITCH = "tinyforge.regenerateGoldens";

  private Goldens() {}

  static boolean regenerating() {
    return Boolean.getBoolean(SWITCH);
  }

  /** Compares {@code actual} with the golden {@code expected/<path>}, or rewrites it. */
  static void assertMatches(String path, String actual) {
    String resource = "expected/" + path;
    if (regenerating()) {
      write(resource, actual);
      return;
    }
    String expected = read(resource);
    assertWithMessage("%s differs from its golden file (if the change is intended, regenerate"
        + " with -D%s=true and review the diff)", path, SWITCH)
        .that(actual).isEqualTo(expected);
  }

  private static String read(String resource) {
    try (InputStream in = Goldens.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no golden file " + resource + "; generate it with -D" + SWITCH
            + "=true and review it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(String resource, String content) {
    // Surefire runs in the module's directory.
    Path resources = Path.of(System.getProperty("user.dir"), "src", "test", "resources");
    if (!Files.isDirectory(resources)) {
      throw new IllegalStateException(resources + " is not the processor's test resources;"
          + " run the tests from the processor module to regenerate goldens");
    }
    try {
      Path file = resources.resolve(resource);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
