package dev.tinyforge.cli;

import dev.tinyforge.diag.Problem;
import dev.tinyforge.diag.Problems;
import java.io.PrintWriter;

/** Prints problems to standard error, one paragraph each: {@code error: [id] text}. */
final class Console {
  private Console() {}

  /** Prints every problem; returns the exit status: {@link Main#PROBLEM} on any error. */
  static int report(Problems problems, PrintWriter err) {
    for (Problem problem : problems.all()) {
      err.println((problem.isError() ? "error: " : "warning: ") + problem.text());
    }
    err.flush();
    return problems.hasErrors() ? Main.PROBLEM : 0;
  }
}
