package dev.tinyforge.cli;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.processor.source.TfliteGraphs;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A {@code --tflite} file read and imported as the processor imports it. */
final class TfliteFile {
  private TfliteFile() {}

  /** The graph named {@code name}, or null when {@code problems} got an error. */
  static Graph graph(Path file, String name, Problems problems) {
    byte[] bytes = read(file, problems);
    return bytes == null ? null : TfliteGraphs.load(file.toString(), bytes, name, problems);
  }

  private static byte[] read(Path file, Problems problems) {
    String why;
    try {
      if (Files.isDirectory(file)) {
        why = "it is a folder, not a .tflite file";
      } else {
        return Files.readAllBytes(file);
      }
    } catch (NoSuchFileException e) {
      why = "there is no such file";
    } catch (AccessDeniedException e) {
      why = "permission denied";
    } catch (IOException | OutOfMemoryError e) {
      why = String.valueOf(e.getMessage());
    }
    problems.error(Locus.model("tflite"), Message.TFLITE_MISSING, file, why);
    return null;
  }
}
