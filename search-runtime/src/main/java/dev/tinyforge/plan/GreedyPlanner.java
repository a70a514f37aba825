package dev.tinyforge.plan;

import dev.tinyforge.graph.Graph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whole-graph arena planning: buffers are placed largest first, each at the lowest aligned offset
 * where it overlaps no already placed buffer that is live at the same time (lifetimes are
 * inclusive step ranges, so two buffers of the same step never share bytes).
 */
public final class GreedyPlanner {
  /** Offsets are multiples of this, so kernels may read words. */
  public static final int ALIGNMENT = 4;

  private GreedyPlanner() {}

  /** Plans the graph's tensors as they are: no in-place ops, no patches. */
  public static MemoryPlan plan(Graph graph) {
    int[] bufferOfTensor = new int[graph.tensors().size()];
    List<Buffer> buffers = Lifetimes.of(graph, bufferOfTensor);
    return place(buffers, bufferOfTensor, Decisions.NONE);
  }

  /** Places buffers whose lifetimes are known; the plan checks itself on construction. */
  static MemoryPlan place(List<Buffer> buffers, int[] bufferOfTensor, Decisions decisions) {
    List<Buffer> order = new ArrayList<>(buffers);
    order.sort(Comparator.comparingInt(Buffer::size).reversed().thenComparingInt(Buffer::id));
    int[] offsets = new int[buffers.size()];
    List<Buffer> placed = new ArrayList<>();
    int arena = 0;
    for (Buffer buffer : order) {
      int offset = lowestFreeOffset(buffer, placed, offsets);
      offsets[buffer.id()] = offset;
      placed.add(buffer);
      arena = Math.max(arena, align(offset + buffer.size()));
    }
    return new MemoryPlan(buffers, offsets, arena, bufferOfTensor, decisions);
  }

  private static int lowestFreeOffset(Buffer buffer, List<Buffer> placed, int[] offsets) {
    List<Buffer> rivals = new ArrayList<>();
    for (Buffer other : placed) {
      if (other.livesWith(buffer)) {
        rivals.add(other);
      }
    }
    rivals.sort(Comparator.comparingInt((Buffer b) -> offsets[b.id()]).thenComparingInt(Buffer::id));
    int candidate = 0;
    for (Buffer rival : rivals) {
      int start = offsets[rival.id()];
      if (candidate + buffer.size() <= start) {
        break;
      }
      candidate = Math.max(candidate, align(start + rival.size()));
    }
    return candidate;
  }

  static int align(int bytes) {
    return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }
}
