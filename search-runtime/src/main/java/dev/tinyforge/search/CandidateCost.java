package dev.tinyforge.search;

import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.CodeSize;
import dev.tinyforge.engine.FastKernel;
import dev.tinyforge.engine.Kernel;
import dev.tinyforge.engine.Macs;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.Shape;
import dev.tinyforge.plan.MemoryPlan;
import dev.tinyforge.plan.MemoryPlanner;
import dev.tinyforge.plan.PlanOptions;
import dev.tinyforge.plan.patch.PatchStage;
import dev.tinyforge.spec.ModelSpec;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one candidate costs on the board, as the code generator will see it: the peak SRAM is
 * the arena of {@link MemoryPlanner} with {@link PlanOptions#SEARCH} on the graph {@link GraphBuilder} builds from the spec (the
 * planner {@code Lowering} runs) plus the scratch of the kernels the C engine will call
 * ({@link FastKernel}); MACs are {@link Macs#of}; flash is the constants
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
    int scratch = 0;
    Set<Kernel> kernels = EnumSet.noneOf(Kernel.class);
    Set<FastKernel> fast = EnumSet.noneOf(FastKernel.class);
    MemoryPlan plan = MemoryPlanner.plan(graph, PlanOptions.SEARCH);
    PatchStage stage = plan.decisions().stage().orElse(null);
    for (int i = 0; i < graph.ops().size(); i++) {
      Op op = graph.ops().get(i);
      macs += Macs.of(op, graph);
      constants += constantBytes(op, graph);
      boolean inPlaceDepthwise = op instanceof Op.DepthwiseConv2d && inPlace(plan, i);
      Kernel kernel = inPlaceDepthwise ? Kernel.DEPTHWISE_CONV2D_IN_PLACE : kernel(op);
      Optional<FastKernel> fastKernel =
          inPlaceDepthwise ? Optional.empty() : FastKernel.forOp(op, graph);
      if (inPlaceDepthwise) {
        Shape out = graph.tensor(op.output()).shape();
        scratch = Math.max(scratch, out.h() * out.w());
      } else {
        scratch = Math.max(scratch, FastKernel.scratchBytes(op, graph));
      }
      boolean inStage = stage != null && stage.contains(i);
      if (kernel != null && (!inStage || PatchStage.isSpatial(op))) {
        fastKernel.ifPresentOrElse(fast::add, () -> kernels.add(kernel));
        calls += inStage ? stage.patches().size() : 1;
      }
    }
    if (stage != null) {
      // The calls Lowering adds around each patch: gather, scatter or the FC's share.
      int perPatch = (stage.wholeRows() ? 0 : 1)
          + (stage.sink() == PatchStage.Sink.ACCUMULATE || !stage.wholeRows() ? 1 : 0);
      calls += perPatch * stage.patches().size();
      if (!stage.wholeRows()) {
        kernels.add(Kernel.COPY_BLOCK);
      }
      if (stage.sink() == PatchStage.Sink.ACCUMULATE) {
        kernels.add(Kernel.FULLY_CONNECTED_PARTIAL);
      }
    }
    long code = CodeSize.estimate(kernels, fast, calls);
    return new CandidateCost((long) plan.arenaBytes() + scratch, macs, constants, code);
  }

  private static boolean inPlace(MemoryPlan plan, int op) {
    return plan.decisions().inPlace().stream().anyMatch(decision -> decision.op() == op);
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
