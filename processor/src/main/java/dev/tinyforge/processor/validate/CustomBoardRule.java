package dev.tinyforge.processor.validate;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.processor.read.ModelDeclaration;

/** A custom board has no figures of its own: the annotation must give all three. */
public final class CustomBoardRule implements DeclarationRule {
  @Override
  public void check(ModelDeclaration model, Problems problems) {
    if (model.board() != Board.CUSTOM) {
      return;
    }
    var a = model.annotation();
    if (!a.isWritten("sramKb") || !a.isWritten("flashKb") || !a.isWritten("clockMhz")) {
      problems.error(Locus.model("board"), Message.CUSTOM_BOARD);
    }
  }
}
