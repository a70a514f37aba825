package dev.tinyforge.search;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyforge.annotations.Board;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSpaceCheckTest {
  private static final Stage1Settings SETTINGS = Stage1Settings.of(Board.STM32F746, 32, 256, 1);

  private static SearchSpace with(List<SearchSpace.Stage> stages, List<Integer> kernels,
      List<Integer> expansions, List<Integer> depths, List<Double> widths,
      List<Integer> resolutions) {
    SearchSpace d = SearchSpaces.digits();
    return new SearchSpace(d.task(), d.stem(), stages, d.headChannels(), kernels, expansions,
        depths, widths, resolutions);
  }

  private static List<String> ids(List<SearchProblem> problems) {
    return problems.stream().map(p -> p.id() + " " + p.member()).toList();
  }

  @Test
  void presetsAreValid() {
    assertThat(SearchSpaceCheck.check(SearchSpaces.digits(), SETTINGS)).isEmpty();
    assertThat(SearchSpaceCheck.check(SearchSpaces.images("imagenet", 1000),
        Stage1Settings.of(Board.STM32F746, 320, 1024, 1))).isEmpty();
  }

  @Test
  void reportsEveryEmptyChoiceAtOnce() {
    SearchSpace empty = with(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    List<SearchProblem> problems = SearchSpaceCheck.check(empty, SETTINGS);
    assertThat(ids(problems)).containsExactly("SearchSpace/Empty stages",
        "SearchSpace/Empty kernels", "SearchSpace/Empty expansions", "SearchSpace/Empty depths",
        "SearchSpace/Empty widths", "SearchSpace/Empty resolutions");
    assertThat(problems.get(4).text()).contains("widths is empty");
  }

  @Test
  void reportsContradictoryChoices() {
    SearchSpace bad = with(List.of(new SearchSpace.Stage(24, 0)), List.of(3, 4, 3),
        List.of(0, 6), List.of(2), List.of(0.5, -0.1), List.of(16, 32));
    List<SearchProblem> problems = SearchSpaceCheck.check(bad, SETTINGS);
    assertThat(ids(problems)).containsExactly(
        "SearchSpace/Choice stages[0].stride",
        "SearchSpace/Duplicate kernels",
        "SearchSpace/Choice kernels",
        "SearchSpace/Choice expansions",
        "SearchSpace/Choice widths",
        "SearchSpace/Resolution resolutions");
    assertThat(problems.get(2).text()).contains("kernel 4 must be odd");
    assertThat(problems.get(5).text()).contains("resolution 32 is above the digits task's 28x28");
  }

  @Test
  void reportsBudgetsAndSamplesThatCannotWork() {
    Stage1Settings settings = new Stage1Settings(Board.STM32F746, 0, 2048L * 1024, 0, 1);
    List<SearchProblem> problems = SearchSpaceCheck.check(SearchSpaces.digits(), settings);
    assertThat(ids(problems)).containsExactly("Search/Budget sramBytes",
        "Search/Budget flashBytes", "Search/Samples samples");
    assertThat(problems.get(1).text()).contains("more than STM32F746 has (1024 KiB)");
    // A custom board has no figures of its own to exceed.
    assertThat(SearchSpaceCheck.check(SearchSpaces.digits(),
        new Stage1Settings(Board.CUSTOM, 4L << 20, 8L << 20, 10, 1))).isEmpty();
  }

  @Test
  void stage1RefusesAnInvalidSpaceWithAllItsProblems() {
    SearchSpace empty = with(List.of(new SearchSpace.Stage(24, 2)), List.of(3), List.of(),
        List.of(2), List.of(), List.of(16));
    InvalidSearchException e =
        assertThrows(InvalidSearchException.class, () -> Stage1.run(empty, SETTINGS, 1));
    assertThat(ids(e.problems())).containsExactly("SearchSpace/Empty expansions",
        "SearchSpace/Empty widths");
    assertThat(e.getMessage()).contains("[SearchSpace/Empty] widths: widths is empty");
  }
}
