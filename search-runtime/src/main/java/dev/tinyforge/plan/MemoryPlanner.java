package dev.tinyforge.plan;

import dev.tinyforge.engine.Macs;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.plan.patch.PatchCandidates;
import dev.tinyforge.plan.patch.PatchSearch;
import dev.tinyforge.plan.patch.PatchStage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * TinyForge's memory plan: whole-graph lifetimes, in-place element-wise ops, and, when it lowers
 * the arena, patch-based execution of the first stage. The cost model is the real planner: every
 * candidate stage and grid whose recomputed halos stay within the MAC bound is laid out and placed
 * by {@link GreedyPlanner}, and the lowest arena wins (ties: fewer MACs, then fewer patches).
 */
public final class MemoryPlanner {
  private MemoryPlanner() {}

  public static MemoryPlan plan(Graph graph) {
    return plan(graph, PlanOptions.defaults());
  }

  public static MemoryPlan plan(Graph graph, PlanOptions options) {
    MemoryPlan best = place(graph, options.inPlace(), null);
    if (!options.patching()) {
      return best;
    }
    int without = best.arenaBytes();
    long modelMacs = 0;
    for (Op op : graph.ops()) {
      modelMacs += Macs.of(op, graph);
    }
    List<PatchCandidates.Candidate> candidates = PatchCandidates.candidates(graph);
    int withinBound = 0;
    PatchStage chosen = null;
    for (PatchCandidates.Candidate candidate : candidates) {
      if (candidate.arenaLowerBound(graph) > best.arenaBytes()) {
        continue; // cannot beat the best plan so far, whatever its grid
      }
      PatchStage stage = candidate.build(graph);
      if (stage.extraMacs() > options.patchMacOverhead() * modelMacs) {
        continue;
      }
      withinBound++;
      MemoryPlan plan = place(graph, options.inPlace(), stage);
      if (better(plan, stage, best, chosen)) {
        best = plan;
        chosen = stage;
      }
    }
    return new MemoryPlan(best.buffers(), best.offsets(), best.arenaBytes(),
        best.bufferOfTensor(), best.decisions().withSearch(new PatchSearch(
            options.patchMacOverhead(), candidates.size(), withinBound, without,
            best.arenaBytes(), modelMacs)));
  }

  private static boolean better(MemoryPlan plan, PatchStage stage, MemoryPlan best,
      PatchStage bestStage) {
    if (plan.arenaBytes() != best.arenaBytes()) {
      return plan.arenaBytes() < best.arenaBytes();
    }
    if (bestStage == null) {
      return false;
    }
    if (stage.extraMacs() != bestStage.extraMacs()) {
      return stage.extraMacs() < bestStage.extraMacs();
    }
    return stage.patches().size() < bestStage.patches().size();
  }

  /**
   * Places the buffers; with in-place ops allowed, a depthwise layer writes over its input only
   * where that lowers the arena, since its in-place kernel runs channel by channel and is slower
   * than the specialized ones: first every eligible depthwise layer in place, then only those
   * whose second buffer would still rise above that arena; the smaller set wins if it places as
   * low.
   */
  private static MemoryPlan place(Graph graph, boolean inPlace, PatchStage stage) {
    MemoryPlan plain = place(graph, inPlace, stage, step -> false);
    if (!inPlace || !depthwiseAtThePeak(graph, plain)) {
      return plain;
    }
    MemoryPlan all = place(graph, true, stage, step -> true);
    if (all.arenaBytes() >= plain.arenaBytes()) {
      return plain;
    }
    Set<Integer> needed = new HashSet<>();
    int inPlaceDepthwise = 0;
    for (InPlace op : all.decisions().inPlace()) {
      if (graph.ops().get(op.op()) instanceof Op.DepthwiseConv2d) {
        inPlaceDepthwise++;
        if (all.bytesLiveAt(op.op()) + graph.tensor(op.output()).shape().size()
            > all.arenaBytes()) {
          needed.add(op.op());
        }
      }
    }
    if (needed.size() == inPlaceDepthwise) {
      return all;
    }
    MemoryPlan some = place(graph, true, stage, needed::contains);
    return some.arenaBytes() <= all.arenaBytes() ? some : all;
  }

  /**
   * Whether a depthwise layer runs where the most bytes are live: writing one in place lowers
   * only its own step, so elsewhere it cannot lower the arena (this keeps the search's thousands
   * of candidate plans at one placement each when it cannot pay).
   */
  private static boolean depthwiseAtThePeak(Graph graph, MemoryPlan plan) {
    int[] live = new int[graph.ops().size()];
    int peak = 0;
    for (Buffer buffer : plan.buffers()) {
      for (int step = Math.max(buffer.firstStep(), 0);
          step <= Math.min(buffer.lastStep(), live.length - 1); step++) {
        live[step] += buffer.size();
      }
    }
    for (int value : live) {
      peak = Math.max(peak, value);
    }
    for (int step = 0; step < live.length; step++) {
      if (live[step] == peak && graph.ops().get(step) instanceof Op.DepthwiseConv2d) {
        return true;
      }
    }
    return false;
  }

  private static MemoryPlan place(Graph graph, boolean inPlace, PatchStage stage,
      IntPredicate depthwiseInPlace) {
    ArenaLayout.Result layout = ArenaLayout.of(graph, inPlace, stage, depthwiseInPlace);
    return GreedyPlanner.place(layout.buffers(), layout.bufferOfTensor(), layout.decisions());
  }
}
