package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared models: {@code -Dtinyforge.models}, else ../shared/models next to the project. */
final class SharedModels {
  private SharedModels() {}

  static Path directory() {
    String property = System.getProperty("tinyforge.models");
    Path directory = property != null && !property.isBlank()
        ? Path.of(property)
        : projectRoot().resolve("../shared/models");
    directory = directory.toAbsolutePath().normalize();
    assertWithMessage("shared models directory " + directory).that(Files.isDirectory(directory))
        .isTrue();
    return directory;
  }

  /** Every folder of the models directory that holds a model.tflite, sorted by name. */
  static List<Path> folders() {
    try (Stream<Path> entries = Files.list(directory())) {
      List<Path> folders = entries
          .filter(folder -> Files.isRegularFile(folder.resolve("model.tflite")))
          .sorted()
          .toList();
      assertWithMessage("models in " + directory()).that(folders).isNotEmpty();
      return folders;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path folder(String name) {
    Path folder = directory().resolve(name);
    assertWithMessage("model folder " + folder).that(Files.isDirectory(folder)).isTrue();
    return folder;
  }

  static byte[] bytes(Path folder) {
    try {
      return Files.readAllBytes(folder.resolve("model.tflite"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TfliteModel read(String name) throws TfliteFormatException {
    return TfliteReader.read(folder(name).resolve("model.tflite"));
  }

  private static Path projectRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("search-runtime")) ? here : here.getParent();
  }
}
