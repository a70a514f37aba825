package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Bytes;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.LayerFacts;
import dev.tinyforge.plan.Decisions;
import dev.tinyforge.plan.patch.PatchSearch;
import dev.tinyforge.plan.patch.PatchStage;

/** The planned peak SRAM fits the board; otherwise names the peak layer and the levers. */
public final class SramBudgetRule implements EngineRule {
  @Override
  public void check(Engine engine, Problems problems) {
    long need = engine.peakSramBytes();
    long have = engine.budget().sramBytes();
    if (need > have) {
      LayerFacts peak = engine.peakLayer();
      problems.error(Locus.model("sramKb"), Message.SRAM_BUDGET, Bytes.human(need),
          engine.budget().board(), Bytes.human(have), Bytes.human(need - have), peak.name(),
          Bytes.human(peak.bytesLive()), patchLever(engine, peak));
    }
  }

  /** What patch-based execution did, and what would let it do more. */
  static String patchLever(Engine engine, LayerFacts peak) {
    Decisions d = engine.plan().decisions();
    if (d.search().isEmpty()) {
      return "patch-based execution is off (enable it with -Atinyforge.patchMacOverhead=0.2)";
    }
    PatchSearch search = d.search().get();
    String bound = Math.round(search.bound() * 100) + "%";
    if (d.stage().isPresent()) {
      PatchStage stage = d.stage().get();
      return "the first " + (stage.last() - stage.first() + 1) + " layers already run in "
          + stage.rows() + "x" + stage.cols() + " patches (" + Bytes.human(search.arenaWithout())
          + " without); more layers or a finer grid cost more than the " + bound
          + " MAC bound: raise it with -Atinyforge.patchMacOverhead=0.5";
    }
    return "no patch-based stage lowers '" + peak.name() + "' within the " + bound
        + " MAC bound (" + search.withinBound() + " of " + search.candidates()
        + " candidates tried): raise it with -Atinyforge.patchMacOverhead=0.5";
  }
}
