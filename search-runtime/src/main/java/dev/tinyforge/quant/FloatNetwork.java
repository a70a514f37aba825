package dev.tinyforge.quant;

import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.Shape;
import dev.tinyforge.kernels.Activation;
import dev.tinyforge.kernels.Window;
import java.util.Map;

/**
 * Runs a graph in float with trained float constants: the network the int8 engine approximates.
 * The graph gives shapes, windows and padding (the same TF Lite SAME/VALID placement the int8
 * kernels use; built with any weight source), the {@link FloatLayer}s the values. Used to
 * calibrate activation ranges and to measure the float accuracy the quantization starts from.
 */
public final class FloatNetwork {
  private final Graph graph;
  private final Map<String, FloatLayer> layers;

  public FloatNetwork(Graph graph, Map<String, FloatLayer> layers) {
    this.graph = graph;
    this.layers = Map.copyOf(layers);
    for (Op op : graph.ops()) {
      if (hasWeights(op) && !layers.containsKey(op.name())) {
        throw new IllegalArgumentException("no float constants for layer '" + op.name() + "'");
      }
    }
  }

  public Graph graph() {
    return graph;
  }

  /** The float constants of a layer with weights. */
  public FloatLayer layer(String name) {
    FloatLayer layer = layers.get(name);
    if (layer == null) {
      throw new IllegalArgumentException("no float constants for layer '" + name + "'");
    }
    return layer;
  }

  static boolean hasWeights(Op op) {
    return op instanceof Op.Conv2d || op instanceof Op.DepthwiseConv2d
        || op instanceof Op.FullyConnected;
  }

  /** Every tensor's values (index = tensor id) for one input in HWC order. */
  public float[][] run(float[] input) {
    float[][] values = new float[graph.tensors().size()][];
    if (input.length != graph.inputTensor().shape().size()) {
      throw new IllegalArgumentException("the input has " + input.length + " values, not "
          + graph.inputTensor().shape().size());
    }
    values[graph.input()] = input;
    for (Op op : graph.ops()) {
      values[op.output()] = apply(op, values);
    }
    return values;
  }

  /** The output tensor's values for one input. */
  public float[] output(float[] input) {
    return run(input)[graph.output()];
  }

  private float[] apply(Op op, float[][] values) {
    Shape out = graph.tensor(op.output()).shape();
    if (op instanceof Op.Conv2d conv) {
      FloatLayer layer = layers.get(conv.name());
      return activate(conv(values[conv.input()], graph.tensor(conv.input()).shape(), out,
          conv.window(), layer), conv.activation());
    } else if (op instanceof Op.DepthwiseConv2d dw) {
      FloatLayer layer = layers.get(dw.name());
      return activate(depthwise(values[dw.input()], graph.tensor(dw.input()).shape(), out,
          dw.window(), dw.depthMultiplier(), layer), dw.activation());
    } else if (op instanceof Op.FullyConnected fc) {
      FloatLayer layer = layers.get(fc.name());
      float[] in = values[fc.input()];
      float[] result = new float[out.c()];
      for (int o = 0; o < out.c(); o++) {
        double sum = layer.bias()[o];
        for (int i = 0; i < in.length; i++) {
          sum += in[i] * layer.weights()[o * in.length + i];
        }
        result[o] = (float) sum;
      }
      return activate(result, fc.activation());
    } else if (op instanceof Op.Pool2d pool) {
      return pool(values[pool.input()], graph.tensor(pool.input()).shape(), out, pool.window(),
          pool.max());
    } else if (op instanceof Op.Add add) {
      float[] a = values[add.input1()];
      float[] b = values[add.input2()];
      float[] result = new float[a.length];
      for (int i = 0; i < a.length; i++) {
        result[i] = a[i] + b[i];
      }
      return activate(result, add.activation());
    } else if (op instanceof Op.Reshape reshape) {
      return values[reshape.input()].clone();
    } else if (op instanceof Op.Softmax softmax) {
      float[] in = values[softmax.input()];
      float max = Float.NEGATIVE_INFINITY;
      for (float v : in) {
        max = Math.max(max, v);
      }
      double sum = 0;
      float[] result = new float[in.length];
      for (int i = 0; i < in.length; i++) {
        result[i] = (float) Math.exp((in[i] - max) * softmax.beta());
        sum += result[i];
      }
      for (int i = 0; i < in.length; i++) {
        result[i] /= (float) sum;
      }
      return result;
    }
    throw new IllegalArgumentException("the float network does not run " + op.kind());
  }

  private static float[] conv(float[] in, Shape is, Shape os, Window w, FloatLayer layer) {
    float[] out = new float[os.size()];
    int kh = w.kernelH();
    int kw = w.kernelW();
    int ic = is.c();
    float[] weights = layer.weights();
    for (int oy = 0; oy < os.h(); oy++) {
      for (int ox = 0; ox < os.w(); ox++) {
        for (int o = 0; o < os.c(); o++) {
          double sum = layer.bias()[o];
          for (int ky = 0; ky < kh; ky++) {
            int iy = oy * w.strideH() - w.padTop() + ky;
            if (iy < 0 || iy >= is.h()) {
              continue;
            }
            for (int kx = 0; kx < kw; kx++) {
              int ix = ox * w.strideW() - w.padLeft() + kx;
              if (ix < 0 || ix >= is.w()) {
                continue;
              }
              int inBase = (iy * is.w() + ix) * ic;
              int wBase = ((o * kh + ky) * kw + kx) * ic;
              for (int i = 0; i < ic; i++) {
                sum += in[inBase + i] * weights[wBase + i];
              }
            }
          }
          out[(oy * os.w() + ox) * os.c() + o] = (float) sum;
        }
      }
    }
    return out;
  }

  private static float[] depthwise(float[] in, Shape is, Shape os, Window w, int multiplier,
      FloatLayer layer) {
    float[] out = new float[os.size()];
    int kh = w.kernelH();
    int kw = w.kernelW();
    int oc = os.c();
    for (int oy = 0; oy < os.h(); oy++) {
      for (int ox = 0; ox < os.w(); ox++) {
        for (int o = 0; o < oc; o++) {
          int i = o / multiplier;
          double sum = layer.bias()[o];
          for (int ky = 0; ky < kh; ky++) {
            int iy = oy * w.strideH() - w.padTop() + ky;
            if (iy < 0 || iy >= is.h()) {
              continue;
            }
            for (int kx = 0; kx < kw; kx++) {
              int ix = ox * w.strideW() - w.padLeft() + kx;
              if (ix < 0 || ix >= is.w()) {
                continue;
              }
              sum += in[(iy * is.w() + ix) * is.c() + i] * layer.weights()[(ky * kw + kx) * oc + o];
            }
          }
          out[(oy * os.w() + ox) * oc + o] = (float) sum;
        }
      }
    }
    return out;
  }

  /** Average pooling counts only the elements inside the input, as TF Lite does. */
  private static float[] pool(float[] in, Shape is, Shape os, Window w, boolean max) {
    float[] out = new float[os.size()];
    for (int oy = 0; oy < os.h(); oy++) {
      for (int ox = 0; ox < os.w(); ox++) {
        for (int c = 0; c < os.c(); c++) {
          double acc = max ? Double.NEGATIVE_INFINITY : 0;
          int count = 0;
          for (int ky = 0; ky < w.kernelH(); ky++) {
            int iy = oy * w.strideH() - w.padTop() + ky;
            if (iy < 0 || iy >= is.h()) {
              continue;
            }
            for (int kx = 0; kx < w.kernelW(); kx++) {
              int ix = ox * w.strideW() - w.padLeft() + kx;
              if (ix < 0 || ix >= is.w()) {
                continue;
              }
              float v = in[(iy * is.w() + ix) * is.c() + c];
              acc = max ? Math.max(acc, v) : acc + v;
              count++;
            }
          }
          out[(oy * os.w() + ox) * os.c() + c] = (float) (max ? acc : acc / count);
        }
      }
    }
    return out;
  }

  private static float[] activate(float[] values, Activation activation) {
    if (activation == Activation.NONE) {
      return values;
    }
    float hi = activation == Activation.RELU6 ? 6f : Float.POSITIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.min(Math.max(values[i], 0f), hi);
    }
    return values;
  }
}
