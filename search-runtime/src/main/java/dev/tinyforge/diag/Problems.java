package dev.tinyforge.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects problems of one model; a model with any error produces no output. */
public final class Problems {
  private final List<Problem> all = new ArrayList<>();

  public void add(Problem problem) {
    all.add(problem);
  }

  public void error(Locus locus, Message message, Object... args) {
    add(Problem.error(locus, message, args));
  }

  public void warning(Locus locus, Message message, Object... args) {
    add(Problem.warning(locus, message, args));
  }

  public void addAll(Problems other) {
    all.addAll(other.all);
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Problem::isError);
  }

  public List<Problem> all() {
    return List.copyOf(all);
  }
}
