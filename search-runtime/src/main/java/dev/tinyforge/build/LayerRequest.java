package dev.tinyforge.build;

import dev.tinyforge.graph.QuantParams;
import dev.tinyforge.graph.Shape;
import dev.tinyforge.kernels.Activation;

/**
 * What the graph builder asks of a weight source for one layer: the layer's name and kind, its
 * shapes, and the sizes its constants must have ({@code weightCount} int8 values with
 * {@code channels} scales, {@code channels} int32 biases; 0 for layers without weights).
 */
public record LayerRequest(
    int index,
    String name,
    String kind,
    Shape input,
    QuantParams inputQuant,
    Shape output,
    int fanIn,
    int weightCount,
    int channels,
    Activation activation) {
  public boolean hasWeights() {
    return weightCount > 0;
  }
}
