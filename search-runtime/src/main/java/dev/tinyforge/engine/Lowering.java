package dev.tinyforge.engine;

import dev.tinyforge.graph.Constant;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.QuantParams;
import dev.tinyforge.graph.Shape;
import dev.tinyforge.graph.Tensor;
import dev.tinyforge.graph.Weights;
import dev.tinyforge.kernels.Activation;
import dev.tinyforge.kernels.ActivationRange;
import dev.tinyforge.kernels.AddParams;
import dev.tinyforge.kernels.Dims;
import dev.tinyforge.kernels.HardSwishParams;
import dev.tinyforge.kernels.MeanParams;
import dev.tinyforge.kernels.MulParams;
import dev.tinyforge.kernels.Quantize.RequantizeParams;
import dev.tinyforge.kernels.Relu;
import dev.tinyforge.kernels.ReluParams;
import dev.tinyforge.kernels.Requant;
import dev.tinyforge.kernels.SigmoidParams;
import dev.tinyforge.kernels.SoftmaxParams;
import dev.tinyforge.kernels.Window;
import dev.tinyforge.plan.MemoryPlan;
import dev.tinyforge.plan.MemoryPlanner;
import dev.tinyforge.plan.PlanOptions;
import dev.tinyforge.plan.patch.PatchStage;
import dev.tinyforge.plan.patch.Tile;
import dev.tinyforge.quant.QuantizedMultiplier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * TF Lite Micro's "Prepare", done once at compile time: plans memory for the whole graph and
 * turns every op into a kernel call with its constants (Q31 multipliers, shifts, clamps).
 */
public final class Lowering {
  private final Graph graph;
  private final MemoryPlan plan;
  private final List<Step> steps = new ArrayList<>();
  private final List<LayerFacts> layers = new ArrayList<>();
  private long constantBytes;

  private Lowering(Graph graph) {
    this(graph, g -> MemoryPlanner.plan(g, PlanOptions.defaults()));
  }

  private Lowering(Graph graph, Function<Graph, MemoryPlan> planner) {
    this.graph = graph;
    this.plan = planner.apply(graph);
  }

  public static Engine lower(Graph graph, Budget budget) {
    return new Lowering(graph).lower(budget);
  }

  /** Lowers with TinyForge's planner under {@code options} (in-place ops, patch MAC bound). */
  public static Engine lower(Graph graph, Budget budget, PlanOptions options) {
    return new Lowering(graph, g -> MemoryPlanner.plan(g, options)).lower(budget);
  }

  /** Lowers with another memory planner (the benchmark's baseline: {@code NaivePlanner}). */
  public static Engine lower(Graph graph, Budget budget, Function<Graph, MemoryPlan> planner) {
    return new Lowering(graph, planner).lower(budget);
  }

  private Engine lower(Budget budget) {
    long macs = 0;
    PatchStage stage = plan.decisions().stage().orElse(null);
    for (int i = 0; i < graph.ops().size(); i++) {
      Op op = graph.ops().get(i);
      long constants;
      if (stage != null && stage.contains(i)) {
        if (i == stage.first()) {
          lowerStage(stage);
        }
        constants = stageConstants(op);
      } else {
        constants = lowerOp(op);
      }
      constantBytes += constants;
      long opMacs = Macs.of(op, graph);
      macs += opMacs;
      Tensor out = graph.tensor(op.output());
      Shape s = out.shape();
      int outputOffset = plan.isMaterialized(op.output()) ? offset(op.output()) : -1;
      layers.add(new LayerFacts(op.name(), op.kind(), new int[] {s.h(), s.w(), s.c()}, opMacs,
          Macs.params(op), constants, outputOffset, s.size(), plan.bytesLiveAt(i)));
    }
    return KernelChoice.of(new Engine(graph.name(), graph, plan, steps, layers, budget,
        offset(graph.input()), offset(graph.output()), macs, constantBytes,
        CodeSize.estimate(steps, true), true));
  }

  /**
   * The stage's kernel calls, patch by patch: for each patch, the gather of its input (unless
   * patches are whole rows, which the first layer reads in place), every layer on its tile with
   * patch-local shape and padding, then the scatter of the last tile or the fully connected
   * layer's share of it.
   */
  private void lowerStage(PatchStage stage) {
    List<Op> ops = graph.ops();
    Op firstOp = ops.get(stage.first());
    int stageIn = firstOp.inputs().get(0);
    Shape inShape = graph.tensor(stageIn).shape();
    Op lastSpatial = ops.get(stage.lastSpatial());
    Shape outShape = graph.tensor(lastSpatial.output()).shape();
    int[] tiles = plan.decisions().patchBuffers();
    List<List<Step>> patches = new ArrayList<>();
    for (int p = 0; p < stage.patches().size(); p++) {
      List<Step> calls = new ArrayList<>();
      int in;
      Tile head = stage.tile(p, stage.first());
      if (stage.wholeRows()) {
        in = offset(stageIn) + head.in().y0() * inShape.w() * inShape.c();
      } else {
        in = plan.offsetOfBuffer(plan.decisions().gatherBuffer());
        int rowBytes = head.in().cols() * inShape.c();
        calls.add(new Step.CopyBlock(firstOp.name(), offset(stageIn)
            + (head.in().y0() * inShape.w() + head.in().x0()) * inShape.c(),
            inShape.w() * inShape.c(), in, rowBytes, head.in().rows(), rowBytes));
      }
      int out = in;
      for (int k = stage.first(); k <= stage.lastSpatial(); k++) {
        Op op = ops.get(k);
        Tile tile = stage.tile(p, k);
        int channelsIn = graph.tensor(op.inputs().get(0)).shape().c();
        int channelsOut = graph.tensor(op.output()).shape().c();
        int buffer = tiles[k - stage.first()];
        out = buffer >= 0 ? plan.offsetOfBuffer(buffer)
            : offset(op.output()) + tile.out().y0() * outShape.w() * channelsOut;
        Window w = PatchStage.windowOf(op);
        Window local = new Window(w.kernelH(), w.kernelW(), w.strideH(), w.strideW(),
            w.dilationH(), w.dilationW(), tile.padTop(), tile.padLeft());
        // Whole-row patches read the stage input in place: its rows are full width.
        int inCols = k == stage.first() && stage.wholeRows() ? inShape.w() : tile.in().cols();
        calls.add(spatialStep(op, in, new Dims(tile.in().rows(), inCols, channelsIn),
            out, new Dims(tile.out().rows(), tile.out().cols(), channelsOut), local));
        in = out;
      }
      Tile tail = stage.tile(p, stage.lastSpatial());
      int tileBytes = tail.out().pixels() * outShape.c();
      if (stage.sink() == PatchStage.Sink.SCATTER && !stage.wholeRows()) {
        int rowBytes = tail.out().cols() * outShape.c();
        calls.add(new Step.CopyBlock(lastSpatial.name(), out, rowBytes,
            offset(lastSpatial.output())
                + (tail.out().y0() * outShape.w() + tail.out().x0()) * outShape.c(),
            outShape.w() * outShape.c(), tail.out().rows(), rowBytes));
      } else if (stage.sink() == PatchStage.Sink.ACCUMULATE) {
        Op.FullyConnected fc = (Op.FullyConnected) ops.get(stage.last());
        Requant rq = requant(fc.input(), fc.output(), fc.weights(), fc.activation(), true);
        calls.add(new Step.FullyConnectedPartial(fc.name(), out, tileBytes,
            tail.out().y0() * outShape.w() * outShape.c(), size(fc.input()),
            plan.offsetOfBuffer(plan.decisions().accumulatorBuffer()), offset(fc.output()),
            size(fc.output()), p == 0, p == stage.patches().size() - 1, rq,
            fc.weights().values(), fc.bias()));
      }
      patches.add(calls);
    }
    steps.add(new Step.PatchStage(ops.get(stage.last()).name(), stage.first(), stage.last(),
        patches));
  }

  /** A convolution or pool of the stage on one tile. */
  private Step spatialStep(Op op, int in, Dims inDims, int out, Dims outDims, Window window) {
    if (op instanceof Op.Conv2d conv) {
      Requant rq = requant(conv.input(), conv.output(), conv.filter(), conv.activation(), false);
      return new Step.Conv(conv.name(), in, inDims, out, outDims, window, rq,
          conv.filter().values(), conv.bias());
    } else if (op instanceof Op.DepthwiseConv2d dw) {
      Requant rq = requant(dw.input(), dw.output(), dw.filter(), dw.activation(), false);
      return new Step.Depthwise(dw.name(), in, inDims, out, outDims, dw.depthMultiplier(),
          window, rq, dw.filter().values(), dw.bias());
    } else if (op instanceof Op.Pool2d pool) {
      QuantParams q = quant(pool.output());
      ActivationRange range = ActivationRange.of(pool.activation(), q.scale(), q.zeroPoint());
      return new Step.Pool(pool.name(), pool.max(), in, inDims, out, outDims, window,
          range.min(), range.max());
    }
    throw new IllegalArgumentException(op.name() + " cannot run patch by patch");
  }

  /** Constants in flash of a layer inside the stage: once per layer, however many patches. */
  private long stageConstants(Op op) {
    if (op instanceof Op.Conv2d conv) {
      return constants(conv.filter(), conv.bias(),
          requant(conv.input(), conv.output(), conv.filter(), conv.activation(), false));
    } else if (op instanceof Op.DepthwiseConv2d dw) {
      return constants(dw.filter(), dw.bias(),
          requant(dw.input(), dw.output(), dw.filter(), dw.activation(), false));
    } else if (op instanceof Op.FullyConnected fc) {
      return constants(fc.weights(), fc.bias(),
          requant(fc.input(), fc.output(), fc.weights(), fc.activation(), true));
    }
    return 0;
  }

  /** Adds the op's kernel call, if it needs one; returns the bytes of constants it adds. */
  private long lowerOp(Op op) {
    if (op instanceof Op.Conv2d conv) {
      Requant rq = requant(conv.input(), conv.output(), conv.filter(), conv.activation(), false);
      steps.add(new Step.Conv(conv.name(), offset(conv.input()), dims(conv.input()),
          offset(conv.output()), dims(conv.output()), conv.window(), rq, conv.filter().values(),
          conv.bias()));
      return constants(conv.filter(), conv.bias(), rq);
    } else if (op instanceof Op.DepthwiseConv2d dw) {
      Requant rq = requant(dw.input(), dw.output(), dw.filter(), dw.activation(), false);
      boolean inPlace = plan.decisions().inPlace().stream()
          .anyMatch(decision -> decision.layer().equals(dw.name()));
      if (inPlace) {
        steps.add(new Step.DepthwiseInPlace(dw.name(), offset(dw.input()), dims(dw.input()),
            dims(dw.output()), dw.window(), rq, dw.filter().values(), dw.bias()));
      } else {
        steps.add(new Step.Depthwise(dw.name(), offset(dw.input()), dims(dw.input()),
            offset(dw.output()), dims(dw.output()), dw.depthMultiplier(), dw.window(), rq,
            dw.filter().values(), dw.bias()));
      }
      return constants(dw.filter(), dw.bias(), rq);
    } else if (op instanceof Op.FullyConnected fc) {
      Requant rq = requant(fc.input(), fc.output(), fc.weights(), fc.activation(), true);
      steps.add(new Step.FullyConnected(fc.name(), offset(fc.input()), size(fc.input()),
          offset(fc.output()), size(fc.output()), rq, fc.weights().values(), fc.bias()));
      return constants(fc.weights(), fc.bias(), rq);
    } else if (op instanceof Op.Pool2d pool) {
      QuantParams q = quant(pool.output());
      ActivationRange range = ActivationRange.of(pool.activation(), q.scale(), q.zeroPoint());
      steps.add(new Step.Pool(pool.name(), pool.max(), offset(pool.input()), dims(pool.input()),
          offset(pool.output()), dims(pool.output()), pool.window(), range.min(), range.max()));
      return 0;
    } else if (op instanceof Op.Add add) {
      QuantParams a = quant(add.input1());
      QuantParams b = quant(add.input2());
      QuantParams o = quant(add.output());
      ActivationRange range = ActivationRange.of(add.activation(), o.scale(), o.zeroPoint());
      AddParams params = AddParams.prepare(a.scale(), a.zeroPoint(), b.scale(), b.zeroPoint(),
          o.scale(), o.zeroPoint(), range.min(), range.max());
      steps.add(new Step.Add(add.name(), offset(add.input1()), offset(add.input2()),
          offset(add.output()), size(add.output()), params));
      return 0;
    } else if (op instanceof Op.Softmax softmax) {
      Shape s = graph.tensor(softmax.input()).shape();
      SoftmaxParams params =
          SoftmaxParams.prepare(quant(softmax.input()).scale(), softmax.beta());
      steps.add(new Step.Softmax(softmax.name(), offset(softmax.input()),
          offset(softmax.output()), s.size() / s.c(), s.c(), params));
      return 0;
    } else if (op instanceof Op.AddConstant add) {
      Constant k = add.constant();
      QuantParams a = quant(add.input());
      QuantParams o = quant(add.output());
      ActivationRange range = ActivationRange.of(add.activation(), o.scale(), o.zeroPoint());
      AddParams params = AddParams.prepare(a.scale(), a.zeroPoint(), k.quant().scale(),
          k.quant().zeroPoint(), o.scale(), o.zeroPoint(), range.min(), range.max());
      int[] rowsDepth = broadcast(k, add.input());
      steps.add(new Step.AddConstant(add.name(), offset(add.input()), k.values(),
          offset(add.output()), rowsDepth[0], rowsDepth[1], params));
      return k.size();
    } else if (op instanceof Op.Mul mul) {
      steps.add(new Step.Mul(mul.name(), offset(mul.input1()), offset(mul.input2()),
          offset(mul.output()), size(mul.output()),
          mulParams(quant(mul.input1()), quant(mul.input2()), mul.output(), mul.activation())));
      return 0;
    } else if (op instanceof Op.MulConstant mul) {
      Constant k = mul.constant();
      int[] rowsDepth = broadcast(k, mul.input());
      steps.add(new Step.MulConstant(mul.name(), offset(mul.input()), k.values(),
          offset(mul.output()), rowsDepth[0], rowsDepth[1],
          mulParams(quant(mul.input()), k.quant(), mul.output(), mul.activation())));
      return k.size();
    } else if (op instanceof Op.Pad pad) {
      Shape s = graph.tensor(pad.input()).shape();
      steps.add(new Step.Pad(pad.name(), offset(pad.input()), new int[] {1, s.h(), s.w(), s.c()},
          pad.before(), pad.after(), pad.padValue(), offset(pad.output())));
      return 0;
    } else if (op instanceof Op.Concatenation concat) {
      lowerConcatenation(concat);
      return 0;
    } else if (op instanceof Op.Mean mean) {
      QuantParams in = quant(mean.input());
      QuantParams out = quant(mean.output());
      Dims d = dims(mean.input());
      MeanParams params = MeanParams.prepare(in.scale(), in.zeroPoint(), out.scale(),
          out.zeroPoint(), d.h() * d.w());
      steps.add(new Step.Mean(mean.name(), offset(mean.input()), d, offset(mean.output()),
          params));
      return 0;
    } else if (op instanceof Op.Elementwise e) {
      steps.add(elementwise(e));
      return 0;
    } else if (op instanceof Op.Quantize q) {
      QuantParams in = quant(q.input());
      QuantParams out = quant(q.output());
      steps.add(new Step.Requantize(q.name(), offset(q.input()), offset(q.output()),
          size(q.output()), RequantizeParams.prepare(in.scale(), in.zeroPoint(), out.scale(),
              out.zeroPoint())));
      return 0;
    }
    // Reshape: the output is the input's buffer, there is nothing to run.
    return 0;
  }

  private MulParams mulParams(QuantParams a, QuantParams b, int output, Activation activation) {
    QuantParams o = quant(output);
    ActivationRange range = ActivationRange.of(activation, o.scale(), o.zeroPoint());
    return MulParams.prepare(a.scale(), a.zeroPoint(), b.scale(), b.zeroPoint(), o.scale(),
        o.zeroPoint(), range.min(), range.max());
  }

  private int[] broadcast(Constant constant, int input) {
    int[] rowsDepth = constant.broadcastOver(graph.tensor(input).shape());
    if (rowsDepth == null) {
      throw new IllegalArgumentException("a constant of " + constant.size()
          + " values does not broadcast over " + graph.tensor(input).shape());
    }
    return rowsDepth;
  }

  /** Rows are the elements before the axis, chunks each part's elements from the axis on. */
  private void lowerConcatenation(Op.Concatenation concat) {
    int[] outDims = dims4(concat.output());
    int rows = 1;
    for (int d = 0; d < concat.axis(); d++) {
      rows *= outDims[d];
    }
    List<Integer> parts = concat.parts();
    int[] ins = new int[parts.size()];
    int[] chunks = new int[parts.size()];
    for (int i = 0; i < ins.length; i++) {
      ins[i] = offset(parts.get(i));
      chunks[i] = size(parts.get(i)) / rows;
    }
    steps.add(new Step.Concatenation(concat.name(), ins, chunks, rows, offset(concat.output())));
  }

  private Step elementwise(Op.Elementwise e) {
    QuantParams in = quant(e.input());
    QuantParams out = quant(e.output());
    int i = offset(e.input());
    int o = offset(e.output());
    int n = size(e.output());
    return switch (e.function()) {
      case RELU -> new Step.Relu(e.name(), i, o, n,
          ReluParams.prepare(in.scale(), in.zeroPoint(), out.scale(), out.zeroPoint()));
      case RELU6 -> {
        ActivationRange bounds = Relu.relu6Bounds(in.scale(), in.zeroPoint());
        yield new Step.Relu6(e.name(), i, o, n, bounds.min(), bounds.max());
      }
      case LOGISTIC -> new Step.Logistic(e.name(), i, o, n,
          SigmoidParams.prepare(in.scale(), in.zeroPoint()));
      case TANH -> new Step.Tanh(e.name(), i, o, n,
          SigmoidParams.prepare(in.scale(), in.zeroPoint()));
      case HARD_SWISH -> new Step.HardSwish(e.name(), i, o, n,
          HardSwishParams.prepare(in.scale(), in.zeroPoint(), out.scale(), out.zeroPoint()));
    };
  }

  /**
   * Per-channel requantization as TF Lite Micro prepares it: in_scale * w_scale / out_scale in
   * double. Its per-tensor FULLY_CONNECTED multiplies the two float scales in float first.
   */
  private Requant requant(int input, int output, Weights weights, Activation activation,
      boolean fullyConnected) {
    QuantParams in = quant(input);
    QuantParams out = quant(output);
    int channels = graph.tensor(output).shape().c();
    int[] multipliers = new int[channels];
    int[] shifts = new int[channels];
    for (int c = 0; c < channels; c++) {
      double product = fullyConnected && weights.scales().length == 1
          ? (double) (in.scale() * weights.scales()[0])
          : (double) in.scale() * (double) weights.scale(c);
      QuantizedMultiplier m = QuantizedMultiplier.of(product / (double) out.scale());
      multipliers[c] = m.multiplier();
      shifts[c] = m.shift();
    }
    ActivationRange range = ActivationRange.of(activation, out.scale(), out.zeroPoint());
    return new Requant(-in.zeroPoint(), out.zeroPoint(), range.min(), range.max(), multipliers,
        shifts);
  }

  private static long constants(Weights weights, int[] bias, Requant rq) {
    long biasBytes = bias == null ? 0 : 4L * bias.length;
    return weights.values().length + biasBytes + 8L * rq.multiplier().length;
  }

  private int offset(int tensor) {
    return plan.offsetOfTensor(tensor);
  }

  private QuantParams quant(int tensor) {
    return graph.tensor(tensor).quant();
  }

  private int size(int tensor) {
    return graph.tensor(tensor).shape().size();
  }

  /** {1, h, w, c}: the 4-D view of a batch-1 tensor. */
  private int[] dims4(int tensor) {
    Shape s = graph.tensor(tensor).shape();
    return new int[] {1, s.h(), s.w(), s.c()};
  }

  private Dims dims(int tensor) {
    Shape s = graph.tensor(tensor).shape();
    return new Dims(s.h(), s.w(), s.c());
  }
}
