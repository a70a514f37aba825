package dev.tinyforge.cli;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a folder all at once: the files go into a new folder beside the target, which replaces
 * the target only when every file is written. A failure leaves the target as it was and no
 * partial folder behind.
 */
final class OutputFolder {
  private final Path target;

  OutputFolder(Path target) {
    this.target = target.toAbsolutePath().normalize();
  }

  Path path() {
    return target;
  }

  /** Whether the folder may be written: it is new or empty, or {@code force} replaces it. */
  boolean checkWritable(boolean force, Problems problems) {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      problems.error(Locus.model("--out"), Message.CLI_OUTPUT, target, "it is a file");
    } else if (!force && Files.isDirectory(target) && !isEmpty(target)) {
      problems.error(Locus.model("--out"), Message.CLI_OUTPUT_EXISTS, target);
    }
    return !problems.hasErrors();
  }

  /** Writes {@code files} (paths relative to the folder) as the folder's whole content. */
  void write(Map<String, byte[]> files, Problems problems) {
    Path parent = target.getParent();
    Path staging = null;
    Path previous = null;
    try {
      Files.createDirectories(parent);
      staging = uniqueSibling(".tmp");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path path = staging.resolve(file.getKey()).normalize();
        if (!path.startsWith(staging)) {
          throw new IOException("the file name " + file.getKey() + " leaves the folder");
        }
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
      }
      if (Files.exists(target)) {
        previous = uniqueSiblingName(".old");
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      staging = null;
      if (previous != null) {
        deleteTree(previous);
        previous = null;
      }
    } catch (IOException | RuntimeException e) {
      problems.error(Locus.model("--out"), Message.CLI_OUTPUT, target, describe(e));
      try {
        if (staging != null) {
          deleteTree(staging);
        }
        if (previous != null && !Files.exists(target)) {
          Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (IOException cleanup) {
        problems.error(Locus.model("--out"), Message.CLI_OUTPUT, target,
            "and cleaning up failed too: " + describe(cleanup));
      }
    }
  }

  /** A new empty folder beside the target, created with the usual permissions. */
  private Path uniqueSibling(String suffix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path candidate = uniqueSiblingName(suffix);
      try {
        return Files.createDirectory(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  private Path uniqueSiblingName(String suffix) {
    String name = "." + target.getFileName() + suffix + "-" + ProcessHandle.current().pid() + "-"
        + Long.toHexString(System.nanoTime());
    return target.resolveSibling(name);
  }

  private static boolean isEmpty(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The failure in words, without exception class names. */
  private static String describe(Exception e) {
    if (e instanceof FileAlreadyExistsException f) {
      return f.getFile() + " is in the way: it is a file, not a folder";
    }
    if (e instanceof NoSuchFileException f) {
      return f.getFile() + " does not exist";
    }
    if (e instanceof AccessDeniedException f) {
      return "permission denied on " + f.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
