package dev.tinyforge.plan;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyforge.annotations.Padding;
import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.build.SeededWeights;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.kernels.Activation;
import dev.tinyforge.spec.LayerSpec;
import dev.tinyforge.spec.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's baseline plan: one region per buffer, never reused, checked like any plan. */
public class NaivePlannerTest {
  private static final Budget BOARD = new Budget("STM32F746", "Cortex-M7", 320 << 10, 1 << 20, 216);

  /** A residual block with odd sizes (alignment), a flatten (one buffer, two tensors), softmax. */
  public static Graph residualNet() {
    ModelSpec spec = new ModelSpec("residual_net", new int[] {9, 9, 3}, 1 / 255f, -128, List.of(
        new LayerSpec.Conv2d("stem", 5, 3, 2, Padding.SAME, Activation.RELU6),
        new LayerSpec.Conv2d("expand", 15, 1, 1, Padding.SAME, Activation.RELU6),
        new LayerSpec.DepthwiseConv2d("dw", 3, 1, 1, Padding.SAME, Activation.RELU6),
        new LayerSpec.Conv2d("project", 5, 1, 1, Padding.SAME, Activation.NONE),
        new LayerSpec.Add("residual", "stem", Activation.NONE),
        new LayerSpec.Reshape("flat", new int[0]),
        new LayerSpec.Dense("logits", 3, Activation.NONE),
        new LayerSpec.Softmax("probabilities")));
    Problems problems = new Problems();
    Graph graph = GraphBuilder.build(spec, new SeededWeights(1), problems);
    assertThat(problems.all()).isEmpty();
    return graph;
  }

  @Test
  void everyBufferHasItsOwnAlignedRegionAndTheSelfCheckAcceptsIt() {
    Graph graph = residualNet();
    MemoryPlan naive = NaivePlanner.plan(graph);

    int expected = 0;
    for (Buffer buffer : naive.buffers()) {
      assertThat(naive.offsets()[buffer.id()]).isEqualTo(expected);
      assertThat(naive.offsets()[buffer.id()] % GreedyPlanner.ALIGNMENT).isEqualTo(0);
      expected = GreedyPlanner.align(expected + buffer.size());
    }
    assertThat(naive.arenaBytes()).isEqualTo(expected);
    // Never reused: no two buffers share a byte, live together or not.
    List<Buffer> buffers = naive.buffers();
    for (int i = 0; i < buffers.size(); i++) {
      for (int j = i + 1; j < buffers.size(); j++) {
        int a = naive.offsets()[i];
        int b = naive.offsets()[j];
        boolean overlap = a < b + buffers.get(j).size() && b < a + buffers.get(i).size();
        assertThat(overlap).isFalse();
      }
    }
  }

  @Test
  void sameLifetimesAsTheWholeGraphPlanOnlyABiggerArena() {
    Graph graph = residualNet();
    MemoryPlan naive = NaivePlanner.plan(graph);
    MemoryPlan greedy = GreedyPlanner.plan(graph);

    assertThat(naive.buffers()).isEqualTo(greedy.buffers());
    for (int step = 0; step < graph.ops().size(); step++) {
      assertThat(naive.bytesLiveAt(step)).isEqualTo(greedy.bytesLiveAt(step));
    }
    assertThat(naive.arenaBytes()).isGreaterThan(greedy.arenaBytes());
    // The flatten's output is its input's bytes in both plans.
    int flat = graph.ops().get(5).output();
    int flatInput = graph.ops().get(5).inputs().get(0);
    assertThat(naive.offsetOfTensor(flat)).isEqualTo(naive.offsetOfTensor(flatInput));
  }

  @Test
  void theSelfCheckStillRejectsOverlappingLiveBuffers() {
    MemoryPlan naive = NaivePlanner.plan(residualNet());
    int[] offsets = naive.offsets().clone();
    offsets[1] = offsets[0]; // the input and the stem's output are live together at step 0
    assertThrows(IllegalStateException.class, () -> new MemoryPlan(naive.buffers(), offsets,
        naive.arenaBytes(), naive.bufferOfTensor()));
  }

  @Test
  void loweringTakesThePlanner() {
    Graph graph = residualNet();
    Engine naive = Lowering.lower(graph, BOARD, NaivePlanner::plan);
    Engine planned = Lowering.lower(graph, BOARD);

    assertThat(naive.arenaBytes()).isEqualTo(NaivePlanner.plan(graph).arenaBytes());
    assertThat(planned.arenaBytes()).isEqualTo(MemoryPlanner.plan(graph).arenaBytes());
    assertThat(naive.steps().size()).isEqualTo(planned.steps().size());
    assertThat(naive.macs()).isEqualTo(planned.macs());
  }
}
