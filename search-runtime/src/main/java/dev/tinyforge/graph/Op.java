package dev.tinyforge.graph;

import dev.tinyforge.kernels.Activation;
import dev.tinyforge.kernels.Window;
import java.util.List;

/**
 * One operation of the graph IR. Operands are tensor ids of {@link Graph#tensors()}; constants
 * (weights, biases) are held by the op. Shapes and padding are resolved: nothing is left to
 * decide at run time.
 */
public sealed interface Op {
  String name();

  /** The op's name as users know it ("conv2d", "dense", ...). */
  String kind();

  List<Integer> inputs();

  int output();

  record Conv2d(String name, int input, int output, Weights filter, int[] bias, Window window,
      Activation activation) implements Op {
    public String kind() {
      return "conv2d";
    }

    public List<Integer> inputs() {
      return List.of(input);
    }
  }

  record DepthwiseConv2d(String name, int input, int output, Weights filter, int[] bias,
      int depthMultiplier, Window window, Activation activation) implements Op {
    public String kind() {
      return "depthwise_conv2d";
    }

    public List<Integer> inputs() {
      return List.of(input);
    }
  }

  record FullyConnected(String name, int input, int output, Weights weights, int[] bias,
      Activation activation) implements Op {
    public String kind() {
      return "dense";
    }

    public List<Integer> inputs() {
      return List.of(input);
    }
  }

  /** Average or max pooling; same quantization in and out. */
  record Pool2d(String name, String kind, boolean max, int input, int output, Window window,
      Activation activation) implements Op {
    public List<Integer> inputs() {
      return List.of(input);
    }
  }

  record Add(String name, int input1, int input2, int output, Activation activation)
      implements Op {
    public String kind() {
      return "add";
    }

    public List<Integer> inputs() {
      return List.of(input1, input2);
    }
  }

  /** Same bytes, another shape: the output shares the input's buffer. */
  record Reshape(String name, String kind, int input, int output) implements Op {
    public List<Integer> inputs() {
      return List.of(input);
    }
  }

  record Softmax(String name, int input, int output, float beta) implements Op {
    public String kind() {
      return "softmax";
    }

    public List<Integer> inputs() {
      return List.of(input);
    }
  }
}
