package dev.tinyforge.plan;

import java.util.List;

/**
 * One region of the arena: the tensors it holds (several when an op only reinterprets its input,
 * like reshape), its size, and its lifetime as the inclusive range of steps that read or write it.
 */
public record Buffer(int id, List<Integer> tensors, int size, int firstStep, int lastStep) {
  public Buffer {
    tensors = List.copyOf(tensors);
  }

  public boolean isLiveAt(int step) {
    return firstStep <= step && step <= lastStep;
  }

  public boolean livesWith(Buffer other) {
    return firstStep <= other.lastStep && other.firstStep <= lastStep;
  }
}
