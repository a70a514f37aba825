package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.processor.read.ModelDeclaration;
import java.util.Arrays;

/** The input shape is given, has one or three dimensions, each at least 1. */
public final class InputShapeRule implements DeclarationRule {
  @Override
  public void check(ModelDeclaration model, Problems problems) {
    int[] shape = model.inputShape();
    Locus where = Locus.model("input");
    if (shape.length == 0) {
      problems.error(where, Message.INPUT_SHAPE, "the input shape is missing");
    } else if (shape.length != 1 && shape.length != 3) {
      problems.error(where, Message.INPUT_SHAPE,
          "input " + Arrays.toString(shape) + " has " + shape.length + " dimensions");
    } else if (Arrays.stream(shape).anyMatch(d -> d < 1)) {
      problems.error(where, Message.INPUT_SHAPE,
          "input " + Arrays.toString(shape) + " has a dimension below 1");
    }
  }
}
