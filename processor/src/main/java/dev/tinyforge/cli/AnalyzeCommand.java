package dev.tinyforge.cli;

import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.processor.EngineStage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tinyforge analyze}: the layer table and the SRAM and flash figures of a TFLite model
 * against a board's budget. Writes nothing; exits with 2 when the model does not fit.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Shows a trained int8 TFLite model's layers (op, output shape, MACs, params,"
        + " bytes live) and its peak SRAM and flash against the board's budget. Writes nothing.")
final class AnalyzeCommand implements Callable<Integer> {
  /** The C name used in the table; analyze writes no C. */
  private static final String NAME = "model";

  @Spec private CommandSpec spec;

  @Mixin private ModelOptions model;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Problems problems = new Problems();
    Budget budget = model.budget(problems);
    if (budget == null) {
      return Console.report(problems, err);
    }
    Graph graph = TfliteFile.graph(model.tflite, NAME, problems);
    if (graph == null) {
      return Console.report(problems, err);
    }
    Engine engine = EngineStage.lower(graph, budget);
    PrintWriter out = spec.commandLine().getOut();
    out.print(LayerTable.render(model.tflite.toString(), engine));
    out.flush();
    EngineStage.check(engine, problems);
    return Console.report(problems, err);
  }
}
