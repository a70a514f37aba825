package dev.tinyforge.spec;

import dev.tinyforge.annotations.Padding;
import dev.tinyforge.kernels.Activation;

/**
 * One layer as a user (or the architecture search) declares it, before shapes are known. The
 * graph builder turns a list of these into the graph IR.
 */
public sealed interface LayerSpec {
  String name();

  /** The op's name as users know it, for messages and reports. */
  String kind();

  record Conv2d(String name, int filters, int kernel, int stride, Padding padding,
      Activation activation) implements LayerSpec {
    public String kind() {
      return "conv2d";
    }
  }

  record DepthwiseConv2d(String name, int kernel, int stride, int depthMultiplier,
      Padding padding, Activation activation) implements LayerSpec {
    public String kind() {
      return "depthwise_conv2d";
    }
  }

  record Dense(String name, int units, Activation activation) implements LayerSpec {
    public String kind() {
      return "dense";
    }
  }

  record Pool2d(String name, boolean max, int pool, int stride, Padding padding)
      implements LayerSpec {
    public String kind() {
      return max ? "max_pool2d" : "avg_pool2d";
    }
  }

  record GlobalAvgPool(String name) implements LayerSpec {
    public String kind() {
      return "global_avg_pool";
    }
  }

  /** Adds the previous layer's output and the output of layer {@code with} ("input" = model input). */
  record Add(String name, String with, Activation activation) implements LayerSpec {
    public String kind() {
      return "add";
    }
  }

  /** A new shape of the same size; {@code shape} is {h, w, c} or {features}; empty = flatten. */
  record Reshape(String name, int[] shape) implements LayerSpec {
    public String kind() {
      return shape.length == 0 ? "flatten" : "reshape";
    }
  }

  record Softmax(String name) implements LayerSpec {
    public String kind() {
      return "softmax";
    }
  }
}
