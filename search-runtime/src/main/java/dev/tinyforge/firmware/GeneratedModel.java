package dev.tinyforge.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of generated C for one model, as the processor writes it: {@code <name>.h} declaring
 * {@code int <name>_invoke(const int8_t *input, int8_t *output)} and the macros
 * {@code <NAME>_INPUT_BYTES} / {@code <NAME>_OUTPUT_BYTES}, plus every .c file the engine needs.
 *
 * @param directory the model folder; it is only read, never written
 * @param name the model's C name, the prefix of its header and functions
 */
public record GeneratedModel(Path directory, String name) {
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public GeneratedModel {
    if (!C_IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("model name is not a C identifier: '" + name + "'");
    }
    directory = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("model folder does not exist: " + directory);
    }
    if (!Files.isRegularFile(directory.resolve(name + ".h"))) {
      throw new IllegalArgumentException(
          "model folder " + directory + " has no " + name + ".h: is '" + name + "' its name?");
    }
  }

  public String headerFileName() {
    return name + ".h";
  }

  public String invokeFunction() {
    return name + "_invoke";
  }

  /** The macro prefix: the name in upper case. */
  public String macroPrefix() {
    return name.toUpperCase(Locale.ROOT);
  }

  /**
   * The folder's GNU ld fragment that holds the image to the model's SRAM budget
   * ({@code <name>_budget.ld}), if the folder has one.
   */
  public Optional<Path> linkerBudget() {
    Path fragment = directory.resolve(name + "_budget.ld");
    return Files.isRegularFile(fragment) ? Optional.of(fragment) : Optional.empty();
  }

  /** Every .c file directly in the folder, sorted so builds are reproducible. */
  public List<Path> cSources() {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".c"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }
}
