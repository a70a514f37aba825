package dev.tinyforge.plan;

import java.util.List;

/**
 * One region of the arena: the tensors it holds (several when an op only reinterprets its input,
 * like reshape, or writes its output over its dying input, like an in-place activation), its size,
 * and its lifetime as the inclusive range of steps that read or write it. A buffer that holds no
 * graph tensor is a working region: a patch buffer of a patch-based stage, or a kernel's scratch;
 * its {@code label} says which.
 */
public record Buffer(int id, List<Integer> tensors, int size, int firstStep, int lastStep,
    String label) {
  public Buffer {
    tensors = List.copyOf(tensors);
  }

  /** A buffer of graph tensors. */
  public Buffer(int id, List<Integer> tensors, int size, int firstStep, int lastStep) {
    this(id, tensors, size, firstStep, lastStep, "");
  }

  public boolean isLiveAt(int step) {
    return firstStep <= step && step <= lastStep;
  }

  public boolean livesWith(Buffer other) {
    return firstStep <= other.lastStep && other.firstStep <= lastStep;
  }

  /** Whether this is a working region (patch buffer or scratch) rather than graph tensors. */
  public boolean isWorking() {
    return tensors.isEmpty();
  }
}
