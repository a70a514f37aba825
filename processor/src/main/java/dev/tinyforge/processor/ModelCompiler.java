package dev.tinyforge.processor;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.plan.PlanOptions;
import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.processor.source.DeclaredSource;
import dev.tinyforge.processor.source.ModelSource;
import dev.tinyforge.processor.source.SearchSource;
import dev.tinyforge.processor.source.TfliteSource;
import dev.tinyforge.processor.validate.BoardFiguresRule;
import dev.tinyforge.processor.validate.CustomBoardRule;
import dev.tinyforge.processor.validate.DeclarationRule;
import dev.tinyforge.processor.validate.ModelNameRule;
import java.util.List;

/**
 * The stages from a declaration to a planned engine, with a validation gate after each:
 * declaration rules, the graph from its source (layer fields, a TFLite file or a cached search
 * result), planning, engine
 * rules. Returns null when any stage found an error; {@code problems} then says why.
 */
final class ModelCompiler {
  /** Rules every model gets; each source adds its own. */
  private static final List<DeclarationRule> DECLARATION_RULES =
      List.of(new CustomBoardRule(), new BoardFiguresRule(), new ModelNameRule());

  private final ResourceLocator resources;
  private final boolean stage1Fallback;

  private final String patchOption;

  ModelCompiler(ResourceLocator resources) {
    this(resources, null, false);
  }

  /**
   * @param patchOption the value of -Atinyforge.patchMacOverhead, or null
   * @param stage1Fallback searched models without a usable cache build from stage 1
   */
  ModelCompiler(ResourceLocator resources, String patchOption, boolean stage1Fallback) {
    this.resources = resources;
    this.patchOption = patchOption;
    this.stage1Fallback = stage1Fallback;
  }

  Engine compile(ModelDeclaration model, Problems problems) {
    ModelSource source = model.isSearched() ? new SearchSource(resources, stage1Fallback)
        : model.isTflite() ? new TfliteSource(resources) : new DeclaredSource(resources);
    DECLARATION_RULES.forEach(rule -> rule.check(model, problems));
    source.rules().forEach(rule -> rule.check(model, problems));
    if (problems.hasErrors()) {
      return null;
    }
    Graph graph = source.graph(model, problems);
    if (graph == null || problems.hasErrors()) {
      return null;
    }
    var a = model.annotation();
    PlanOptions options = EngineStage.planOptions(patchOption);
    if (options == null) {
      problems.error(Locus.model(""), Message.PATCH_OPTION, patchOption);
      return null;
    }
    Engine engine = EngineStage.lower(graph, EngineStage.budget(model.board(),
        a.intValue("sramKb"), a.intValue("flashKb"), a.intValue("clockMhz")), options);
    EngineStage.check(engine, problems);
    return problems.hasErrors() ? null : engine;
  }
}
