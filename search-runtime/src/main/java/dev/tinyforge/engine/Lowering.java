package dev.tinyforge.engine;

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
import dev.tinyforge.kernels.Requant;
import dev.tinyforge.kernels.SoftmaxParams;
import dev.tinyforge.plan.GreedyPlanner;
import dev.tinyforge.plan.MemoryPlan;
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
    this(graph, GreedyPlanner::plan);
  }

  private Lowering(Graph graph, Function<Graph, MemoryPlan> planner) {
    this.graph = graph;
    this.plan = planner.apply(graph);
  }

  public static Engine lower(Graph graph, Budget budget) {
    return new Lowering(graph).lower(budget);
  }

  /** Lowers with another memory planner (the benchmark's baseline: {@code NaivePlanner}). */
  public static Engine lower(Graph graph, Budget budget, Function<Graph, MemoryPlan> planner) {
    return new Lowering(graph, planner).lower(budget);
  }

  private Engine lower(Budget budget) {
    long macs = 0;
    for (int i = 0; i < graph.ops().size(); i++) {
      Op op = graph.ops().get(i);
      long constants = lowerOp(op);
      constantBytes += constants;
      long opMacs = Macs.of(op, graph);
      macs += opMacs;
      Tensor out = graph.tensor(op.output());
      Shape s = out.shape();
      layers.add(new LayerFacts(op.name(), op.kind(), new int[] {s.h(), s.w(), s.c()}, opMacs,
          Macs.params(op), constants, offset(op.output()), s.size(), plan.bytesLiveAt(i)));
    }
    return new Engine(graph.name(), graph, plan, steps, layers, budget, offset(graph.input()),
        offset(graph.output()), macs, constantBytes, CodeSize.estimate(steps));
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
      steps.add(new Step.Depthwise(dw.name(), offset(dw.input()), dims(dw.input()),
          offset(dw.output()), dims(dw.output()), dw.depthMultiplier(), dw.window(), rq,
          dw.filter().values(), dw.bias()));
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
    }
    // Reshape: the output is the input's buffer, there is nothing to run.
    return 0;
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

  private Dims dims(int tensor) {
    Shape s = graph.tensor(tensor).shape();
    return new Dims(s.h(), s.w(), s.c());
  }
}
