package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Bytes;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.LayerFacts;

/** Weights and code fit the board's flash; otherwise names the largest layer. */
public final class FlashBudgetRule implements EngineRule {
  @Override
  public void check(Engine engine, Problems problems) {
    long need = engine.flashBytesEstimate();
    long have = engine.budget().flashBytes();
    if (need > have) {
      LayerFacts largest = engine.layers().get(0);
      for (LayerFacts layer : engine.layers()) {
        if (layer.constantBytes() > largest.constantBytes()) {
          largest = layer;
        }
      }
      problems.error(Locus.model("flashKb"), Message.FLASH_BUDGET, Bytes.human(need),
          Bytes.human(engine.constantBytes()), Bytes.human(engine.codeBytesEstimate()),
          engine.budget().board(), Bytes.human(have), Bytes.human(need - have), largest.name(),
          Bytes.human(largest.constantBytes()));
    }
  }
}
