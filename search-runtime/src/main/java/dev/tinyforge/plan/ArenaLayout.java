package dev.tinyforge.plan;

import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.plan.patch.PatchStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The buffers TinyForge's own plan asks for, before placement: graph tensors grouped into buffers
 * (a reshape's output and an in-place op's output share their input's buffer), the working
 * buffers of a patch-based stage, and every buffer's lifetime. {@link GreedyPlanner} places them.
 *
 * <p>Steps are op indices. A patch-based stage {@code first..last} runs all its patches within its
 * steps: each patch runs op k at step k, so a tile buffer of op k lives from step k to the step of
 * the op that reads it, while the stage's full input and output live through the whole stage.
 */
final class ArenaLayout {
  private final Graph graph;
  private final int[] parent;
  private final int[] first;
  private final int[] lastUse;
  private final boolean[] excluded;
  private final List<InPlace> inPlace = new ArrayList<>();

  private ArenaLayout(Graph graph) {
    this.graph = graph;
    int n = graph.tensors().size();
    parent = new int[n];
    first = new int[n];
    lastUse = new int[n];
    excluded = new boolean[n];
    for (int t = 0; t < n; t++) {
      parent[t] = t;
    }
    Arrays.fill(first, Integer.MAX_VALUE);
    Arrays.fill(lastUse, -1);
  }

  /** The buffers, with {@code bufferOfTensor} filled in; decisions hold the buffer ids. */
  record Result(List<Buffer> buffers, int[] bufferOfTensor, Decisions decisions) {}

  /**
   * @param depthwiseInPlace which depthwise ops (by index) may write over their input, when
   *     {@code inPlace} allows in-place ops at all
   */
  static Result of(Graph graph, boolean inPlace, PatchStage stage, IntPredicate depthwiseInPlace) {
    return new ArenaLayout(graph).build(inPlace, stage, depthwiseInPlace);
  }

  private Result build(boolean allowInPlace, PatchStage stage, IntPredicate depthwiseInPlace) {
    List<Op> ops = graph.ops();
    for (Op op : ops) {
      if (op instanceof Op.Reshape reshape) {
        parent[find(reshape.output())] = find(reshape.input());
      }
    }
    if (stage != null) {
      for (int i = stage.first(); i < stage.last(); i++) {
        excluded[ops.get(i).output()] = true;
      }
    }
    int lastStep = Math.max(ops.size() - 1, 0);
    touch(graph.input(), 0);
    touch(graph.output(), lastStep);
    for (int step = 0; step < ops.size(); step++) {
      Op op = ops.get(step);
      if (stage != null && stage.contains(step)) {
        continue;
      }
      for (int input : op.inputs()) {
        touch(input, step);
      }
      touch(op.output(), step);
    }
    if (stage != null) {
      int stageInput = ops.get(stage.first()).inputs().get(0);
      touch(stageInput, stage.first());
      touch(stageInput, stage.last());
      int stageOutput = ops.get(stage.last()).output();
      touch(stageOutput, stage.sink() == PatchStage.Sink.SCATTER ? stage.first() : stage.last());
      touch(stageOutput, stage.last());
    }
    if (allowInPlace) {
      for (int step = 0; step < ops.size(); step++) {
        if (stage == null || !stage.contains(step)) {
          tryInPlace(step, ops.get(step), depthwiseInPlace.test(step));
        }
      }
    }
    return buffers(stage);
  }

  /**
   * Merges the op's output into an input's buffer when that input dies at this op. A depthwise
   * op qualifies with depth multiplier 1 and an output no larger than its input (its kernel then
   * runs channel by channel through a one-plane temporary).
   */
  private void tryInPlace(int step, Op op, boolean depthwiseAllowed) {
    List<Integer> candidates;
    if (op instanceof Op.DepthwiseConv2d dw) {
      int root = find(dw.input());
      if (depthwiseAllowed && dw.depthMultiplier() == 1 && !excluded[dw.input()]
          && lastUse[root] == step && root != find(dw.output())
          && size(dw.output()) <= size(root)) {
        merge(step, op, dw.input(), root);
      }
      return;
    }
    if (op instanceof Op.Elementwise || op instanceof Op.Quantize || op instanceof Op.Softmax
        || op instanceof Op.AddConstant || op instanceof Op.MulConstant) {
      candidates = List.of(op.inputs().get(0));
    } else if (op instanceof Op.Add || op instanceof Op.Mul) {
      candidates = op.inputs();
    } else {
      return;
    }
    int out = find(op.output());
    int outSize = graph.tensor(op.output()).shape().size();
    for (int input : candidates) {
      int root = find(input);
      if (root == out || excluded[input] || lastUse[root] != step
          || graph.tensor(input).shape().size() != outSize || size(root) != size(out)) {
        continue;
      }
      merge(step, op, input, root);
      return;
    }
  }

  private void merge(int step, Op op, int input, int root) {
    int out = find(op.output());
    parent[out] = root;
    first[root] = Math.min(first[root], first[out]);
    lastUse[root] = Math.max(lastUse[root], lastUse[out]);
    inPlace.add(new InPlace(step, op.name(), input, op.output()));
  }

  private Result buffers(PatchStage stage) {
    int n = graph.tensors().size();
    List<Buffer> buffers = new ArrayList<>();
    int[] bufferOfRoot = new int[n];
    Arrays.fill(bufferOfRoot, -1);
    int[] bufferOfTensor = new int[n];
    for (int root = 0; root < n; root++) {
      if (find(root) != root || excluded[root]) {
        continue;
      }
      List<Integer> members = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        if (find(t) == root && !excluded[t]) {
          members.add(t);
        }
      }
      bufferOfRoot[root] = buffers.size();
      buffers.add(new Buffer(buffers.size(), members, size(root), first[root], lastUse[root]));
    }
    for (int t = 0; t < n; t++) {
      bufferOfTensor[t] = excluded[t] ? -1 : bufferOfRoot[find(t)];
    }
    if (stage == null) {
      return new Result(buffers, bufferOfTensor, new Decisions(inPlace, Optional.empty(), -1,
          new int[0], -1, Optional.empty()));
    }
    List<Op> ops = graph.ops();
    int gather = -1;
    if (!stage.wholeRows()) {
      gather = add(buffers, stage.largestInput(graph), stage.first(), stage.first(),
          "patch input of " + ops.get(stage.first()).name());
    }
    int[] tiles = new int[stage.spatialOps()];
    for (int op = stage.first(); op <= stage.lastSpatial(); op++) {
      boolean last = op == stage.lastSpatial();
      if (last && stage.sink() == PatchStage.Sink.SCATTER && stage.wholeRows()) {
        tiles[op - stage.first()] = -1;
        continue;
      }
      int readBy = last ? stage.last() : op + 1;
      tiles[op - stage.first()] = add(buffers, stage.largestOutput(graph, op), op, readBy,
          "patch tile of " + ops.get(op).name());
    }
    int accumulators = -1;
    if (stage.sink() == PatchStage.Sink.ACCUMULATE) {
      int outDepth = graph.tensor(ops.get(stage.last()).output()).shape().size();
      accumulators = add(buffers, 4 * outDepth, stage.first(), stage.last(),
          "int32 accumulators of " + ops.get(stage.last()).name());
    }
    return new Result(buffers, bufferOfTensor,
        new Decisions(inPlace, Optional.of(stage), gather, tiles, accumulators,
            Optional.empty()));
  }

  private static int add(List<Buffer> buffers, int size, int from, int to, String label) {
    int id = buffers.size();
    buffers.add(new Buffer(id, List.of(), size, from, to, label));
    return id;
  }

  private int size(int tensor) {
    return graph.tensor(tensor).shape().size();
  }

  private void touch(int tensor, int step) {
    int root = find(tensor);
    first[root] = Math.min(first[root], step);
    lastUse[root] = Math.max(lastUse[root], step);
  }

  private int find(int t) {
    while (parent[t] != t) {
      parent[t] = parent[parent[t]];
      t = parent[t];
    }
    return t;
  }
}
