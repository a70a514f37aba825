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

  /** ADD of a computed tensor and a constant that broadcasts over it. */
  record AddConstant(String name, int input, Constant constant, int output,
      Activation activation) implements Op {
    public String kind() {
      return "add";
    }

    public List<Integer> inputs() {
      return List.of(input);
    }
  }

  /** Element-wise product of two computed tensors of one shape. */
  record Mul(String name, int input1, int input2, int output, Activation activation)
      implements Op {
    public String kind() {
      return "mul";
    }

    public List<Integer> inputs() {
      return List.of(input1, input2);
    }
  }

  /** Product of a computed tensor and a constant that broadcasts over it. */
  record MulConstant(String name, int input, Constant constant, int output,
      Activation activation) implements Op {
    public String kind() {
      return "mul";
    }

    public List<Integer> inputs() {
      return List.of(input);
    }
  }

  /**
   * PAD / PADV2 on the 4-D view (N, H, W, C) of the input: {@code before} and {@code after} have
   * four entries; the new elements get {@code padValue} (an int8 code of the output). Same
   * quantization in and out.
   */
  record Pad(String name, int input, int output, int[] before, int[] after, byte padValue)
      implements Op {
    public Pad {
      before = before.clone();
      after = after.clone();
    }

    @Override
    public int[] before() {
      return before.clone();
    }

    @Override
    public int[] after() {
      return after.clone();
    }

    public String kind() {
      return "pad";
    }

    public List<Integer> inputs() {
      return List.of(input);
    }
  }

  /**
   * Joins computed tensors of one quantization along {@code axis} of their 4-D view (0 = N,
   * 1 = H, 2 = W, 3 = C); no requantization.
   */
  record Concatenation(String name, List<Integer> parts, int output, int axis) implements Op {
    public Concatenation {
      parts = List.copyOf(parts);
    }

    public String kind() {
      return "concatenation";
    }

    public List<Integer> inputs() {
      return parts;
    }
  }

  /** MEAN over height and width (global average pooling), requantizing to the output. */
  record Mean(String name, int input, int output) implements Op {
    public String kind() {
      return "mean";
    }

    public List<Integer> inputs() {
      return List.of(input);
    }
  }

  /** The standalone element-wise functions, each with TF Lite Micro's int8 recipe. */
  enum Function {
    RELU("relu"),
    RELU6("relu6"),
    LOGISTIC("logistic"),
    TANH("tanh"),
    HARD_SWISH("hard_swish");

    private final String kind;

    Function(String kind) {
      this.kind = kind;
    }

    public String kind() {
      return kind;
    }
  }

  /** A standalone element-wise function of one computed tensor (same shape out). */
  record Elementwise(String name, Function function, int input, int output) implements Op {
    public String kind() {
      return function.kind();
    }

    public List<Integer> inputs() {
      return List.of(input);
    }
  }

  /** int8 to int8 QUANTIZE: the same values on another scale and zero point. */
  record Quantize(String name, int input, int output) implements Op {
    public String kind() {
      return "quantize";
    }

    public List<Integer> inputs() {
      return List.of(input);
    }
  }
}
