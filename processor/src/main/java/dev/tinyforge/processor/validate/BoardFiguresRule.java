package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.processor.read.ModelDeclaration;

/** SRAM, flash and clock given in the annotation are positive. */
public final class BoardFiguresRule implements DeclarationRule {
  @Override
  public void check(ModelDeclaration model, Problems problems) {
    var a = model.annotation();
    var board = model.board();
    if (a.isWritten("sramKb") && a.intValue("sramKb") <= 0) {
      problems.error(Locus.model("sramKb"), Message.SRAM_KB, a.intValue("sramKb"), board,
          board.sramKb());
    }
    if (a.isWritten("flashKb") && a.intValue("flashKb") <= 0) {
      problems.error(Locus.model("flashKb"), Message.FLASH_KB, a.intValue("flashKb"), board,
          board.flashKb());
    }
    if (a.isWritten("clockMhz") && a.intValue("clockMhz") <= 0) {
      problems.error(Locus.model("clockMhz"), Message.CLOCK_MHZ, a.intValue("clockMhz"));
    }
  }
}
