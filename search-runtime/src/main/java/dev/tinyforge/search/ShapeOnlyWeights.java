package dev.tinyforge.search;

import dev.tinyforge.build.LayerParams;
import dev.tinyforge.build.LayerRequest;
import dev.tinyforge.build.WeightSource;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.QuantParams;
import dev.tinyforge.graph.Weights;

/**
 * Placeholder constants for graphs that are only measured, never lowered: every layer shares
 * one empty weight array, so building a candidate allocates nothing per weight. Shapes, ops and
 * lifetimes are exactly those of the real graph; sizes of constants come from the shapes
 * ({@link CandidateCost}). Lowering such a graph would be wrong, and {@link CandidateCost}
 * never does. Stateless, so one instance serves every thread.
 */
public final class ShapeOnlyWeights implements WeightSource {
  public static final ShapeOnlyWeights INSTANCE = new ShapeOnlyWeights();

  private static final QuantParams QUANT = new QuantParams(1f, 0);
  private static final LayerParams PLACEHOLDER =
      new LayerParams(new Weights(new byte[0], new float[] {1f}), new int[0], QUANT);
  private static final LayerParams NO_WEIGHTS = new LayerParams(null, null, QUANT);

  private ShapeOnlyWeights() {}

  @Override
  public LayerParams params(LayerRequest request, Problems problems) {
    return request.hasWeights() ? PLACEHOLDER : NO_WEIGHTS;
  }
}
