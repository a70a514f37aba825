package dev.tinyforge.processor;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.plan.PlanOptions;
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

  /** The processor option that bounds patch-based execution's MAC overhead ("off": none). */
  public static final String PATCH_OPTION = "tinyforge.patchMacOverhead";

  /** Plans memory for the whole graph and lowers every op to its kernel call. */
  public static Engine lower(Graph graph, Budget budget) {
    return Lowering.lower(graph, budget);
  }

  /** As {@link #lower(Graph, Budget)}, with the planner's options. */
  public static Engine lower(Graph graph, Budget budget, PlanOptions options) {
    return Lowering.lower(graph, budget, options);
  }

  /**
   * The options for {@code -Atinyforge.patchMacOverhead=<value>}: a fraction (0.2 = 20% more
   * MACs), "off" to disable patching, absent for the default; null when the value is invalid.
   */
  public static PlanOptions planOptions(String value) {
    if (value == null || value.isBlank()) {
      return PlanOptions.defaults();
    }
    if (value.trim().equalsIgnoreCase("off")) {
      return new PlanOptions(true, -1);
    }
    try {
      double bound = Double.parseDouble(value.trim());
      return bound >= 0 && Double.isFinite(bound) ? new PlanOptions(true, bound) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Checks the engine against its budget; a model with any error is not written. */
  public static void check(Engine engine, Problems problems) {
    RULES.forEach(rule -> rule.check(engine, problems));
  }
}
