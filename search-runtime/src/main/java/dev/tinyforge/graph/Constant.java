package dev.tinyforge.graph;

/**
 * A constant int8 operand of an element-wise op (MUL's factor, ADD's addend), with its own
 * per-tensor quantization. It broadcasts against the op's computed input by its length: 1 value
 * (a scalar), one per channel (the last axis), or one per element (the same shape).
 */
public record Constant(byte[] values, QuantParams quant) {
  public Constant {
    values = values.clone();
  }

  @Override
  public byte[] values() {
    return values.clone();
  }

  public int size() {
    return values.length;
  }

  /**
   * How the constant repeats over a computed tensor of {@code shape}: {rows, depth}, the constant
   * holding {@code depth} values used once per row; null when it does not broadcast.
   */
  public int[] broadcastOver(Shape shape) {
    if (values.length == shape.size()) {
      return new int[] {1, values.length};
    } else if (values.length == shape.c()) {
      return new int[] {shape.size() / shape.c(), shape.c()};
    } else if (values.length == 1) {
      return new int[] {shape.size(), 1};
    }
    return null;
  }
}
