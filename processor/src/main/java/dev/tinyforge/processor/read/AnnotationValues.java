package dev.tinyforge.processor.read;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The members of one annotation as written, defaults filled in, with the {@link AnnotationValue}
 * of each member the user wrote so that errors can point at it.
 */
public final class AnnotationValues {
  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;

  public AnnotationValues(AnnotationMirror mirror, Elements elements) {
    this.mirror = mirror;
    this.explicit = mirror.getElementValues();
    this.withDefaults = elements.getElementValuesWithDefaults(mirror);
  }

  public AnnotationMirror mirror() {
    return mirror;
  }

  /** The value the user wrote for {@code member}, or null when it was left to its default. */
  public AnnotationValue written(String member) {
    return find(explicit, member);
  }

  public boolean isWritten(String member) {
    return written(member) != null;
  }

  public int intValue(String member) {
    return ((Number) value(member)).intValue();
  }

  public long longValue(String member) {
    return ((Number) value(member)).longValue();
  }

  public double doubleValue(String member) {
    return ((Number) value(member)).doubleValue();
  }

  public String stringValue(String member) {
    return (String) value(member);
  }

  /** The constant's name of an enum member. */
  public String enumValue(String member) {
    return ((VariableElement) value(member)).getSimpleName().toString();
  }

  public int[] intArray(String member) {
    List<?> values = (List<?>) value(member);
    int[] result = new int[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = ((Number) ((AnnotationValue) values.get(i)).getValue()).intValue();
    }
    return result;
  }

  public double[] doubleArray(String member) {
    List<?> values = (List<?>) value(member);
    double[] result = new double[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = ((Number) ((AnnotationValue) values.get(i)).getValue()).doubleValue();
    }
    return result;
  }

  private Object value(String member) {
    AnnotationValue value = find(withDefaults, member);
    if (value == null) {
      throw new IllegalArgumentException("no member " + member + " on " + mirror);
    }
    return value.getValue();
  }

  private static AnnotationValue find(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    return null;
  }

}
