package dev.tinyforge.processor;

import dev.tinyforge.build.FileWeights;
import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.build.SeededWeights;
import dev.tinyforge.build.WeightSource;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.processor.read.LayerDeclaration;
import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.processor.validate.BoardFiguresRule;
import dev.tinyforge.processor.validate.CustomBoardRule;
import dev.tinyforge.processor.validate.DeclarationRule;
import dev.tinyforge.processor.validate.EngineRule;
import dev.tinyforge.processor.validate.FlashBudgetRule;
import dev.tinyforge.processor.validate.InputQuantRule;
import dev.tinyforge.processor.validate.InputShapeRule;
import dev.tinyforge.processor.validate.LayerFieldsRule;
import dev.tinyforge.processor.validate.ModelNameRule;
import dev.tinyforge.processor.validate.SramBudgetRule;
import dev.tinyforge.spec.ModelSpec;
import dev.tinyforge.weights.WeightsFile;
import dev.tinyforge.weights.WeightsFileReader;
import dev.tinyforge.weights.WeightsFormatException;
import java.util.List;

/**
 * The stages from a declaration to a planned engine, with a validation gate after each:
 * declaration rules, graph building (shapes, weights), planning, engine rules. Returns null
 * when any stage found an error; {@code problems} then says why.
 */
final class ModelCompiler {
  private static final List<DeclarationRule> DECLARATION_RULES = List.of(
      new CustomBoardRule(), new BoardFiguresRule(), new InputShapeRule(), new InputQuantRule(),
      new ModelNameRule(), new LayerFieldsRule());
  private static final List<EngineRule> ENGINE_RULES =
      List.of(new SramBudgetRule(), new FlashBudgetRule());

  private final ResourceLocator resources;

  ModelCompiler(ResourceLocator resources) {
    this.resources = resources;
  }

  Engine compile(ModelDeclaration model, Problems problems) {
    DECLARATION_RULES.forEach(rule -> rule.check(model, problems));
    if (problems.hasErrors()) {
      return null;
    }
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
    if (graph == null || problems.hasErrors()) {
      return null;
    }
    Engine engine = Lowering.lower(graph, budget(model));
    ENGINE_RULES.forEach(rule -> rule.check(engine, problems));
    return problems.hasErrors() ? null : engine;
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

  private static Budget budget(ModelDeclaration model) {
    var a = model.annotation();
    var board = model.board();
    long sramKb = a.isWritten("sramKb") ? a.intValue("sramKb") : board.sramKb();
    long flashKb = a.isWritten("flashKb") ? a.intValue("flashKb") : board.flashKb();
    int clock = a.isWritten("clockMhz") ? a.intValue("clockMhz") : board.clockMhz();
    return new Budget(board.name(), board.core(), sramKb * 1024, flashKb * 1024, clock);
  }
}
