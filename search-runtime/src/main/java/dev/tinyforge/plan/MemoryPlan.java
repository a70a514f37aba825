package dev.tinyforge.plan;

import java.util.List;

/**
 * Where every buffer lives in the one static arena. Construction proves the plan: no two buffers
 * that are live at the same step may share a byte (TF Lite Micro's DoAnyBuffersOverlap, run on
 * every plan rather than in debug builds only). Working buffers (patch tiles, scratch) are
 * buffers like any other and are checked the same way; an in-place op is one buffer holding its
 * input and output tensors, so it needs no exception to the rule.
 *
 * @param bufferOfTensor each graph tensor's buffer, or -1 for a tensor that is never materialized
 *     (an intermediate of a patch-based stage)
 */
public record MemoryPlan(List<Buffer> buffers, int[] offsets, int arenaBytes, int[] bufferOfTensor,
    Decisions decisions) {
  public MemoryPlan {
    buffers = List.copyOf(buffers);
    verify(buffers, offsets, arenaBytes, bufferOfTensor);
  }

  public MemoryPlan(List<Buffer> buffers, int[] offsets, int arenaBytes, int[] bufferOfTensor) {
    this(buffers, offsets, arenaBytes, bufferOfTensor, Decisions.NONE);
  }

  /** Whether the tensor has bytes in the arena (intermediates of a patched stage do not). */
  public boolean isMaterialized(int tensor) {
    return bufferOfTensor[tensor] >= 0;
  }

  public int offsetOfTensor(int tensor) {
    if (!isMaterialized(tensor)) {
      throw new IllegalArgumentException("tensor " + tensor
          + " is an intermediate of the patch-based stage and is never materialized");
    }
    return offsets[bufferOfTensor[tensor]];
  }

  public int offsetOfBuffer(int buffer) {
    return offsets[buffer];
  }

  /** Bytes of all buffers live at {@code step}. */
  public int bytesLiveAt(int step) {
    int sum = 0;
    for (Buffer buffer : buffers) {
      if (buffer.isLiveAt(step)) {
        sum += buffer.size();
      }
    }
    return sum;
  }

  private static void verify(List<Buffer> buffers, int[] offsets, int arenaBytes,
      int[] bufferOfTensor) {
    for (int i = 0; i < buffers.size(); i++) {
      Buffer a = buffers.get(i);
      if (a.id() != i) {
        throw new IllegalStateException("buffer " + i + " has id " + a.id());
      }
      if (offsets[i] < 0 || offsets[i] + a.size() > arenaBytes) {
        throw new IllegalStateException("buffer " + i + " lies outside the arena");
      }
      if (offsets[i] % GreedyPlanner.ALIGNMENT != 0) {
        throw new IllegalStateException("buffer " + i + " is not aligned");
      }
      for (int j = i + 1; j < buffers.size(); j++) {
        Buffer b = buffers.get(j);
        boolean sharesBytes = offsets[i] < offsets[j] + b.size() && offsets[j] < offsets[i] + a.size();
        if (a.livesWith(b) && sharesBytes) {
          throw new IllegalStateException("memory plan is wrong: buffers " + i + " and " + j
              + " are live together and overlap");
        }
      }
    }
    for (int t = 0; t < bufferOfTensor.length; t++) {
      int b = bufferOfTensor[t];
      if (b >= buffers.size() || (b >= 0 && !buffers.get(b).tensors().contains(t))) {
        throw new IllegalStateException("tensor " + t + " is not in its buffer " + b);
      }
    }
  }
}
