package dev.tinyforge.processor.source;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.processor.ResourceLocator;
import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.processor.validate.DeclarationRule;
import dev.tinyforge.processor.validate.TfliteConflictRule;
import java.util.List;

/**
 * A model imported from the TFLite file named by {@code tflite}, found beside the class like a
 * weights file. Every problem is reported on the {@code tflite} member.
 */
public final class TfliteSource implements ModelSource {
  private static final List<DeclarationRule> RULES = List.of(new TfliteConflictRule());

  private final ResourceLocator resources;

  public TfliteSource(ResourceLocator resources) {
    this.resources = resources;
  }

  @Override
  public List<DeclarationRule> rules() {
    return RULES;
  }

  @Override
  public Graph graph(ModelDeclaration model, Problems problems) {
    String file = model.tfliteFile();
    byte[] bytes = resources.find(model.type(), file);
    if (bytes == null) {
      String path = resources.searchedPath(model.type(), file);
      problems.error(Locus.model("tflite"), Message.TFLITE_MISSING, file,
          "it is not on the source or class path as " + path + " (e.g. src/main/resources/"
              + path + "); a name starting with '/' is relative to their roots");
      return null;
    }
    return TfliteGraphs.load(file, bytes, model.cName(), problems);
  }
}
