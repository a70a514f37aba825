package dev.tinyforge.search;

import static com.google.common.truth.Truth.assertThat;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Stage1Test {
  private static final SearchSpace DIGITS = SearchSpaces.digits();
  /** Few samples keep the tests fast; the statistics do not need to be good here. */
  private static final Stage1Settings TIGHT =
      new Stage1Settings(Board.STM32F746, 32 * 1024, 256 * 1024, 60, 42);

  @Test
  void sameSeedSameResultOnAnyNumberOfThreads() {
    Stage1Result one = Stage1.run(DIGITS, TIGHT, 1);
    assertThat(Stage1.run(DIGITS, TIGHT, 1)).isEqualTo(one);
    assertThat(Stage1.run(DIGITS, TIGHT, 2)).isEqualTo(one);
    assertThat(Stage1.run(DIGITS, TIGHT, 5)).isEqualTo(one);
    Stage1Settings otherSeed = new Stage1Settings(Board.STM32F746, 32 * 1024, 256 * 1024, 60, 43);
    assertThat(Stage1.run(DIGITS, otherSeed, 2)).isNotEqualTo(one);
  }

  @Test
  void everySpaceMeasuresAllSamplesInGridOrder() {
    Stage1Result result = Stage1.run(DIGITS, TIGHT, 2);
    assertThat(result.spaces()).hasSize(DIGITS.widths().size() * DIGITS.resolutions().size());
    int i = 0;
    for (double width : DIGITS.widths()) {
      for (int resolution : DIGITS.resolutions()) {
        SpaceStats stats = result.spaces().get(i++);
        assertThat(stats.width()).isEqualTo(width);
        assertThat(stats.resolution()).isEqualTo(resolution);
        assertThat(stats.samples()).isEqualTo(TIGHT.samples());
      }
    }
  }

  /** The kept networks are exactly those whose real engines fit; checked on real engines. */
  @Test
  void keptNetworksFitTheBudgetsOnTheirRealEngines() {
    Stage1Result result = Stage1.run(DIGITS, TIGHT, 2);
    SpaceStats chosen = result.chosenStats();
    assertThat(chosen).isNotNull();
    List<Architecture> architectures = Stage1.sample(DIGITS, TIGHT.samples(), TIGHT.seed());
    List<Long> keptMacs = new ArrayList<>();
    int checkedFitting = 0;
    int checkedOver = 0;
    for (Architecture architecture : architectures) {
      var spec = Subnet.spec(DIGITS, chosen.width(), chosen.resolution(), architecture);
      CandidateCost cost = CandidateCost.of(spec);
      boolean fits = cost.fits(TIGHT.sramBytes(), TIGHT.flashBytes());
      if (fits) {
        keptMacs.add(cost.macs());
      }
      if ((fits && checkedFitting < 4) || (!fits && checkedOver < 2)) {
        Engine engine = CandidateCostTest.engine(spec);
        boolean engineFits = engine.peakSramBytes() <= TIGHT.sramBytes()
            && engine.flashBytesEstimate() <= TIGHT.flashBytes();
        assertThat(engineFits).isEqualTo(fits);
        if (fits) {
          assertThat(engine.peakSramBytes()).isAtMost(TIGHT.sramBytes());
          checkedFitting++;
        } else {
          checkedOver++;
        }
      }
    }
    assertThat(checkedFitting).isEqualTo(4);
    assertThat(chosen.fitting()).isEqualTo(keptMacs.size());
    double mean = keptMacs.stream().mapToLong(Long::longValue).sum() / (double) keptMacs.size();
    assertThat(chosen.meanMacs()).isEqualTo(mean);
    assertThat(chosen.macQuantiles().get(0)).isEqualTo(keptMacs.stream().min(Long::compare).get());
    assertThat(chosen.macQuantiles().get(100))
        .isEqualTo(keptMacs.stream().max(Long::compare).get());
    assertThat(chosen.macQuantiles()).isInOrder();
    assertThat(chosen.macQuantiles()).hasSize(101);
  }

  @Test
  void choosesTheSpaceWithTheLargestMeanMacsOfFittingNetworks() {
    for (int sramKib : new int[] {16, 32, 64}) {
      Stage1Settings settings =
          new Stage1Settings(Board.STM32F746, sramKib * 1024L, 256 * 1024, 60, 42);
      Stage1Result result = Stage1.run(DIGITS, settings, 2);
      SpaceStats chosen = result.chosenStats();
      assertThat(chosen.fitting()).isGreaterThan(0);
      for (SpaceStats stats : result.spaces()) {
        if (stats.fitting() > 0) {
          assertThat(chosen.meanMacs()).isAtLeast(stats.meanMacs());
        } else {
          assertThat(stats.meanMacs()).isEqualTo(0.0);
          assertThat(stats.macQuantiles()).isEmpty();
        }
      }
    }
  }

  @Test
  void aLargerBudgetNeverLowersTheChosenMeanMacs() {
    Stage1Settings roomy = new Stage1Settings(Board.STM32F746, 64 * 1024, 256 * 1024, 60, 42);
    double tight = Stage1.run(DIGITS, TIGHT, 2).chosenStats().meanMacs();
    SpaceStats roomier = Stage1.run(DIGITS, roomy, 2).chosenStats();
    // Not a theorem for a mean, but each space only gains networks; here it holds comfortably.
    assertThat(roomier.meanMacs()).isAtLeast(tight);
  }

  @Test
  void choosesNothingWhenNothingFits() {
    Stage1Settings tiny = new Stage1Settings(Board.STM32F746, 1024, 256 * 1024, 20, 42);
    Stage1Result result = Stage1.run(DIGITS, tiny, 2);
    assertThat(result.chosen()).isNull();
    assertThat(result.chosenStats()).isNull();
    assertThat(result.spaces().stream().allMatch(s -> s.fitting() == 0)).isTrue();
    assertThat(Stage1Plot.svg(result)).contains("no sampled network fits the budgets");
  }

  @Test
  void tiesGoToMoreFittingNetworksThenToTheEarlierSpace() {
    SpaceStats a = new SpaceStats(0.5, 16, 10, 3, 100.0, 0, 0, List.of());
    SpaceStats b = new SpaceStats(0.5, 20, 10, 5, 100.0, 0, 0, List.of());
    SpaceStats c = new SpaceStats(0.6, 16, 10, 5, 100.0, 0, 0, List.of());
    SpaceStats none = new SpaceStats(0.7, 16, 10, 0, 0.0, 0, 0, List.of());
    assertThat(Stage1.choose(List.of(a, b, c, none)))
        .isEqualTo(new Stage1Result.Choice(0.5, 20));
    assertThat(Stage1.choose(List.of(none))).isNull();
  }

  @Test
  void quantilesAreNearestRank() {
    long[] values = {10, 20, 30, 40};
    List<Long> q = Stage1.quantiles(values);
    assertThat(q).hasSize(101);
    assertThat(q.get(0)).isEqualTo(10);
    assertThat(q.get(25)).isEqualTo(10);
    assertThat(q.get(26)).isEqualTo(20);
    assertThat(q.get(50)).isEqualTo(20);
    assertThat(q.get(100)).isEqualTo(40);
    assertThat(Stage1.quantiles(new long[0])).isEmpty();
  }
}
