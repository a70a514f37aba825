package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.processor.read.ModelDeclaration;
import java.util.Set;

/** The model's C name is a C identifier that is not a keyword. */
public final class ModelNameRule implements DeclarationRule {
  private static final Set<String> C_KEYWORDS = Set.of("auto", "break", "case", "char", "const",
      "continue", "default", "do", "double", "else", "enum", "extern", "float", "for", "goto",
      "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
      "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile",
      "while", "_Bool", "_Complex", "_Imaginary");

  @Override
  public void check(ModelDeclaration model, Problems problems) {
    String name = model.cName();
    if (!isCName(name)) {
      problems.error(Locus.model("name"), Message.MODEL_NAME, name);
    }
  }

  /** Whether {@code name} can name a model in C: an identifier that is not a keyword. */
  public static boolean isCName(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") && !C_KEYWORDS.contains(name);
  }
}
