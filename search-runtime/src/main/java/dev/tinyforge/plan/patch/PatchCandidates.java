package dev.tinyforge.plan.patch;

import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Every patch-based stage a graph allows: it starts at the first op that reads the model input
 * (reshapes aside), runs a chain of convolutions and pools each read only by the next, and ends
 * at any of them (SCATTER sink) or in a fully connected layer that reads the chain's output
 * (ACCUMULATE sink). Grids go up to 8x8 for SCATTER (MCUNetV2's range) and to one patch per
 * output row for ACCUMULATE, whose patches recompute nothing when the stage is a single layer.
 */
public final class PatchCandidates {
  /** The largest grid side for SCATTER stages. */
  public static final int MAX_GRID = 8;
  /** The most row bands for ACCUMULATE stages. */
  public static final int MAX_BANDS = 64;

  private PatchCandidates() {}

  /** A stage and grid, before its geometry is worked out. */
  public record Candidate(int first, int lastSpatial, int last, PatchStage.Sink sink, int rows,
      int cols) {
    public PatchStage build(Graph graph) {
      return PatchStage.of(graph, first, lastSpatial, last, sink, rows, cols);
    }

    /**
     * A lower bound of the arena with this stage: its full input and its materialized output
     * are live together through the whole stage (an ACCUMULATE stage materializes only the fully
     * connected layer's output).
     */
    public int arenaLowerBound(Graph graph) {
      int in = graph.tensor(graph.ops().get(first).inputs().get(0)).shape().size();
      return in + graph.tensor(graph.ops().get(last).output()).shape().size();
    }
  }

  public static List<PatchStage> of(Graph graph) {
    return candidates(graph).stream().map(c -> c.build(graph)).toList();
  }

  public static List<Candidate> candidates(Graph graph) {
    List<Op> ops = graph.ops();
    int first = 0;
    int input = graph.input();
    while (first < ops.size() && ops.get(first) instanceof Op.Reshape reshape
        && reshape.input() == input) {
      input = reshape.output();
      first++;
    }
    List<Candidate> stages = new ArrayList<>();
    if (first >= ops.size() || !PatchStage.isSpatial(ops.get(first))
        || ops.get(first).inputs().get(0) != input) {
      return stages;
    }
    for (int last = first; last < ops.size(); last++) {
      Op op = ops.get(last);
      if (!PatchStage.isSpatial(op)) {
        break;
      }
      if (last > first) {
        int previous = ops.get(last - 1).output();
        if (op.inputs().get(0) != previous || consumers(graph, previous) != 1
            || previous == graph.output()) {
          break;
        }
      }
      Shape out = graph.tensor(op.output()).shape();
      for (int rows = 1; rows <= Math.min(MAX_GRID, out.h()); rows++) {
        for (int cols = 1; cols <= Math.min(MAX_GRID, out.w()); cols++) {
          if (rows * cols >= 2) {
            stages.add(new Candidate(first, last, last, PatchStage.Sink.SCATTER, rows, cols));
          }
        }
      }
      int fc = fullyConnectedReader(graph, last);
      if (fc >= 0) {
        for (int rows = 2; rows <= Math.min(MAX_BANDS, out.h()); rows++) {
          stages.add(new Candidate(first, last, fc, PatchStage.Sink.ACCUMULATE, rows, 1));
        }
      }
    }
    return stages;
  }

  /** The fully connected op that alone reads op {@code last}'s output (through one reshape). */
  private static int fullyConnectedReader(Graph graph, int last) {
    List<Op> ops = graph.ops();
    int tensor = ops.get(last).output();
    int next = last + 1;
    if (tensor == graph.output() || consumers(graph, tensor) != 1 || next >= ops.size()) {
      return -1;
    }
    if (ops.get(next) instanceof Op.Reshape reshape && reshape.input() == tensor) {
      tensor = reshape.output();
      next++;
      if (tensor == graph.output() || consumers(graph, tensor) != 1 || next >= ops.size()) {
        return -1;
      }
    }
    return ops.get(next) instanceof Op.FullyConnected fc && fc.input() == tensor ? next : -1;
  }

  private static int consumers(Graph graph, int tensor) {
    int count = 0;
    for (Op op : graph.ops()) {
      for (int input : op.inputs()) {
        if (input == tensor) {
          count++;
        }
      }
    }
    return count;
  }
}
