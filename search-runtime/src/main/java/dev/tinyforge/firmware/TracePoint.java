package dev.tinyforge.firmware;

/**
 * A region of the model's arena to print while it runs: {@code bytes} bytes from {@code offset},
 * right after layer {@code afterLayer} of the inference of input {@code input}. The generated
 * engine calls {@code TFORGE_AFTER_LAYER(index)} after each layer's kernel (index = the layer's
 * position in the engine's layer list; reshapes run nothing and are never announced), so a
 * point names a layer that runs a kernel.
 *
 * @param input the index of the input, in the order given to {@link ModelRunner#run}
 * @param afterLayer the layer index the engine passes to {@code TFORGE_AFTER_LAYER}
 * @param offset the region's first byte, counted from the arena's first byte
 * @param bytes the region's length, at least 1
 */
public record TracePoint(int input, int afterLayer, int offset, int bytes) {
  public TracePoint {
    if (input < 0 || afterLayer < 0 || offset < 0) {
      throw new IllegalArgumentException(
          "input, layer and offset must not be negative: " + describe(input, afterLayer, offset));
    }
    if (bytes <= 0) {
      throw new IllegalArgumentException("a traced region needs at least one byte: " + bytes);
    }
  }

  /** For messages: {@code input 1, after layer 3, arena[16..32)}. */
  @Override
  public String toString() {
    return describe(input, afterLayer, offset) + ".." + (offset + bytes) + ")";
  }

  private static String describe(int input, int afterLayer, int offset) {
    return "input " + input + ", after layer " + afterLayer + ", arena[" + offset;
  }
}
