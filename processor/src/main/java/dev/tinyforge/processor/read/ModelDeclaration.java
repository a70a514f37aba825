package dev.tinyforge.processor.read;

import dev.tinyforge.annotations.Board;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A {@code @TinyModel} class as the user wrote it, with positions: the class, its annotation's
 * members, its layer fields in source order, and fields that carry more than one layer annotation.
 * {@code tfliteFile} is the TFLite model it imports, or empty for a model declared by its fields;
 * {@code search} the {@code @SearchSpace} annotation of a searched model, else null.
 */
public record ModelDeclaration(
    TypeElement type,
    AnnotationValues annotation,
    Board board,
    String cName,
    int[] inputShape,
    double inputScale,
    int inputZeroPoint,
    String weightsFile,
    long seed,
    String tfliteFile,
    List<LayerDeclaration> layers,
    List<VariableElement> ambiguousFields,
    AnnotationValues search) {
  public ModelDeclaration {
    layers = List.copyOf(layers);
    ambiguousFields = List.copyOf(ambiguousFields);
  }

  /** Whether TinyNAS chooses the layers ({@code @SearchSpace}); {@link #search()} is then set. */
  public boolean isSearched() {
    return search != null;
  }

  /** Whether the model comes from a TFLite file rather than from its layer fields. */
  public boolean isTflite() {
    return !tfliteFile.isEmpty();
  }
}
