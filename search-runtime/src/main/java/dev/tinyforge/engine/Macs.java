package dev.tinyforge.engine;

import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.Shape;

/** Multiply-accumulates and parameter counts per op, as the MCUNet paper counts them. */
public final class Macs {
  private Macs() {}

  public static long of(Op op, Graph graph) {
    Shape out = graph.tensor(op.output()).shape();
    long outputs = out.size();
    if (op instanceof Op.Conv2d conv) {
      Shape in = graph.tensor(conv.input()).shape();
      return outputs * conv.window().kernelH() * conv.window().kernelW() * in.c();
    } else if (op instanceof Op.DepthwiseConv2d dw) {
      return outputs * dw.window().kernelH() * dw.window().kernelW();
    } else if (op instanceof Op.FullyConnected fc) {
      return outputs * graph.tensor(fc.input()).shape().size();
    } else if (op instanceof Op.Mul || op instanceof Op.MulConstant) {
      return outputs; // one multiply per element
    }
    return 0;
  }

  /** Weights plus biases. */
  public static long params(Op op) {
    if (op instanceof Op.Conv2d conv) {
      return conv.filter().values().length + biasCount(conv.bias());
    } else if (op instanceof Op.DepthwiseConv2d dw) {
      return dw.filter().values().length + biasCount(dw.bias());
    } else if (op instanceof Op.FullyConnected fc) {
      return fc.weights().values().length + biasCount(fc.bias());
    } else if (op instanceof Op.MulConstant mul) {
      return mul.constant().size();
    } else if (op instanceof Op.AddConstant add) {
      return add.constant().size();
    }
    return 0;
  }

  private static long biasCount(int[] bias) {
    return bias == null ? 0 : bias.length;
  }
}
