package dev.tinyforge.search;

import static com.google.common.truth.Truth.assertThat;

import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.build.SeededWeights;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.plan.GreedyPlanner;
import dev.tinyforge.plan.PlanOptions;
import dev.tinyforge.spec.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape-only path measures exactly what the code generator's Engine reports. */
class CandidateCostTest {
  private static final Budget F746 = new Budget("STM32F746", "Cortex-M7", 320 * 1024, 1 << 20, 216);

  /** Builds the real engine: seeded weight arrays of full size, lowered as the processor does. */
  static Engine engine(ModelSpec spec) {
    Problems problems = new Problems();
    Graph graph = GraphBuilder.build(spec, new SeededWeights(7), problems);
    assertThat(problems.all()).isEmpty();
    return Lowering.lower(graph, F746, PlanOptions.SEARCH);
  }

  private static void assertSameAsEngine(ModelSpec spec) {
    Engine engine = engine(spec);
    CandidateCost cost = CandidateCost.of(spec);
    assertThat(cost.peakSramBytes()).isEqualTo(engine.peakSramBytes());
    assertThat(cost.macs()).isEqualTo(engine.macs());
    assertThat(cost.constantBytes()).isEqualTo(engine.constantBytes());
    assertThat(cost.codeBytes()).isEqualTo(engine.codeBytesEstimate());
    assertThat(cost.flashBytes()).isEqualTo(engine.flashBytesEstimate());
  }

  @Test
  void digitsCandidatesCostWhatTheirEnginesReport() {
    SearchSpace space = SearchSpaces.digits();
    List<Architecture> architectures = Stage1.sample(space, 12, 3);
    for (int i = 0; i < architectures.size(); i++) {
      double width = space.widths().get(i % space.widths().size());
      int resolution = space.resolutions().get(i % space.resolutions().size());
      assertSameAsEngine(Subnet.spec(space, width, resolution, architectures.get(i)));
    }
  }

  @Test
  void imageCandidatesCostWhatTheirEnginesReport() {
    SearchSpace space = SearchSpaces.images("vww", 2);
    for (Architecture architecture : Stage1.sample(space, 4, 5)) {
      assertSameAsEngine(Subnet.spec(space, 0.3, 64, architecture));
    }
  }

  @Test
  void shapeOnlyGraphsPlanLikeRealOnes() {
    SearchSpace space = SearchSpaces.digits();
    for (Architecture architecture : Stage1.sample(space, 5, 11)) {
      ModelSpec spec = Subnet.spec(space, 0.6, 24, architecture);
      Graph real = GraphBuilder.build(spec, new SeededWeights(1), new Problems());
      Graph shapes = GraphBuilder.build(spec, ShapeOnlyWeights.INSTANCE, new Problems());
      assertThat(shapes.tensors().size()).isEqualTo(real.tensors().size());
      for (int t = 0; t < real.tensors().size(); t++) {
        assertThat(shapes.tensor(t).shape()).isEqualTo(real.tensor(t).shape());
      }
      assertThat(GreedyPlanner.plan(shapes).offsets())
          .isEqualTo(GreedyPlanner.plan(real).offsets());
    }
  }
}
