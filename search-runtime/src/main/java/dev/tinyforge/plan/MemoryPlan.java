package dev.tinyforge.plan;

import java.util.List;

/**
 * Where every buffer lives in the one static arena. Construction proves the plan: no two buffers
 * that are live at the same step may share a byte (TF Lite Micro's DoAnyBuffersOverlap, run on
 * every plan rather than in debug builds only).
 */
public record MemoryPlan(List<Buffer> buffers, int[] offsets, int arenaBytes, int[] bufferOfTensor) {
  public MemoryPlan {
    buffers = List.copyOf(buffers);
    verify(buffers, offsets, arenaBytes);
  }

  public int offsetOfTensor(int tensor) {
    return offsets[bufferOfTensor[tensor]];
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

  private static void verify(List<Buffer> buffers, int[] offsets, int arenaBytes) {
    for (int i = 0; i < buffers.size(); i++) {
      Buffer a = buffers.get(i);
      if (offsets[i] < 0 || offsets[i] + a.size() > arenaBytes) {
        throw new IllegalStateException("buffer " + i + " lies outside the arena");
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
  }
}
