package dev.tinyforge.processor.diag;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Problem;
import dev.tinyforge.processor.read.AnnotationValues;
import dev.tinyforge.processor.read.LayerDeclaration;
import dev.tinyforge.processor.read.ModelDeclaration;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints problems where the user must act: on the annotation member they wrote when there is
 * one, else on the annotation, else on the element.
 */
public final class DiagnosticPrinter {
  /** Loci with this member prefix are on {@code @SearchSpace}: "search:cache". */
  public static final String SEARCH = "search:";

  private final Messager messager;

  public DiagnosticPrinter(Messager messager) {
    this.messager = messager;
  }

  public void print(ModelDeclaration model, Problem problem) {
    Diagnostic.Kind kind = problem.isError() ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    Locus locus = problem.locus();
    if (locus.isModel() && locus.member().startsWith("field:")) {
      String field = locus.member().substring("field:".length());
      for (Element member : model.type().getEnclosedElements()) {
        if (member.getSimpleName().contentEquals(field)) {
          messager.printMessage(kind, problem.text(), member);
          return;
        }
      }
    }
    Element element = model.type();
    AnnotationValues annotation = model.annotation();
    if (locus.isModel() && locus.member().startsWith(SEARCH) && model.isSearched()) {
      // a member of @SearchSpace; "search:" alone is the annotation itself
      AnnotationValues search = model.search();
      AnnotationValue value = search.written(locus.member().substring(SEARCH.length()));
      if (value != null) {
        messager.printMessage(kind, problem.text(), element, search.mirror(), value);
      } else {
        messager.printMessage(kind, problem.text(), element, search.mirror());
      }
      return;
    }
    if (!locus.isModel() && locus.layer() < model.layers().size()) {
      LayerDeclaration layer = model.layers().get(locus.layer());
      element = layer.field();
      annotation = layer.annotation();
    }
    AnnotationValue value = valueFor(annotation, locus);
    if (value != null) {
      messager.printMessage(kind, problem.text(), element, annotation.mirror(), value);
    } else {
      messager.printMessage(kind, problem.text(), element, annotation.mirror());
    }
  }

  /** Budgets left at the board's figures are the board's fault: point at {@code board}. */
  private static AnnotationValue valueFor(AnnotationValues annotation, Locus locus) {
    if (locus.member().isEmpty()) {
      return null;
    }
    AnnotationValue value = annotation.written(locus.member());
    if (value == null && locus.isModel()
        && (locus.member().equals("sramKb") || locus.member().equals("flashKb"))) {
      value = annotation.written("board");
    }
    return value;
  }

  public void printOn(Element element, Problem problem) {
    messager.printMessage(problem.isError() ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING,
        problem.text(), element);
  }
}
