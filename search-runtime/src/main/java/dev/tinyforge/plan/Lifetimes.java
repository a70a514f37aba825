package dev.tinyforge.plan;

import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups a graph's tensors into buffers and finds when each is live. A reshape's output is its
 * input's bytes, so both tensors form one buffer. The model input is live from the first step,
 * the output until the last, so the caller can write one and read the other around a run.
 */
public final class Lifetimes {
  private Lifetimes() {}

  public static List<Buffer> of(Graph graph, int[] bufferOfTensor) {
    int tensorCount = graph.tensors().size();
    for (int t = 0; t < tensorCount; t++) {
      bufferOfTensor[t] = t;
    }
    for (Op op : graph.ops()) {
      if (op instanceof Op.Reshape reshape) {
        bufferOfTensor[reshape.output()] = bufferOfTensor[reshape.input()];
      }
    }
    int last = Math.max(graph.ops().size() - 1, 0);
    int[] first = new int[tensorCount];
    int[] lastUse = new int[tensorCount];
    java.util.Arrays.fill(first, Integer.MAX_VALUE);
    java.util.Arrays.fill(lastUse, -1);
    touch(first, lastUse, bufferOfTensor[graph.input()], 0);
    touch(first, lastUse, bufferOfTensor[graph.output()], last);
    for (int step = 0; step < graph.ops().size(); step++) {
      Op op = graph.ops().get(step);
      for (int input : op.inputs()) {
        touch(first, lastUse, bufferOfTensor[input], step);
      }
      touch(first, lastUse, bufferOfTensor[op.output()], step);
    }
    List<Buffer> buffers = new ArrayList<>();
    int[] renumber = new int[tensorCount];
    for (int root = 0; root < tensorCount; root++) {
      if (bufferOfTensor[root] != root) {
        continue;
      }
      List<Integer> members = new ArrayList<>();
      for (int t = 0; t < tensorCount; t++) {
        if (bufferOfTensor[t] == root) {
          members.add(t);
        }
      }
      renumber[root] = buffers.size();
      int size = graph.tensor(root).shape().size();
      buffers.add(new Buffer(buffers.size(), members, size, first[root], lastUse[root]));
    }
    for (int t = 0; t < tensorCount; t++) {
      bufferOfTensor[t] = renumber[bufferOfTensor[t]];
    }
    return buffers;
  }

  private static void touch(int[] first, int[] last, int buffer, int step) {
    first[buffer] = Math.min(first[buffer], step);
    last[buffer] = Math.max(last[buffer], step);
  }
}
