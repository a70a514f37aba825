package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.processor.read.ModelDeclaration;

/** The input quantization is a positive finite scale and an int8 zero point. */
public final class InputQuantRule implements DeclarationRule {
  @Override
  public void check(ModelDeclaration model, Problems problems) {
    double scale = model.inputScale();
    if (!(scale > 0) || Double.isInfinite(scale) || (float) scale == 0f) {
      problems.error(Locus.model("inputScale"), Message.INPUT_QUANT,
          "inputScale must be a positive number, got " + scale);
    }
    int zeroPoint = model.inputZeroPoint();
    if (zeroPoint < -128 || zeroPoint > 127) {
      problems.error(Locus.model("inputZeroPoint"), Message.INPUT_QUANT,
          "inputZeroPoint must be in [-128, 127], got " + zeroPoint);
    }
  }
}
