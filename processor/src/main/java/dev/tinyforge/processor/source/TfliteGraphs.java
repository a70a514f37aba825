package dev.tinyforge.processor.source;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.tflite.TfliteFormatException;
import dev.tinyforge.tflite.TfliteImport;
import dev.tinyforge.tflite.TfliteImporter;
import dev.tinyforge.tflite.TfliteModel;
import dev.tinyforge.tflite.TfliteReader;

/**
 * The bytes of a {@code .tflite} file to a graph: read the flatbuffer, then import it. Shared by
 * the annotation processor and the command line; every problem is an error at {@code tflite}.
 */
public final class TfliteGraphs {
  private TfliteGraphs() {}

  /**
   * The graph named {@code cName} of the model in {@code bytes} ({@code file} names it in
   * messages), or null when {@code problems} got an error. Never throws on bad input.
   */
  public static Graph load(String file, byte[] bytes, String cName, Problems problems) {
    TfliteModel model;
    try {
      model = TfliteReader.read(bytes);
    } catch (TfliteFormatException e) {
      problems.error(Locus.model("tflite"), Message.TFLITE_MALFORMED, file, e.getMessage());
      return null;
    }
    TfliteImport imported = TfliteImporter.importModel(model, cName, problems);
    return imported.succeeded() && !problems.hasErrors() ? imported.graph() : null;
  }
}
