package dev.tinyforge.engine;

import dev.tinyforge.kernels.AddParams;
import dev.tinyforge.kernels.Dims;
import dev.tinyforge.kernels.HardSwishParams;
import dev.tinyforge.kernels.MeanParams;
import dev.tinyforge.kernels.MulParams;
import dev.tinyforge.kernels.Quantize.RequantizeParams;
import dev.tinyforge.kernels.ReluParams;
import dev.tinyforge.kernels.Requant;
import dev.tinyforge.kernels.SigmoidParams;
import dev.tinyforge.kernels.SoftmaxParams;
import dev.tinyforge.kernels.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * One kernel call of the engine with everything decided: arena offsets, shapes, and the
 * requantization constants TF Lite Micro would compute in Prepare. The C emitter and the Java
 * mirror writer turn the same steps into code, which is why they agree to the bit.
 */
public sealed interface Step {
  /** The layer this call computes. */
  String layer();

  /** Family of the kernel, which also names the c-runtime file that implements it. */
  Kernel kernel();

  /** The kernel calls this step makes: itself, or for a patch-based stage every call inside. */
  default List<Step> calls() {
    return List.of(this);
  }

  record Conv(String layer, int in, Dims inDims, int out, Dims outDims, Window window,
      Requant requant, byte[] filter, int[] bias) implements Step {
    public Kernel kernel() {
      return Kernel.CONV2D;
    }
  }

  record Depthwise(String layer, int in, Dims inDims, int out, Dims outDims, int depthMultiplier,
      Window window, Requant requant, byte[] filter, int[] bias) implements Step {
    public Kernel kernel() {
      return Kernel.DEPTHWISE_CONV2D;
    }
  }

  /**
   * A depthwise convolution with depth multiplier 1 that writes its output over its input at
   * {@code at}, channel by channel through a one-plane scratch of {@code outDims.h() *
   * outDims.w()} bytes (the plan decided it: the input dies here and the second buffer would set
   * the arena's peak).
   */
  record DepthwiseInPlace(String layer, int at, Dims inDims, Dims outDims, Window window,
      Requant requant, byte[] filter, int[] bias) implements Step {
    public Kernel kernel() {
      return Kernel.DEPTHWISE_CONV2D_IN_PLACE;
    }

    /** The scratch the kernel needs: one output plane. */
    public int planeBytes() {
      return outDims.h() * outDims.w();
    }
  }

  record FullyConnected(String layer, int in, int inDepth, int out, int outDepth,
      Requant requant, byte[] weights, int[] bias) implements Step {
    public Kernel kernel() {
      return Kernel.FULLY_CONNECTED;
    }
  }

  record Pool(String layer, boolean max, int in, Dims inDims, int out, Dims outDims,
      Window window, int actMin, int actMax) implements Step {
    public Kernel kernel() {
      return max ? Kernel.MAX_POOL : Kernel.AVG_POOL;
    }
  }

  record Add(String layer, int in1, int in2, int out, int size, AddParams params)
      implements Step {
    public Kernel kernel() {
      return Kernel.ADD;
    }
  }

  record Softmax(String layer, int in, int out, int rows, int depth, SoftmaxParams params)
      implements Step {
    public Kernel kernel() {
      return Kernel.SOFTMAX;
    }
  }

  /**
   * ADD of a constant in flash: for each of {@code rows} rows of {@code depth} elements, one
   * element-wise add of the row and the constant's {@code depth} values.
   */
  record AddConstant(String layer, int in, byte[] constant, int out, int rows, int depth,
      AddParams params) implements Step {
    public Kernel kernel() {
      return Kernel.ADD;
    }
  }

  record Mul(String layer, int in1, int in2, int out, int size, MulParams params)
      implements Step {
    public Kernel kernel() {
      return Kernel.MUL;
    }
  }

  /** MUL by a constant in flash whose {@code depth} values repeat for each of {@code rows}. */
  record MulConstant(String layer, int in, byte[] constant, int out, int rows, int depth,
      MulParams params) implements Step {
    public Kernel kernel() {
      return Kernel.MUL_BROADCAST;
    }
  }

  /** {@code inShape}, {@code before}, {@code after}: 4 entries each (N, H, W, C). */
  record Pad(String layer, int in, int[] inShape, int[] before, int[] after, byte padValue,
      int out) implements Step {
    public Kernel kernel() {
      return Kernel.PAD;
    }
  }

  /** For each of {@code rows} outer rows, input i contributes {@code chunks[i]} bytes. */
  record Concatenation(String layer, int[] ins, int[] chunks, int rows, int out)
      implements Step {
    public Kernel kernel() {
      return Kernel.CONCATENATION;
    }
  }

  record Mean(String layer, int in, Dims inDims, int out, MeanParams params) implements Step {
    public Kernel kernel() {
      return Kernel.MEAN_HW;
    }
  }

  record Logistic(String layer, int in, int out, int size, SigmoidParams params)
      implements Step {
    public Kernel kernel() {
      return Kernel.LOGISTIC;
    }
  }

  record Tanh(String layer, int in, int out, int size, SigmoidParams params) implements Step {
    public Kernel kernel() {
      return Kernel.TANH;
    }
  }

  record HardSwish(String layer, int in, int out, int size, HardSwishParams params)
      implements Step {
    public Kernel kernel() {
      return Kernel.HARD_SWISH;
    }
  }

  record Relu(String layer, int in, int out, int size, ReluParams params) implements Step {
    public Kernel kernel() {
      return Kernel.RELU;
    }
  }

  /** RELU6 clamps the input codes to [lower, upper]; no requantization. */
  record Relu6(String layer, int in, int out, int size, int lower, int upper) implements Step {
    public Kernel kernel() {
      return Kernel.RELU6;
    }
  }

  /** int8 to int8 QUANTIZE. */
  record Requantize(String layer, int in, int out, int size, RequantizeParams params)
      implements Step {
    public Kernel kernel() {
      return Kernel.REQUANTIZE;
    }
  }

  /**
   * Rows of {@code rowBytes} bytes from one row stride to another: a patch gathered out of a full
   * feature map, or an output tile scattered into one.
   */
  record CopyBlock(String layer, int src, int srcStride, int dst, int dstStride, int rows,
      int rowBytes) implements Step {
    public Kernel kernel() {
      return Kernel.COPY_BLOCK;
    }
  }

  /**
   * One patch's share of a fully connected layer: input elements {@code [firstColumn,
   * firstColumn + columns)} (at {@code in}) into the int32 accumulators at {@code acc}; the
   * {@code last} share writes the {@code outDepth} outputs at {@code out}.
   */
  record FullyConnectedPartial(String layer, int in, int columns, int firstColumn, int inDepth,
      int acc, int out, int outDepth, boolean first, boolean last, Requant requant,
      byte[] weights, int[] bias) implements Step {
    public Kernel kernel() {
      return Kernel.FULLY_CONNECTED_PARTIAL;
    }
  }

  /**
   * Graph ops {@code firstOp..lastOp} run patch by patch (MCUNetV2): each patch a list of kernel
   * calls on tile buffers, the layers' own kernels with patch-local shapes and padding. Named for
   * its last layer, whose output is the first the stage materializes.
   */
  record PatchStage(String layer, int firstOp, int lastOp, List<List<Step>> patches)
      implements Step {
    public PatchStage {
      patches = patches.stream().map(List::copyOf).toList();
    }

    /** The kernel of the layer the stage is named for; {@link #calls()} lists every call. */
    public Kernel kernel() {
      List<Step> first = patches.get(0);
      return first.get(first.size() - 1).kernel();
    }

    @Override
    public List<Step> calls() {
      List<Step> all = new ArrayList<>();
      patches.forEach(all::addAll);
      return all;
    }
  }
}
