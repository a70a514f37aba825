package dev.tinyforge.plan;

import dev.tinyforge.graph.Graph;
import java.util.List;

/**
 * The baseline the benchmark compares against: every buffer gets its own region of the arena, one
 * after another in buffer order, and no two buffers ever share a byte. This is what running a
 * model layer by layer costs when nobody plans the whole graph: each tensor keeps its memory for
 * the whole inference. Lifetimes are still computed (a reshape's output still is its input's
 * bytes), so the plan reports the same bytes live per step as the whole-graph plan; only the
 * arena differs. {@link MemoryPlan} checks the plan like any other.
 */
public final class NaivePlanner {
  private NaivePlanner() {}

  public static MemoryPlan plan(Graph graph) {
    int[] bufferOfTensor = new int[graph.tensors().size()];
    List<Buffer> buffers = Lifetimes.of(graph, bufferOfTensor);
    int[] offsets = new int[buffers.size()];
    int next = 0;
    for (Buffer buffer : buffers) {
      offsets[buffer.id()] = next;
      next = GreedyPlanner.align(next + buffer.size());
    }
    return new MemoryPlan(buffers, offsets, next, bufferOfTensor);
  }
}
