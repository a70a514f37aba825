package dev.tinyforge.quant;

import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.QuantParams;
import dev.tinyforge.graph.Shape;
import dev.tinyforge.weights.WeightsFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibrated post-training quantization to TinyForge's int8 contract (TF Lite's): weights
 * symmetric per output channel (scale = max |w| / 127, codes in [-127, 127]), activations
 * asymmetric per tensor from the ranges a calibration set reaches in the {@link FloatNetwork}
 * (widened to include 0, so that zero padding is exact), biases int32 with scale input scale x
 * weight scale. Pooling and reshapes keep their input's quantization and softmax has the fixed
 * 1/256, -128, as {@code GraphBuilder} builds them. The result is a weights file.
 */
public final class PostTrainingQuantizer {
  private PostTrainingQuantizer() {}

  /** Per tensor id, the smallest and largest value seen. */
  public record Ranges(float[] min, float[] max) {}

  public static Ranges calibrate(FloatNetwork network, List<float[]> inputs) {
    int tensors = network.graph().tensors().size();
    float[] min = new float[tensors];
    float[] max = new float[tensors];
    java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
    for (float[] input : inputs) {
      float[][] values = network.run(input);
      for (int t = 0; t < tensors; t++) {
        if (values[t] == null) {
          continue;
        }
        for (float v : values[t]) {
          min[t] = Math.min(min[t], v);
          max[t] = Math.max(max[t], v);
        }
      }
    }
    return new Ranges(min, max);
  }

  /** Quantizes every layer of the network with the input quantization of its graph. */
  public static WeightsFile quantize(FloatNetwork network, List<float[]> calibration) {
    if (calibration.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one input");
    }
    Graph graph = network.graph();
    Ranges ranges = calibrate(network, calibration);
    QuantParams[] quant = new QuantParams[graph.tensors().size()];
    quant[graph.input()] = graph.inputTensor().quant();
    List<WeightsFile.LayerRecord> records = new ArrayList<>();
    for (Op op : graph.ops()) {
      int out = op.output();
      if (op instanceof Op.Pool2d || op instanceof Op.Reshape) {
        quant[out] = quant[op.inputs().get(0)];
      } else if (op instanceof Op.Softmax) {
        quant[out] = QuantParams.SOFTMAX_OUTPUT;
      } else if (op instanceof Op.Add) {
        quant[out] = fromRange(ranges.min()[out], ranges.max()[out]);
        records.add(new WeightsFile.LayerRecord(op.name(), quant[out].scale(),
            quant[out].zeroPoint(), new byte[0], new float[0], new int[0]));
      } else if (FloatNetwork.hasWeights(op)) {
        quant[out] = fromRange(ranges.min()[out], ranges.max()[out]);
        QuantParams in = quant[op.inputs().get(0)];
        records.add(quantizeLayer(op, network.layer(op.name()), in, quant[out],
            graph.tensor(op.output()).shape()));
      } else {
        throw new IllegalArgumentException("cannot quantize " + op.kind() + " '" + op.name() + "'");
      }
    }
    return new WeightsFile(records);
  }

  /** The asymmetric int8 quantization of [min, max] widened to contain 0. */
  public static QuantParams fromRange(float min, float max) {
    float lo = Math.min(0f, Float.isFinite(min) ? min : 0f);
    float hi = Math.max(0f, Float.isFinite(max) ? max : 0f);
    if (hi - lo < 1e-6f) {
      hi = lo + 1e-6f;
    }
    float scale = (hi - lo) / 255f;
    long zeroPoint = Math.round(-128 - lo / scale);
    return new QuantParams(scale, (int) Math.max(-128, Math.min(127, zeroPoint)));
  }

  private static WeightsFile.LayerRecord quantizeLayer(Op op, FloatLayer layer, QuantParams in,
      QuantParams out, Shape outShape) {
    int channels = outShape.c();
    float[] w = layer.weights();
    boolean depthwise = op instanceof Op.DepthwiseConv2d;
    int perChannel = w.length / channels;
    float[] maxAbs = new float[channels];
    for (int i = 0; i < w.length; i++) {
      int c = depthwise ? i % channels : i / perChannel;
      maxAbs[c] = Math.max(maxAbs[c], Math.abs(w[i]));
    }
    float[] scales = new float[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = maxAbs[c] > 0 ? maxAbs[c] / 127f : 1f;
    }
    byte[] q = new byte[w.length];
    for (int i = 0; i < w.length; i++) {
      int c = depthwise ? i % channels : i / perChannel;
      q[i] = (byte) Math.max(-127, Math.min(127, Math.round(w[i] / scales[c])));
    }
    int[] bias = new int[channels];
    for (int c = 0; c < channels; c++) {
      double biasScale = (double) in.scale() * scales[c];
      double value = Math.rint(layer.bias()[c] / biasScale);
      bias[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
    return new WeightsFile.LayerRecord(op.name(), out.scale(), out.zeroPoint(), q, scales, bias);
  }
}
