package dev.tinyforge.engine;

import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.Tensor;
import dev.tinyforge.kernels.Add;
import dev.tinyforge.kernels.AvgPool;
import dev.tinyforge.kernels.Conv2d;
import dev.tinyforge.kernels.CopyBlock;
import dev.tinyforge.kernels.FullyConnectedPartial;
import dev.tinyforge.kernels.DepthwiseConv2d;
import dev.tinyforge.kernels.DepthwiseConv2dInPlace;
import dev.tinyforge.kernels.FullyConnected;
import dev.tinyforge.kernels.Concatenation;
import dev.tinyforge.kernels.HardSwish;
import dev.tinyforge.kernels.Logistic;
import dev.tinyforge.kernels.MaxPool;
import dev.tinyforge.kernels.Mean;
import dev.tinyforge.kernels.Mul;
import dev.tinyforge.kernels.Pad;
import dev.tinyforge.kernels.Quantize;
import dev.tinyforge.kernels.Relu;
import dev.tinyforge.kernels.ActivationRange;
import dev.tinyforge.kernels.Softmax;
import dev.tinyforge.kernels.Tanh;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an {@link Engine} directly: its steps, in order, with the Java kernels on one byte[] arena
 * of {@link Engine#arenaBytes()}, exactly as the generated Java mirror does (MirrorWriter turns
 * the same steps into the same calls). Between ops a listener may read any tensor from the
 * arena, which is how intermediate tensors are compared with TF Lite Micro's.
 *
 * <p>Like the mirror, the arena is kept across inferences and never cleared.
 */
public final class EngineInterpreter {
  /** Called after each op of the graph, once its output is in the arena. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param opIndex the op's index in {@code engine.graph().ops()}
     * @param step the kernel call it ran, or null for a reshape (which runs nothing); for the ops
     *     of a patch-based stage, the stage (listeners read only materialized tensors)
     */
    void afterOp(int opIndex, Op op, Step step, EngineInterpreter interpreter);
  }

  private final Engine engine;
  private final byte[] arena;

  public EngineInterpreter(Engine engine) {
    this.engine = engine;
    this.arena = new byte[engine.arenaBytes()];
  }

  public Engine engine() {
    return engine;
  }

  /** One inference: {@link Engine#inputBytes()} in, {@link Engine#outputBytes()} out. */
  public byte[] invoke(byte[] input) {
    return invoke(input, null);
  }

  public byte[] invoke(byte[] input, Listener listener) {
    if (input.length != engine.inputBytes()) {
      throw new IllegalArgumentException(
          "the input has " + input.length + " bytes, not " + engine.inputBytes());
    }
    System.arraycopy(input, 0, arena, engine.inputOffset(), input.length);
    List<Op> ops = engine.graph().ops();
    List<Step> steps = engine.steps();
    int next = 0;
    Step.PatchStage stage = null;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      Step step = null;
      if (stage != null && i <= stage.lastOp()) {
        // An op of the patch-based stage, which already ran: its output is not materialized
        // unless it is the stage's last (see MemoryPlan#isMaterialized).
        step = stage;
      } else if (next < steps.size() && steps.get(next) instanceof Step.PatchStage patched
          && patched.firstOp() == i) {
        stage = patched;
        step = stage;
        next++;
        run(stage, arena);
      } else if (!(op instanceof Op.Reshape)) {
        // Lowering adds exactly one step per op that is not a reshape, in op order.
        step = steps.get(next++);
        if (!step.layer().equals(op.name())) {
          throw new IllegalStateException(
              "step " + (next - 1) + " computes '" + step.layer() + "', not op '" + op.name()
                  + "'");
        }
        run(step, arena);
      }
      if (listener != null) {
        listener.afterOp(i, op, step, this);
      }
    }
    if (next != steps.size()) {
      throw new IllegalStateException(steps.size() - next + " steps belong to no op");
    }
    return Arrays.copyOfRange(arena, engine.outputOffset(),
        engine.outputOffset() + engine.outputBytes());
  }

  /**
   * The current bytes of graph tensor {@code tensorId}, at its planned place in the arena. The
   * intermediates of a patch-based stage have no place: check {@code
   * engine.plan().isMaterialized(tensorId)} first.
   */
  public byte[] tensor(int tensorId) {
    Tensor tensor = engine.graph().tensor(tensorId);
    int offset = engine.plan().offsetOfTensor(tensorId);
    return Arrays.copyOfRange(arena, offset, offset + tensor.shape().size());
  }

  /** The arena itself (not a copy). */
  public byte[] arena() {
    return arena;
  }

  /** One kernel call on {@code arena}, the same call MirrorWriter writes for {@code step}. */
  public static void run(Step step, byte[] arena) {
    if (step instanceof Step.Conv conv) {
      Conv2d.run(arena, conv.in(), conv.inDims(), conv.filter(), conv.bias(), arena, conv.out(),
          conv.outDims(), conv.window(), conv.requant());
    } else if (step instanceof Step.Depthwise dw) {
      DepthwiseConv2d.run(arena, dw.in(), dw.inDims(), dw.filter(), dw.bias(), arena, dw.out(),
          dw.outDims(), dw.depthMultiplier(), dw.window(), dw.requant());
    } else if (step instanceof Step.DepthwiseInPlace dw) {
      DepthwiseConv2dInPlace.run(arena, dw.at(), dw.inDims(), dw.filter(), dw.bias(),
          dw.outDims(), dw.window(), dw.requant());
    } else if (step instanceof Step.FullyConnected fc) {
      FullyConnected.run(arena, fc.in(), fc.inDepth(), fc.weights(), fc.bias(), arena, fc.out(),
          fc.outDepth(), fc.requant());
    } else if (step instanceof Step.Pool pool) {
      if (pool.max()) {
        MaxPool.run(arena, pool.in(), pool.inDims(), arena, pool.out(), pool.outDims(),
            pool.window(), pool.actMin(), pool.actMax());
      } else {
        AvgPool.run(arena, pool.in(), pool.inDims(), arena, pool.out(), pool.outDims(),
            pool.window(), pool.actMin(), pool.actMax());
      }
    } else if (step instanceof Step.Add add) {
      Add.run(arena, add.in1(), arena, add.in2(), arena, add.out(), add.size(), add.params());
    } else if (step instanceof Step.Softmax softmax) {
      Softmax.run(arena, softmax.in(), arena, softmax.out(), softmax.rows(), softmax.depth(),
          softmax.params());
    } else if (step instanceof Step.AddConstant add) {
      byte[] constant = add.constant();
      for (int r = 0; r < add.rows(); r++) {
        int at = r * add.depth();
        Add.run(arena, add.in() + at, constant, 0, arena, add.out() + at, add.depth(),
            add.params());
      }
    } else if (step instanceof Step.Mul mul) {
      Mul.run(arena, mul.in1(), arena, mul.in2(), arena, mul.out(), mul.size(), mul.params());
    } else if (step instanceof Step.MulConstant mul) {
      Mul.runBroadcast(arena, mul.in(), mul.constant(), 0, arena, mul.out(), mul.rows(),
          mul.depth(), mul.params());
    } else if (step instanceof Step.Pad pad) {
      Pad.run(arena, pad.in(), pad.inShape(), pad.before(), pad.after(), pad.padValue(), arena,
          pad.out());
    } else if (step instanceof Step.Concatenation concat) {
      byte[][] ins = new byte[concat.ins().length][];
      Arrays.fill(ins, arena);
      Concatenation.run(ins, concat.ins(), concat.chunks(), concat.rows(), arena, concat.out());
    } else if (step instanceof Step.Mean mean) {
      Mean.runHw(arena, mean.in(), mean.inDims(), arena, mean.out(), mean.params());
    } else if (step instanceof Step.Logistic logistic) {
      Logistic.run(arena, logistic.in(), arena, logistic.out(), logistic.size(),
          logistic.params());
    } else if (step instanceof Step.Tanh tanh) {
      Tanh.run(arena, tanh.in(), arena, tanh.out(), tanh.size(), tanh.params());
    } else if (step instanceof Step.HardSwish hs) {
      HardSwish.run(arena, hs.in(), arena, hs.out(), hs.size(), hs.params());
    } else if (step instanceof Step.Relu relu) {
      Relu.run(arena, relu.in(), arena, relu.out(), relu.size(), relu.params());
    } else if (step instanceof Step.Relu6 relu6) {
      Relu.run6(arena, relu6.in(), arena, relu6.out(), relu6.size(),
          new ActivationRange(relu6.lower(), relu6.upper()));
    } else if (step instanceof Step.Requantize rq) {
      Quantize.requantize(arena, rq.in(), arena, rq.out(), rq.size(), rq.params());
    } else if (step instanceof Step.CopyBlock copy) {
      CopyBlock.run(arena, copy.src(), copy.srcStride(), arena, copy.dst(), copy.dstStride(),
          copy.rows(), copy.rowBytes());
    } else if (step instanceof Step.FullyConnectedPartial fc) {
      FullyConnectedPartial.run(arena, fc.in(), fc.columns(), fc.firstColumn(), fc.inDepth(),
          fc.weights(), fc.bias(), arena, fc.acc(), arena, fc.out(), fc.outDepth(), fc.first(),
          fc.last(), fc.requant());
    } else if (step instanceof Step.PatchStage stage) {
      for (List<Step> patch : stage.patches()) {
        for (Step call : patch) {
          run(call, arena);
        }
      }
    } else {
      throw new IllegalArgumentException("unknown step " + step);
    }
  }
}
