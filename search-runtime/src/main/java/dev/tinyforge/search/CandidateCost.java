package dev.tinyforge.search;

import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.CodeSize;
import dev.tinyforge.engine.Kernel;
import dev.tinyforge.engine.Macs;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.Shape;
import dev.tinyforge.plan.GreedyPlanner;
import dev.tinyforge.spec.ModelSpec;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one candidate costs on the board, as the code generator will see it: the peak SRAM is
 * the arena of {@link GreedyPlanner} on the graph {@link GraphBuilder} builds from the spec (the
 * planner {@code Lowering} runs); MACs are {@link Macs#of}; flash is the constants
 * {@code Lowering} counts (int8 weights, int32 biases, a Q31 multiplier and a shift per output
 * channel) plus the code estimate of {@code engine.CodeSize}, both computed from shapes.
 */
public record CandidateCost(long peakSramBytes, long macs, long constantBytes, long codeBytes) {
  /** Bytes of constants per output channel besides the weights: bias, multiplier, shift. */
  private static final int PER_CHANNEL_BYTES = 4 + 4 + 4;

  public long flashBytes() {
    return constantBytes + codeBytes;
  }

  public boolean fits(long sramBytes, long flashBytes) {
    return peakSramBytes <= sramBytes && flashBytes() <= flashBytes;
  }

  /** Builds the graph with {@link ShapeOnlyWeights}, plans it and counts. */
  public static CandidateCost of(ModelSpec spec) {
    Problems problems = new Problems();
    Graph graph = GraphBuilder.build(spec, ShapeOnlyWeights.INSTANCE, problems);
    if (graph == null) {
      throw new IllegalArgumentException("candidate " + spec.name() + " does not build: "
          + problems.all());
    }
    return of(graph);
  }

  /** The cost of a graph built by any weight source; sizes come from shapes, not arrays. */
  public static CandidateCost of(Graph graph) {
    long macs = 0;
    long constants = 0;
    int calls = 0;
    Set<Kernel> kernels = EnumSet.noneOf(Kernel.class);
    for (Op op : graph.ops()) {
      macs += Macs.of(op, graph);
      constants += constantBytes(op, graph);
      Kernel kernel = kernel(op);
      if (kernel != null) {
        kernels.add(kernel);
        calls++;
      }
    }
    long code = CodeSize.estimate(kernels, calls);
    return new CandidateCost(GreedyPlanner.plan(graph).arenaBytes(), macs, constants, code);
  }

  private static long constantBytes(Op op, Graph graph) {
    Shape out = graph.tensor(op.output()).shape();
    long weights;
    if (op instanceof Op.Conv2d conv) {
      weights = (long) conv.window().kernelH() * conv.window().kernelW()
          * graph.tensor(conv.input()).shape().c() * out.c();
    } else if (op instanceof Op.DepthwiseConv2d dw) {
      weights = (long) dw.window().kernelH() * dw.window().kernelW() * out.c();
    } else if (op instanceof Op.FullyConnected fc) {
      weights = (long) graph.tensor(fc.input()).shape().size() * out.c();
    } else {
      return 0;
    }
    return weights + (long) PER_CHANNEL_BYTES * out.c();
  }

  /** The kernel {@code Lowering} calls for the op; null for a reshape, which runs nothing. */
  private static Kernel kernel(Op op) {
    if (op instanceof Op.Conv2d) {
      return Kernel.CONV2D;
    } else if (op instanceof Op.DepthwiseConv2d) {
      return Kernel.DEPTHWISE_CONV2D;
    } else if (op instanceof Op.FullyConnected) {
      return Kernel.FULLY_CONNECTED;
    } else if (op instanceof Op.Pool2d pool) {
      return pool.max() ? Kernel.MAX_POOL : Kernel.AVG_POOL;
    } else if (op instanceof Op.Add) {
      return Kernel.ADD;
    } else if (op instanceof Op.Softmax) {
      return Kernel.SOFTMAX;
    }
    return null;
  }

}
