package dev.tinyforge.search;

import dev.tinyforge.annotations.Board;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects everything that keeps a search from running: empty choices, values no network can
 * take, duplicated choices (they would silently double a value's probability), resolutions above
 * the task's images, budgets that are not positive or exceed the board. Reports all of them.
 */
public final class SearchSpaceCheck {
  private final List<SearchProblem> problems = new ArrayList<>();

  private SearchSpaceCheck() {}

  public static List<SearchProblem> check(SearchSpace space, Stage1Settings settings) {
    SearchSpaceCheck check = new SearchSpaceCheck();
    check.space(space);
    check.settings(settings);
    return List.copyOf(check.problems);
  }

  /** Throws {@link InvalidSearchException} listing every problem, if there is any. */
  public static void require(SearchSpace space, Stage1Settings settings) {
    List<SearchProblem> problems = check(space, settings);
    if (!problems.isEmpty()) {
      throw new InvalidSearchException(problems);
    }
  }

  private void space(SearchSpace space) {
    SearchSpace.Task task = space.task();
    atLeast("task.inputSize", task.inputSize(), 1);
    atLeast("task.channels", task.channels(), 1);
    atLeast("task.classes", task.classes(), 2);
    atLeast("stem.channels", space.stem().channels(), 1);
    oddKernel("stem.kernel", space.stem().kernel());
    atLeast("stem.stride", space.stem().stride(), 1);
    if (space.stages().isEmpty()) {
      empty("stages", "a network needs at least one stage of blocks");
    }
    for (int i = 0; i < space.stages().size(); i++) {
      SearchSpace.Stage stage = space.stages().get(i);
      atLeast("stages[" + i + "].channels", stage.channels(), 1);
      atLeast("stages[" + i + "].stride", stage.stride(), 1);
    }
    atLeast("headChannels", space.headChannels(), 1);
    if (choices("kernels", space.kernels())) {
      space.kernels().forEach(k -> oddKernel("kernels", k));
    }
    if (choices("expansions", space.expansions())) {
      space.expansions().forEach(e -> atLeast("expansions", e, 1));
    }
    if (choices("depths", space.depths())) {
      space.depths().forEach(d -> atLeast("depths", d, 1));
    }
    if (choices("widths", space.widths())) {
      for (double w : space.widths()) {
        if (!(w > 0 && w <= 4)) {
          problems.add(SearchProblem.of(SearchProblem.CHOICE, "widths",
              "width multiplier %s is outside (0, 4]; MCUNet uses 0.2 to 1.0", w));
        }
      }
    }
    if (choices("resolutions", space.resolutions())) {
      for (int r : space.resolutions()) {
        if (r < 1) {
          atLeast("resolutions", r, 1);
        } else if (r > task.inputSize() && task.inputSize() >= 1) {
          problems.add(SearchProblem.of(SearchProblem.RESOLUTION, "resolutions",
              "resolution %d is above the %s task's %dx%d images: it would only upsample them;"
                  + " use resolutions up to %d", r, task.name(), task.inputSize(),
              task.inputSize(), task.inputSize()));
        }
      }
    }
  }

  private void settings(Stage1Settings settings) {
    Board board = settings.board();
    budget("sramBytes", settings.sramBytes(), board == null ? 0 : board.sramKb(), board, "SRAM");
    budget("flashBytes", settings.flashBytes(), board == null ? 0 : board.flashKb(), board,
        "flash");
    if (settings.samples() < 1) {
      problems.add(SearchProblem.of(SearchProblem.SAMPLES, "samples",
          "samples must be at least 1 architecture per space, got %d (MCUNet uses %d)",
          settings.samples(), Stage1Settings.DEFAULT_SAMPLES));
    }
  }

  private void budget(String member, long bytes, int boardKib, Board board, String what) {
    if (bytes <= 0) {
      problems.add(SearchProblem.of(SearchProblem.BUDGET, member,
          "the %s budget must be a positive number of bytes, got %d", what, bytes));
    } else if (boardKib > 0 && bytes > boardKib * 1024L) {
      problems.add(SearchProblem.of(SearchProblem.BUDGET, member,
          "the %s budget of %d bytes is more than %s has (%d KiB): no network found for it"
              + " would run there", what, bytes, board, boardKib));
    }
  }

  /** False when the list is empty (reported); reports duplicates. */
  private <T> boolean choices(String member, List<T> values) {
    if (values.isEmpty()) {
      empty(member, "give at least one choice");
      return false;
    }
    Set<T> seen = new HashSet<>();
    for (T value : values) {
      if (!seen.add(value)) {
        problems.add(SearchProblem.of(SearchProblem.DUPLICATE, member,
            "%s is listed twice; each choice once, or it is sampled twice as often", value));
      }
    }
    return true;
  }

  private void empty(String member, String what) {
    problems.add(SearchProblem.of(SearchProblem.EMPTY, member, "%s is empty: %s", member, what));
  }

  private void oddKernel(String member, int kernel) {
    if (kernel < 1 || kernel % 2 == 0) {
      problems.add(SearchProblem.of(SearchProblem.CHOICE, member,
          "kernel %d must be odd and at least 1 (3, 5, 7), so SAME padding stays symmetric",
          kernel));
    }
  }

  private void atLeast(String member, int value, int min) {
    if (value < min) {
      problems.add(SearchProblem.of(SearchProblem.CHOICE, member, "%s must be at least %d, got %d",
          member, min, value));
    }
  }
}
