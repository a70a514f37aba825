package dev.tinyforge.build;

import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.QuantParams;
import dev.tinyforge.graph.Weights;
import dev.tinyforge.kernels.Activation;
import java.util.SplittableRandom;

/**
 * Deterministic stand-in weights for a model without a weights file: uniform int8 weights, small
 * biases, and output scales chosen so that activations spread over the int8 range instead of
 * saturating. The same seed and layer give the same values on every machine.
 */
public final class SeededWeights implements WeightSource {
  /** Standard deviation of a uniform int8 value, about 255 / sqrt(12). */
  private static final double INT8_STD = 73.6;
  /** Target standard deviation of an output, in int8 steps. */
  private static final double OUTPUT_STD = 32.0;

  private final long seed;

  public SeededWeights(long seed) {
    this.seed = seed;
  }

  @Override
  public LayerParams params(LayerRequest request, Problems problems) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + request.index());
    float inScale = request.inputQuant().scale();
    if (!request.hasWeights()) {
      // Add: the sum of two inputs spans about twice the range of one.
      return new LayerParams(null, null, outputQuant(2 * inScale, request.activation()));
    }
    byte[] values = new byte[request.weightCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (byte) (random.nextInt(255) - 127);
    }
    float[] scales = new float[request.channels()];
    int[] bias = new int[request.channels()];
    for (int c = 0; c < scales.length; c++) {
      scales[c] = (float) ((0.5 + random.nextDouble()) / 127.0 / Math.sqrt(request.fanIn()));
      bias[c] = random.nextInt(2001) - 1000;
    }
    double accumulatorStd = Math.sqrt(request.fanIn()) * INT8_STD * INT8_STD;
    double meanScale = 1.0 / 127.0 / Math.sqrt(request.fanIn());
    float outScale = (float) (inScale * meanScale * accumulatorStd / OUTPUT_STD);
    return new LayerParams(new Weights(values, scales), bias,
        outputQuant(outScale, request.activation()));
  }

  private static QuantParams outputQuant(float scale, Activation activation) {
    // After a ReLU the output is non-negative: spend the whole int8 range on it.
    return new QuantParams(scale, activation == Activation.NONE ? 0 : -128);
  }
}
