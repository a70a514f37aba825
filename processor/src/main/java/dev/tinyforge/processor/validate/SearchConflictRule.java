package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.processor.diag.DiagnosticPrinter;
import dev.tinyforge.processor.read.LayerDeclaration;
import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.processor.source.SearchDeclaration;
import java.util.ArrayList;
import java.util.List;

/**
 * A searched model declares nothing the search chooses (layer fields, input, its quantization,
 * weights, seed) nor a TFLite file; and its task must be one TinyNAS knows.
 */
public final class SearchConflictRule implements DeclarationRule {
  private static final List<String> MEMBERS =
      List.of("input", "inputScale", "inputZeroPoint", "weights", "seed", "tflite");

  @Override
  public void check(ModelDeclaration model, Problems problems) {
    List<String> conflicts = new ArrayList<>();
    List<String> fields = model.layers().stream().map(LayerDeclaration::field)
        .map(f -> "'" + f.getSimpleName() + "'").toList();
    if (!fields.isEmpty() || !model.ambiguousFields().isEmpty()) {
      conflicts.add("layer fields " + String.join(", ", fields));
    }
    for (String member : MEMBERS) {
      if (model.annotation().isWritten(member)) {
        conflicts.add(member);
      }
    }
    if (!conflicts.isEmpty()) {
      problems.error(Locus.model(DiagnosticPrinter.SEARCH), Message.SEARCH_CONFLICT,
          model.type().getSimpleName(), String.join(" and ", conflicts));
    }
    String task = model.search().stringValue("task");
    if (!SearchDeclaration.TASKS.contains(task)) {
      problems.error(Locus.model(DiagnosticPrinter.SEARCH + "task"), Message.SEARCH_SPACE,
          "task \"" + task + "\" is unknown; TinyNAS knows " + SearchDeclaration.TASKS);
    }
  }
}
