package dev.tinyforge.processor.source;

import dev.tinyforge.build.FileWeights;
import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.build.SeededWeights;
import dev.tinyforge.build.WeightSource;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.processor.ResourceLocator;
import dev.tinyforge.processor.read.LayerDeclaration;
import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.processor.validate.DeclarationRule;
import dev.tinyforge.processor.validate.InputQuantRule;
import dev.tinyforge.processor.validate.InputShapeRule;
import dev.tinyforge.processor.validate.LayerFieldsRule;
import dev.tinyforge.spec.ModelSpec;
import dev.tinyforge.weights.WeightsFile;
import dev.tinyforge.weights.WeightsFileReader;
import dev.tinyforge.weights.WeightsFormatException;
import java.util.List;

/**
 * A model declared by its layer fields: its input from the annotation, its weights from the
 * weights file beside it (or seeded, with a warning), its shapes checked layer by layer.
 */
public final class DeclaredSource implements ModelSource {
  private static final List<DeclarationRule> RULES =
      List.of(new InputShapeRule(), new InputQuantRule(), new LayerFieldsRule());

  private final ResourceLocator resources;

  public DeclaredSource(ResourceLocator resources) {
    this.resources = resources;
  }

  @Override
  public List<DeclarationRule> rules() {
    return RULES;
  }

  @Override
  public Graph graph(ModelDeclaration model, Problems problems) {
    WeightSource weights = weights(model, problems);
    if (problems.hasErrors()) {
      return null;
    }
    ModelSpec spec = new ModelSpec(model.cName(), model.inputShape(), (float) model.inputScale(),
        model.inputZeroPoint(), model.layers().stream().map(LayerDeclaration::spec).toList());
    Graph graph = GraphBuilder.build(spec, weights, problems);
    if (weights instanceof FileWeights file && graph != null) {
      file.checkAllUsed(problems);
    }
    return problems.hasErrors() ? null : graph;
  }

  private WeightSource weights(ModelDeclaration model, Problems problems) {
    String file = model.weightsFile();
    byte[] bytes = resources.find(model.type(), file);
    if (bytes == null) {
      if (model.annotation().isWritten("weights")) {
        problems.error(Locus.model("weights"), Message.WEIGHTS_MALFORMED, file,
            "it was not found beside " + model.type().getSimpleName()
                + " on the source or class path");
      } else {
        problems.warning(Locus.model(""), Message.WEIGHTS_SEEDED, file, model.seed());
      }
      return new SeededWeights(model.seed());
    }
    try {
      WeightsFile parsed = WeightsFileReader.read(bytes);
      return new FileWeights(file, parsed);
    } catch (WeightsFormatException e) {
      problems.error(Locus.model("weights"), Message.WEIGHTS_MALFORMED, file, e.getMessage());
      return null;
    }
  }
}
