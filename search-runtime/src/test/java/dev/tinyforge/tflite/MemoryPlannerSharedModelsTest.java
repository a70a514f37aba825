package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.plan.Buffer;
import dev.tinyforge.plan.GreedyPlanner;
import dev.tinyforge.plan.MemoryPlan;
import dev.tinyforge.plan.MemoryPlanner;
import dev.tinyforge.plan.PlanOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The planner's choices on the shared models, and the figures the README promises. */
class MemoryPlannerSharedModelsTest {
  @ParameterizedTest
  @ValueSource(strings = {"person_detect", "micro_speech", "tinymaix_mnist_resnet_q",
      "op_activations", "op_add"})
  void planIsNeverWorseThanLifetimesAlone(String name) throws Exception {
    Problems problems = new Problems();
    Graph graph = TfliteImporter.importModel(SharedModels.read(name), name, problems).graph();
    MemoryPlan lifetimes = GreedyPlanner.plan(graph);
    MemoryPlan inPlace = MemoryPlanner.plan(graph, new PlanOptions(true, -1));
    MemoryPlan planned = MemoryPlanner.plan(graph);
    StringBuilder text = new StringBuilder("[plan] " + name + ": lifetimes " + lifetimes.arenaBytes()
        + " B, + in-place " + inPlace.arenaBytes() + " B, + patches " + planned.arenaBytes() + " B; "
        + planned.decisions().inPlace().size() + " in-place ops");
    planned.decisions().stage().ifPresent(s -> text.append("; stage ops ").append(s.first())
        .append("..").append(s.last()).append(" ").append(s.sink()).append(" ").append(s.rows())
        .append("x").append(s.cols()).append(", extra MACs ").append(s.extraMacs()));
    planned.decisions().search().ifPresent(s -> text.append("; ").append(s));
    for (Buffer b : planned.buffers()) {
      if (b.isWorking()) {
        text.append("\n    ").append(b.label()).append(": ").append(b.size()).append(" B, steps ")
            .append(b.firstStep()).append("..").append(b.lastStep());
      }
    }
    for (double bound : new double[] {0.02, 0.05, 0.1, 0.15, 0.2, 0.3}) {
      MemoryPlan p = MemoryPlanner.plan(graph, new PlanOptions(true, bound));
      text.append("\n    bound ").append(bound).append(": arena ").append(p.arenaBytes());
      p.decisions().stage().ifPresent(st -> text.append(", ops ").append(st.first()).append("..")
          .append(st.last()).append(" ").append(st.rows()).append("x").append(st.cols())
          .append(", extra MACs ").append(st.extraMacs()));
    }
    System.out.println(text);
    assertWithMessage(name).that(planned.arenaBytes()).isAtMost(inPlace.arenaBytes());
    if (name.equals("person_detect")) {
      // Issue 4's goal: arena at most 28 KiB (was 55,296 B).
      assertWithMessage(name).that(planned.arenaBytes()).isAtMost(28 * 1024);
    } else if (name.equals("micro_speech")) {
      // At most half of TF Lite Micro's 6,836 B (was 5,960 B).
      assertWithMessage(name).that(planned.arenaBytes()).isAtMost(6836 / 2);
    }
    assertWithMessage(name).that(inPlace.arenaBytes()).isAtMost(lifetimes.arenaBytes());
  }
}
