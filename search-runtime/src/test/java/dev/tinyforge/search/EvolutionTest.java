package dev.tinyforge.search;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvolutionTest {
  private final SearchSpace space = SearchSpaces.digits();

  /** Fitness: more 7x7 kernels is better; only networks with at most 10 blocks fit. */
  private static double sevens(Architecture a) {
    return a.stages().stream().flatMap(s -> s.blocks().stream())
        .filter(b -> b.kernel() == 7).count();
  }

  private static boolean small(Architecture a) {
    return a.stages().stream().mapToInt(Architecture.StageChoice::depth).sum() <= 10;
  }

  @Test
  void improvesOnlyThroughFittingCandidatesAndIsDeterministic() {
    List<Architecture> scored = new ArrayList<>();
    Evolution.Result result = new Evolution(space, new EvolutionSettings(12, 8, 4, 0.2, 0.5),
        EvolutionTest::small, a -> {
          scored.add(a);
          return sevens(a);
        }, 3, null).run();
    assertThat(scored.stream().allMatch(EvolutionTest::small)).isTrue();
    assertThat(result.bestPerGeneration()).isInOrder();
    assertThat(result.score()).isAtLeast(result.bestPerGeneration().get(0));
    assertThat(result.score()).isAtLeast(6.0);
    Evolution.Result again = new Evolution(space, new EvolutionSettings(12, 8, 4, 0.2, 0.5),
        EvolutionTest::small, EvolutionTest::sevens, 3, null).run();
    assertThat(again.best()).isEqualTo(result.best());
  }

  @Test
  void childrenStayInTheSpace() {
    Evolution evolution = new Evolution(space, EvolutionSettings.standard(), a -> true,
        a -> 0, 1, null);
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < 200; i++) {
      Architecture a = Architecture.sample(space, random);
      Architecture b = Architecture.sample(space, random);
      for (Architecture child : List.of(evolution.mutate(a), evolution.crossover(a, b))) {
        assertThat(child.stages()).hasSize(space.stages().size());
        for (Architecture.StageChoice stage : child.stages()) {
          assertThat(space.depths()).contains(stage.depth());
          for (Architecture.Block block : stage.blocks()) {
            assertThat(space.kernels()).contains(block.kernel());
            assertThat(space.expansions()).contains(block.expansion());
          }
        }
      }
    }
  }
}
