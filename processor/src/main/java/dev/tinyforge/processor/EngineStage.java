package dev.tinyforge.processor;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.processor.validate.EngineRule;
import dev.tinyforge.processor.validate.FlashBudgetRule;
import dev.tinyforge.processor.validate.SramBudgetRule;
import java.util.List;

/**
 * The last stage of every model, declared or imported, in javac or on the command line: plan
 * and lower the graph for the board's budget, then check the engine against it.
 */
public final class EngineStage {
  private static final List<EngineRule> RULES =
      List.of(new SramBudgetRule(), new FlashBudgetRule());

  private EngineStage() {}

  /** The budget of {@code board}; a figure of 0 means the board's own. */
  public static Budget budget(Board board, int sramKb, int flashKb, int clockMhz) {
    long sram = sramKb != 0 ? sramKb : board.sramKb();
    long flash = flashKb != 0 ? flashKb : board.flashKb();
    int clock = clockMhz != 0 ? clockMhz : board.clockMhz();
    return new Budget(board.name(), board.core(), sram * 1024, flash * 1024, clock);
  }

  /** Plans memory for the whole graph and lowers every op to its kernel call. */
  public static Engine lower(Graph graph, Budget budget) {
    return Lowering.lower(graph, budget);
  }

  /** Checks the engine against its budget; a model with any error is not written. */
  public static void check(Engine engine, Problems problems) {
    RULES.forEach(rule -> rule.check(engine, problems));
  }
}
