package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Bytes;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.LayerFacts;

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
          Bytes.human(peak.bytesLive()));
    }
  }
}
