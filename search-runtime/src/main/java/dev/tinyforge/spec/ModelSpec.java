package dev.tinyforge.spec;

import java.util.List;

/**
 * A declared model: its C name, input shape ({h, w, c} or {features}) and quantization, and its
 * layers in execution order.
 */
public record ModelSpec(
    String name, int[] inputShape, float inputScale, int inputZeroPoint, List<LayerSpec> layers) {
  public ModelSpec {
    layers = List.copyOf(layers);
  }
}
