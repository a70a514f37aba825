package dev.tinyforge.search;

import java.util.List;
import java.util.stream.Collectors;

/** A search was asked to run on a space or with settings that {@link SearchSpaceCheck} rejects. */
public final class InvalidSearchException extends IllegalArgumentException {
  private final List<SearchProblem> problems;

  public InvalidSearchException(List<SearchProblem> problems) {
    super(problems.stream().map(SearchProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<SearchProblem> problems() {
    return problems;
  }
}
