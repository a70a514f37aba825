package dev.tinyforge.firmware;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a command on PATH the way a shell would, without starting it. */
final class ToolLookup {
  private ToolLookup() {}

  static Optional<Path> find(String command) {
    String path = System.getenv("PATH");
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      try {
        Path candidate = Path.of(directory, command);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      } catch (InvalidPathException ignored) {
        // A malformed PATH entry cannot hold the tool; the next one may.
      }
    }
    return Optional.empty();
  }
}
