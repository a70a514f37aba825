package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.processor.read.LayerDeclaration;
import dev.tinyforge.processor.read.ModelDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A model imported from a TFLite file declares nothing the file already gives: no layer fields,
 * no input shape or quantization, no weights file or seed. They would be silently ignored.
 */
public final class TfliteConflictRule implements DeclarationRule {
  private static final List<String> MEMBERS =
      List.of("input", "inputScale", "inputZeroPoint", "weights", "seed");

  @Override
  public void check(ModelDeclaration model, Problems problems) {
    List<String> conflicts = new ArrayList<>();
    List<String> fields = Stream.concat(
            model.layers().stream().map(LayerDeclaration::field), model.ambiguousFields().stream())
        .map(field -> "'" + field.getSimpleName() + "'")
        .toList();
    if (!fields.isEmpty()) {
      conflicts.add((fields.size() == 1 ? "the layer field " : "the layer fields ")
          + String.join(", ", fields));
    }
    for (String member : MEMBERS) {
      if (model.annotation().isWritten(member)) {
        conflicts.add(member);
      }
    }
    if (!conflicts.isEmpty()) {
      problems.error(Locus.model("tflite"), Message.TFLITE_CONFLICT,
          model.type().getSimpleName(), model.tfliteFile(), String.join(" and ", conflicts));
    }
  }
}
