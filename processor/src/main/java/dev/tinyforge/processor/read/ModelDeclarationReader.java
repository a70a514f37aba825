package dev.tinyforge.processor.read;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Padding;
import dev.tinyforge.kernels.Activation;
import dev.tinyforge.spec.LayerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @TinyModel} class into a {@link ModelDeclaration}. Reading never fails: values
 * that make no sense are kept as written for the validation rules to report.
 */
public final class ModelDeclarationReader {
  static final String ANNOTATIONS = "dev.tinyforge.annotations.";
  public static final String TINY_MODEL = ANNOTATIONS + "TinyModel";
  public static final String SEARCH_SPACE = ANNOTATIONS + "SearchSpace";

  private final Elements elements;

  public ModelDeclarationReader(Elements elements) {
    this.elements = elements;
  }

  public ModelDeclaration read(TypeElement type) {
    AnnotationValues model = new AnnotationValues(mirror(type, TINY_MODEL), elements);
    String simpleName = type.getSimpleName().toString();
    String name = model.stringValue("name");
    String weights = model.stringValue("weights");
    List<LayerDeclaration> layers = new ArrayList<>();
    List<VariableElement> ambiguous = new ArrayList<>();
    // Enclosed elements come in source order, which is the order the layers run in.
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() != ElementKind.FIELD) {
        continue;
      }
      List<AnnotationMirror> layerAnnotations = layerAnnotations(member);
      if (layerAnnotations.size() > 1) {
        ambiguous.add((VariableElement) member);
      } else if (layerAnnotations.size() == 1) {
        AnnotationValues values = new AnnotationValues(layerAnnotations.get(0), elements);
        String layerName = member.getSimpleName().toString();
        layers.add(new LayerDeclaration((VariableElement) member, values,
            spec(layerName, values)));
      }
    }
    return new ModelDeclaration(
        type,
        model,
        Board.valueOf(model.enumValue("board")),
        name.isEmpty() ? snakeCase(simpleName) : name,
        model.intArray("input"),
        model.doubleValue("inputScale"),
        model.intValue("inputZeroPoint"),
        weights.isEmpty() ? simpleName + ".tfw" : weights,
        model.longValue("seed"),
        model.stringValue("tflite"),
        layers,
        ambiguous,
        find(type, SEARCH_SPACE) == null ? null
            : new AnnotationValues(find(type, SEARCH_SPACE), elements));
  }

  /** The layer annotations on a field, by their names in {@code dev.tinyforge.annotations}. */
  public static List<AnnotationMirror> layerAnnotations(Element field) {
    List<AnnotationMirror> result = new ArrayList<>();
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      String name = ((TypeElement) mirror.getAnnotationType().asElement())
          .getQualifiedName().toString();
      if (name.startsWith(ANNOTATIONS) && LayerKind.of(name.substring(ANNOTATIONS.length()))
          != null) {
        result.add(mirror);
      }
    }
    return result;
  }

  private static LayerSpec spec(String name, AnnotationValues v) {
    String type = v.mirror().getAnnotationType().asElement().getSimpleName().toString();
    return switch (LayerKind.of(type)) {
      case CONV2D -> new LayerSpec.Conv2d(name, v.intValue("filters"), v.intValue("kernel"),
          v.intValue("stride"), padding(v), activation(v));
      case DEPTHWISE_CONV2D -> new LayerSpec.DepthwiseConv2d(name, v.intValue("kernel"),
          v.intValue("stride"), v.intValue("depthMultiplier"), padding(v), activation(v));
      case DENSE -> new LayerSpec.Dense(name, v.intValue("units"), activation(v));
      case AVG_POOL -> new LayerSpec.Pool2d(name, false, v.intValue("pool"),
          v.intValue("stride"), padding(v));
      case MAX_POOL -> new LayerSpec.Pool2d(name, true, v.intValue("pool"),
          v.intValue("stride"), padding(v));
      case GLOBAL_AVG_POOL -> new LayerSpec.GlobalAvgPool(name);
      case ADD -> new LayerSpec.Add(name, v.stringValue("with"), activation(v));
      case RESHAPE -> new LayerSpec.Reshape(name, v.intArray("shape"));
      case FLATTEN -> new LayerSpec.Reshape(name, new int[0]);
      case SOFTMAX -> new LayerSpec.Softmax(name);
    };
  }

  private static Padding padding(AnnotationValues v) {
    return Padding.valueOf(v.enumValue("padding"));
  }

  private static Activation activation(AnnotationValues v) {
    return Activation.valueOf(v.enumValue("activation"));
  }

  private static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  private static AnnotationMirror mirror(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(qualifiedName)) {
        return mirror;
      }
    }
    throw new IllegalArgumentException(element + " has no @" + qualifiedName);
  }

  /** "DigitsMlp" becomes "digits_mlp", "MNISTNet" becomes "mnist_net". */
  static String snakeCase(String camel) {
    String withBreaks = camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
    return withBreaks.toLowerCase(Locale.ROOT);
  }

  /** The layer annotations, by simple name. */
  enum LayerKind {
    CONV2D("Conv2D"),
    DEPTHWISE_CONV2D("DepthwiseConv2D"),
    DENSE("Dense"),
    AVG_POOL("AvgPool2D"),
    MAX_POOL("MaxPool2D"),
    GLOBAL_AVG_POOL("GlobalAvgPool"),
    ADD("Add"),
    RESHAPE("Reshape"),
    FLATTEN("Flatten"),
    SOFTMAX("Softmax");

    private final String annotation;

    LayerKind(String annotation) {
      this.annotation = annotation;
    }

    static LayerKind of(String simpleName) {
      for (LayerKind kind : values()) {
        if (kind.annotation.equals(simpleName)) {
          return kind;
        }
      }
      return null;
    }
  }
}
