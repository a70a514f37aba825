package dev.tinyforge.engine;

import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.QuantParams;
import dev.tinyforge.plan.MemoryPlan;
import java.util.List;
import java.util.Optional;

/**
 * A model ready to be written out: its graph, the proven memory plan, the kernel calls in order,
 * and the facts the report and the mirror expose. Writers see this and nothing else.
 */
public record Engine(
    String name,
    Graph graph,
    MemoryPlan plan,
    List<Step> steps,
    List<LayerFacts> layers,
    Budget budget,
    int inputOffset,
    int outputOffset,
    long macs,
    long constantBytes,
    long codeBytesEstimate,
    boolean fastKernels) {
  public Engine {
    steps = List.copyOf(steps);
    layers = List.copyOf(layers);
  }

  /**
   * The same engine with every call on its reference kernel and no scratch: the benchmark's
   * baseline, and the C a user can fall back to when chasing a suspected kernel difference.
   */
  public Engine withReferenceKernels() {
    return new Engine(name, graph, plan, steps, layers, budget, inputOffset, outputOffset, macs,
        constantBytes, CodeSize.estimate(steps, false), false);
  }

  /** The specialized kernel the C engine runs {@code call} with, if any (see FastKernel). */
  public Optional<FastKernel> fastKernel(Step call) {
    return fastKernels ? FastKernel.select(call) : Optional.empty();
  }

  /** The C function that runs {@code call}. */
  public String function(Step call) {
    return fastKernel(call).map(FastKernel::function).orElseGet(() -> call.kernel().function());
  }

  public int arenaBytes() {
    return plan.arenaBytes();
  }

  public int inputBytes() {
    return graph.inputTensor().shape().size();
  }

  public int outputBytes() {
    return graph.outputTensor().shape().size();
  }

  public QuantParams inputQuant() {
    return graph.inputTensor().quant();
  }

  public QuantParams outputQuant() {
    return graph.outputTensor().quant();
  }

  /**
   * The one scratch buffer every kernel call shares (the C engine's only static RAM besides the
   * arena), sized for the largest need: the im2col columns of {@link FastKernel}, the output
   * plane of an in-place depthwise layer.
   */
  public int scratchBytes() {
    int bytes = 0;
    for (Step step : steps) {
      for (Step call : step.calls()) {
        if (call instanceof Step.DepthwiseInPlace dw) {
          bytes = Math.max(bytes, dw.planeBytes());
        } else if (fastKernel(call).isPresent()) {
          bytes = Math.max(bytes, FastKernel.scratchBytes(call));
        }
      }
    }
    return bytes;
  }

  /**
   * Peak SRAM known at compile time: the arena, which holds input and output too (as TF Lite
   * Micro's does), and the scratch buffer; the stack is measured on the target.
   */
  public long peakSramBytes() {
    return (long) plan.arenaBytes() + scratchBytes();
  }

  public long flashBytesEstimate() {
    return constantBytes + codeBytesEstimate;
  }

  /** The layer during which the most arena bytes are live. */
  public LayerFacts peakLayer() {
    LayerFacts peak = layers.get(0);
    for (LayerFacts layer : layers) {
      if (layer.bytesLive() > peak.bytesLive()) {
        peak = layer;
      }
    }
    return peak;
  }
}
