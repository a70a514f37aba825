package dev.tinyforge.engine;

import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.kernels.Requant;
import dev.tinyforge.kernels.Window;
import java.util.List;
import java.util.Optional;

/**
 * The specialized c-runtime kernels ({@code tforge_fast.h}) and the rule that picks one for a
 * kernel call from its layer's geometry. The C engine calls them; the Java mirror keeps the
 * reference kernels, which is exact because the fast kernels only reorder integer sums (the
 * c-runtime's unit tests and the firmware parity tests prove it). A call no rule matches keeps its
 * reference kernel.
 *
 * <p>The choice depends only on what every call of a layer shares (window, channels,
 * requantization), never on a patch's tile shape or padding, so all the patches of a patch-based
 * stage call one kernel with one set of constants.
 *
 * <p>Every fast kernel starts from a folded bias, {@code bias + inputOffset * sum(weights)} per
 * output channel, computed here at compile time, so the inner loops multiply raw int8 values.
 */
public enum FastKernel {
  /** Pointwise convolution: 1x1 window, stride 1, no padding. */
  CONV2D_1X1("tforge_conv2d_1x1_s8", "src/conv/tforge_conv2d_1x1_s8.c", 1900),
  /** Any other convolution, and depthwise on one input channel (a convolution in disguise). */
  CONV2D_IM2COL("tforge_conv2d_im2col_s8", "src/conv/tforge_conv2d_im2col_s8.c", 2300),
  /** Depthwise 3x3, depth multiplier 1, no dilation, any stride and padding. */
  DEPTHWISE_CONV2D_3X3("tforge_depthwise_conv2d_3x3_s8",
      "src/conv/tforge_depthwise_conv2d_3x3_s8.c", 1300),
  FULLY_CONNECTED("tforge_fully_connected_fast_s8",
      "src/fully_connected/tforge_fully_connected_fast_s8.c", 750);

  /** Largest im2col scratch worth taking from SRAM; wider windows keep the reference kernel. */
  static final int MAX_IM2COL_BYTES = 4096;

  private static final List<String> HEADERS =
      List.of("include/tforge_fast.h", "include/tforge_gemm_s8.h");

  private final String function;
  private final String source;
  private final int codeBytes;

  FastKernel(String function, String source, int codeBytes) {
    this.function = function;
    this.source = source;
    this.codeBytes = codeBytes;
  }

  /** The C function name. */
  public String function() {
    return function;
  }

  /** Paths inside the c-runtime, as {@link Kernel#files()}. */
  public List<String> files() {
    return List.of(source, HEADERS.get(0), HEADERS.get(1));
  }

  /**
   * Thumb-2 .text of the kernel with its DSP path (arm-none-eabi-gcc 12 -O2 -mcpu=cortex-m7,
   * measured with arm-none-eabi-size), rounded up to 50, for the flash estimate.
   */
  int codeBytes() {
    return codeBytes;
  }

  /** The fast kernel for {@code call}, or empty when the reference kernel must run it. */
  public static Optional<FastKernel> select(Step call) {
    if (call instanceof Step.Conv conv && fastRequant(conv.requant())) {
      return forConv(conv.window(), conv.inDims().c());
    } else if (call instanceof Step.Depthwise dw && fastRequant(dw.requant())) {
      return forDepthwise(dw.window(), dw.inDims().c(), dw.depthMultiplier());
    } else if (call instanceof Step.FullyConnected fc && fastRequant(fc.requant())) {
      return Optional.of(FULLY_CONNECTED);
    }
    return Optional.empty();
  }

  /**
   * The fast kernel the C engine will run {@code op} with, from its shapes alone (the
   * architecture search's cost model): as {@link #select}, assuming the requantization is in the
   * fast kernels' domain, as TF Lite's Q31 multipliers are.
   */
  public static Optional<FastKernel> forOp(Op op, Graph graph) {
    if (op instanceof Op.Conv2d conv) {
      return forConv(conv.window(), graph.tensor(conv.input()).shape().c());
    } else if (op instanceof Op.DepthwiseConv2d dw) {
      return forDepthwise(dw.window(), graph.tensor(dw.input()).shape().c(),
          dw.depthMultiplier());
    } else if (op instanceof Op.FullyConnected) {
      return Optional.of(FULLY_CONNECTED);
    }
    return Optional.empty();
  }

  /** Scratch bytes the C engine's call of {@code op} needs, from its shapes alone. */
  public static int scratchBytes(Op op, Graph graph) {
    if (forOp(op, graph).orElse(null) != CONV2D_IM2COL) {
      return 0;
    }
    if (op instanceof Op.Conv2d conv) {
      return (int) im2colBytes(conv.window(), graph.tensor(conv.input()).shape().c());
    }
    return (int) im2colBytes(((Op.DepthwiseConv2d) op).window(), 1);
  }

  private static Optional<FastKernel> forConv(Window w, int inChannels) {
    if (w.kernelH() == 1 && w.kernelW() == 1 && w.strideH() == 1 && w.strideW() == 1
        && w.padTop() == 0 && w.padLeft() == 0) {
      return Optional.of(CONV2D_1X1);
    }
    if (im2colBytes(w, inChannels) <= MAX_IM2COL_BYTES) {
      return Optional.of(CONV2D_IM2COL);
    }
    return Optional.empty();
  }

  private static Optional<FastKernel> forDepthwise(Window w, int inChannels, int multiplier) {
    if (inChannels == 1 && im2colBytes(w, 1) <= MAX_IM2COL_BYTES) {
      return Optional.of(CONV2D_IM2COL);
    }
    if (multiplier == 1 && w.kernelH() == 3 && w.kernelW() == 3 && w.dilationH() == 1
        && w.dilationW() == 1) {
      return Optional.of(DEPTHWISE_CONV2D_3X3);
    }
    return Optional.empty();
  }

  /**
   * Scratch bytes {@code call} needs while it runs (the im2col columns: two windows, as
   * tforge_conv2d_im2col_s8_get_buffer_size computes), 0 for every other kernel.
   */
  public static int scratchBytes(Step call) {
    if (select(call).orElse(null) != CONV2D_IM2COL) {
      return 0;
    }
    if (call instanceof Step.Conv conv) {
      return (int) im2colBytes(conv.window(), conv.inDims().c());
    }
    return (int) im2colBytes(((Step.Depthwise) call).window(), 1);
  }

  private static long im2colBytes(Window w, int depth) {
    return 2L * w.kernelH() * w.kernelW() * depth;
  }

  /** tforge_requantize_fast's domain: no INT32_MIN multiplier, shifts in [-31, 30]. */
  private static boolean fastRequant(Requant rq) {
    for (int m : rq.multiplier()) {
      if (m == Integer.MIN_VALUE) {
        return false;
      }
    }
    for (int s : rq.shift()) {
      if (s < -31 || s > 30) {
        return false;
      }
    }
    return true;
  }

  /**
   * The weights in the layout this kernel reads. A depthwise filter on one input channel,
   * [kh][kw][out], becomes the convolution filter [out][kh][kw][1]; every other kernel reads the
   * layer's weights as they are.
   */
  public byte[] weights(Step call) {
    if (call instanceof Step.Conv conv) {
      return conv.filter();
    } else if (call instanceof Step.FullyConnected fc) {
      return fc.weights();
    } else if (call instanceof Step.Depthwise dw) {
      if (this == DEPTHWISE_CONV2D_3X3) {
        return dw.filter();
      }
      return channelsFirst(dw.filter(), dw.outDims().c());
    }
    throw new IllegalArgumentException(this + " does not run " + call);
  }

  /**
   * bias[c] + inputOffset * (sum of channel c's weights), wrapping like the C uint32_t sums; the
   * weights as {@link #weights} lays them out.
   */
  public int[] foldedBias(Step call) {
    byte[] weights = weights(call);
    Requant rq = requant(call);
    int[] bias = bias(call);
    int channels = rq.multiplier().length;
    boolean channelsLast = this == DEPTHWISE_CONV2D_3X3;
    int perChannel = weights.length / channels;
    int[] folded = new int[channels];
    for (int c = 0; c < channels; c++) {
      int sum = 0;
      for (int i = 0; i < perChannel; i++) {
        sum += weights[channelsLast ? i * channels + c : c * perChannel + i];
      }
      folded[c] = (bias == null ? 0 : bias[c]) + rq.inputOffset() * sum;
    }
    return folded;
  }

  /** The requantization of a call this kernel runs. */
  public static Requant requant(Step call) {
    if (call instanceof Step.Conv conv) {
      return conv.requant();
    } else if (call instanceof Step.Depthwise dw) {
      return dw.requant();
    } else if (call instanceof Step.FullyConnected fc) {
      return fc.requant();
    }
    throw new IllegalArgumentException("no requantization in " + call);
  }

  private static int[] bias(Step call) {
    if (call instanceof Step.Conv conv) {
      return conv.bias();
    } else if (call instanceof Step.Depthwise dw) {
      return dw.bias();
    }
    return ((Step.FullyConnected) call).bias();
  }

  /** [taps][channels] to [channels][taps]. */
  private static byte[] channelsFirst(byte[] filter, int channels) {
    int taps = filter.length / channels;
    byte[] transposed = new byte[filter.length];
    for (int c = 0; c < channels; c++) {
      for (int t = 0; t < taps; t++) {
        transposed[c * taps + t] = filter[t * channels + c];
      }
    }
    return transposed;
  }
}
