package dev.tinyforge.processor.source;

import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.processor.validate.DeclarationRule;
import java.util.List;

/**
 * Where a model's graph comes from: its layer fields ({@link DeclaredSource}) or a TFLite file
 * ({@link TfliteSource}). Each source has the declaration rules that apply to it and builds the
 * graph once they pass.
 */
public interface ModelSource {
  /** The checks of the declaration that this source needs, besides the ones every model gets. */
  List<DeclarationRule> rules();

  /** The model's graph, or null when {@code problems} got an error. */
  Graph graph(ModelDeclaration model, Problems problems);
}
