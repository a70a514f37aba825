package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.processor.read.ModelDeclarationReader;
import java.util.stream.Collectors;
import javax.lang.model.element.VariableElement;

/** The model has layers, and each layer field carries exactly one layer annotation. */
public final class LayerFieldsRule implements DeclarationRule {
  @Override
  public void check(ModelDeclaration model, Problems problems) {
    for (VariableElement field : model.ambiguousFields()) {
      String names = ModelDeclarationReader.layerAnnotations(field).stream()
          .map(m -> "@" + m.getAnnotationType().asElement().getSimpleName())
          .collect(Collectors.joining(" and "));
      // Located by field name: the processor resolves it to the field.
      problems.error(Locus.model("field:" + field.getSimpleName()), Message.LAYER_ANNOTATIONS,
          field.getSimpleName(), names);
    }
    if (model.layers().isEmpty() && model.ambiguousFields().isEmpty()) {
      problems.error(Locus.model(""), Message.NO_LAYERS, model.type().getSimpleName());
    }
  }
}
