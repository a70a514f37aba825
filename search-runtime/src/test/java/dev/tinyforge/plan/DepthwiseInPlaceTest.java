package dev.tinyforge.plan;

import static com.google.common.truth.Truth.assertThat;

import dev.tinyforge.annotations.Padding;
import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.build.SeededWeights;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.EngineInterpreter;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.engine.Step;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.kernels.Activation;
import dev.tinyforge.spec.LayerSpec;
import dev.tinyforge.spec.ModelSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A depthwise layer writes over its dying input where the second buffer would set the arena's
 * peak, and only there; the engine it lowers to computes what the naive plan computes.
 */
class DepthwiseInPlaceTest {
  private static final Budget BOARD = new Budget("STM32F746", "Cortex-M7", 320 << 10, 1 << 20, 216);
  private static final PlanOptions NO_IN_PLACE = new PlanOptions(false, -1);

  @Test
  void theDepthwiseLayerAtThePeakRunsInPlaceAndLowersTheArena() {
    Graph graph = NaivePlannerTest.residualNet(); // expand 5x5x15 -> dw 3x3 is the peak
    MemoryPlan plan = MemoryPlanner.plan(graph);

    assertThat(inPlaceLayers(plan)).contains("dw");
    assertThat(plan.arenaBytes())
        .isLessThan(MemoryPlanner.plan(graph, NO_IN_PLACE).arenaBytes());
    Engine engine = Lowering.lower(graph, BOARD);
    assertThat(engine.steps().stream().filter(s -> s instanceof Step.DepthwiseInPlace)
        .map(Step::layer).toList()).containsExactly("dw");
    // One 5x5 output plane of scratch, beside the stem's im2col columns (2 x 3x3x3).
    assertThat(engine.scratchBytes()).isEqualTo(54);
    assertThat(engine.peakSramBytes()).isEqualTo(engine.arenaBytes() + 54L);
  }

  @Test
  void theInPlaceEngineComputesWhatTheNaivePlanComputes() {
    Graph graph = NaivePlannerTest.residualNet();
    EngineInterpreter inPlace = new EngineInterpreter(Lowering.lower(graph, BOARD));
    EngineInterpreter naive =
        new EngineInterpreter(Lowering.lower(graph, BOARD, NaivePlanner::plan));
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 50; i++) {
      byte[] input = new byte[9 * 9 * 3];
      for (int j = 0; j < input.length; j++) {
        input[j] = (byte) random.nextInt(-128, 128);
      }
      assertThat(inPlace.invoke(input)).isEqualTo(naive.invoke(input));
    }
  }

  @Test
  void aDepthwiseInputStillNeededLaterIsNotOverwritten() {
    Graph graph = build(new ModelSpec("skip", new int[] {6, 6, 8}, 1 / 255f, -128, List.of(
        new LayerSpec.Conv2d("expand", 24, 1, 1, Padding.SAME, Activation.RELU6),
        new LayerSpec.DepthwiseConv2d("dw", 3, 1, 1, Padding.SAME, Activation.RELU6),
        new LayerSpec.Add("residual", "expand", Activation.NONE))));

    assertThat(inPlaceLayers(MemoryPlanner.plan(graph))).doesNotContain("dw");
  }

  @Test
  void aDepthwiseLayerAwayFromThePeakKeepsItsFasterKernel() {
    // The 1x1 widening to 64 channels sets the peak; writing dw in place would not lower it.
    Graph graph = build(new ModelSpec("late_peak", new int[] {8, 8, 4}, 1 / 255f, -128, List.of(
        new LayerSpec.DepthwiseConv2d("dw", 3, 1, 1, Padding.SAME, Activation.RELU6),
        new LayerSpec.Conv2d("widen", 64, 1, 1, Padding.SAME, Activation.RELU6))));

    MemoryPlan plan = MemoryPlanner.plan(graph);
    assertThat(inPlaceLayers(plan)).doesNotContain("dw");
    assertThat(plan.arenaBytes()).isEqualTo(MemoryPlanner.plan(graph, NO_IN_PLACE).arenaBytes());
  }

  private static List<String> inPlaceLayers(MemoryPlan plan) {
    return plan.decisions().inPlace().stream().map(InPlace::layer).toList();
  }

  private static Graph build(ModelSpec spec) {
    Problems problems = new Problems();
    Graph graph = GraphBuilder.build(spec, new SeededWeights(3), problems);
    assertThat(problems.all()).isEmpty();
    return graph;
  }
}
