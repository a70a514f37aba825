package dev.tinyforge.search;

import java.util.Locale;

/**
 * Why a search cannot run: a stable id, the member of the search space or settings to change
 * (e.g. {@code "widths"}, {@code "stages[2].stride"}), and a text that says what to do. These ids
 * are meant for the shared message catalogue once the processor reads search spaces.
 */
public record SearchProblem(String id, String member, String text) {
  public static final String EMPTY = "SearchSpace/Empty";
  public static final String CHOICE = "SearchSpace/Choice";
  public static final String DUPLICATE = "SearchSpace/Duplicate";
  public static final String RESOLUTION = "SearchSpace/Resolution";
  public static final String BUDGET = "Search/Budget";
  public static final String SAMPLES = "Search/Samples";

  static SearchProblem of(String id, String member, String template, Object... args) {
    return new SearchProblem(id, member, String.format(Locale.ROOT, template, args));
  }

  @Override
  public String toString() {
    return "[" + id + "] " + member + ": " + text;
  }
}
