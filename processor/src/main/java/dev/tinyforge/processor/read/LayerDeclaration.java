package dev.tinyforge.processor.read;

import dev.tinyforge.spec.LayerSpec;
import javax.lang.model.element.VariableElement;

/** One layer field as written: the field, its layer annotation, and what it declares. */
public record LayerDeclaration(VariableElement field, AnnotationValues annotation, LayerSpec spec) {}
