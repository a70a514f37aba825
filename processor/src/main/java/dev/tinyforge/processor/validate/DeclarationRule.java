package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Problems;
import dev.tinyforge.processor.read.ModelDeclaration;

/** One check of a declaration, before any graph is built. */
public interface DeclarationRule {
  void check(ModelDeclaration model, Problems problems);
}
