package dev.tinyforge.build;

import dev.tinyforge.annotations.Padding;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.QuantParams;
import dev.tinyforge.graph.Shape;
import dev.tinyforge.graph.Tensor;
import dev.tinyforge.kernels.Activation;
import dev.tinyforge.kernels.Window;
import dev.tinyforge.spec.LayerSpec;
import dev.tinyforge.spec.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a declared model into the graph IR: infers every shape, resolves padding, and asks the
 * weight source for each layer's constants. Stops at the first layer that does not chain (later
 * layers' errors would only repeat it) and reports where and why.
 */
public final class GraphBuilder {
  private final ModelSpec spec;
  private final WeightSource weights;
  private final Problems problems;
  private final List<Tensor> tensors = new ArrayList<>();
  private final List<Op> ops = new ArrayList<>();
  private final Map<String, Integer> outputsByName = new LinkedHashMap<>();

  private GraphBuilder(ModelSpec spec, WeightSource weights, Problems problems) {
    this.spec = spec;
    this.weights = weights;
    this.problems = problems;
  }

  /** The graph, or null when {@code problems} received an error. */
  public static Graph build(ModelSpec spec, WeightSource weights, Problems problems) {
    return new GraphBuilder(spec, weights, problems).build();
  }

  private Graph build() {
    Shape inputShape = Shape.of(spec.inputShape());
    int current = addTensor("input", inputShape,
        new QuantParams(spec.inputScale(), spec.inputZeroPoint()));
    outputsByName.put("input", current);
    for (int i = 0; i < spec.layers().size(); i++) {
      Integer next = addLayer(i, spec.layers().get(i), current);
      if (next == null) {
        return null;
      }
      current = next;
      outputsByName.put(spec.layers().get(i).name(), current);
    }
    if (problems.hasErrors()) {
      return null;
    }
    return new Graph(spec.name(), tensors, ops, 0, current);
  }

  private Integer addLayer(int index, LayerSpec layer, int input) {
    Tensor in = tensors.get(input);
    // Java 17 has no pattern switch; the chain covers every permitted LayerSpec.
    if (layer instanceof LayerSpec.Conv2d conv) {
      return addConv(index, conv, in);
    } else if (layer instanceof LayerSpec.DepthwiseConv2d dw) {
      return addDepthwise(index, dw, in);
    } else if (layer instanceof LayerSpec.Dense dense) {
      return addDense(index, dense, in);
    } else if (layer instanceof LayerSpec.Pool2d pool) {
      return addPool(index, pool, in);
    } else if (layer instanceof LayerSpec.GlobalAvgPool gap) {
      return addGlobalAvgPool(gap, in);
    } else if (layer instanceof LayerSpec.Add add) {
      return addAdd(index, add, in);
    } else if (layer instanceof LayerSpec.Reshape reshape) {
      return addReshape(index, reshape, in);
    }
    return addSoftmax((LayerSpec.Softmax) layer, in);
  }

  private Integer addConv(int index, LayerSpec.Conv2d conv, Tensor in) {
    boolean ok = atLeast(index, conv, "filters", conv.filters(), 1)
        & atLeast(index, conv, "kernel", conv.kernel(), 1)
        & atLeast(index, conv, "stride", conv.stride(), 1);
    if (!ok) {
      return null;
    }
    Placement placed = place(index, conv, in.shape(), conv.kernel(), conv.stride(), conv.padding());
    if (placed == null) {
      return null;
    }
    Shape out = new Shape(placed.outH(), placed.outW(), conv.filters());
    int fanIn = conv.kernel() * conv.kernel() * in.shape().c();
    LayerParams params = params(index, conv, in, out, fanIn, fanIn * conv.filters(),
        conv.filters(), conv.activation());
    if (params == null) {
      return null;
    }
    int output = addTensor(conv.name(), out, params.outputQuant());
    ops.add(new Op.Conv2d(conv.name(), in.id(), output, params.weights(), params.bias(), placed.window(),
        conv.activation()));
    return output;
  }

  private Integer addDepthwise(int index, LayerSpec.DepthwiseConv2d dw, Tensor in) {
    boolean ok = atLeast(index, dw, "kernel", dw.kernel(), 1)
        & atLeast(index, dw, "stride", dw.stride(), 1)
        & atLeast(index, dw, "depthMultiplier", dw.depthMultiplier(), 1);
    if (!ok) {
      return null;
    }
    Placement placed = place(index, dw, in.shape(), dw.kernel(), dw.stride(), dw.padding());
    if (placed == null) {
      return null;
    }
    int channels = in.shape().c() * dw.depthMultiplier();
    Shape out = new Shape(placed.outH(), placed.outW(), channels);
    int fanIn = dw.kernel() * dw.kernel();
    LayerParams params = params(index, dw, in, out, fanIn, fanIn * channels, channels,
        dw.activation());
    if (params == null) {
      return null;
    }
    int output = addTensor(dw.name(), out, params.outputQuant());
    ops.add(new Op.DepthwiseConv2d(dw.name(), in.id(), output, params.weights(), params.bias(),
        dw.depthMultiplier(), placed.window(), dw.activation()));
    return output;
  }

  private Integer addDense(int index, LayerSpec.Dense dense, Tensor in) {
    if (!atLeast(index, dense, "units", dense.units(), 1)) {
      return null;
    }
    if (!in.shape().isVector()) {
      mismatch(index, dense, "", "it needs a vector but " + from(in) + " gives " + in.shape()
          + "; add a @Flatten layer before it");
      return null;
    }
    Shape out = Shape.vector(dense.units());
    int fanIn = in.shape().c();
    LayerParams params = params(index, dense, in, out, fanIn, fanIn * dense.units(),
        dense.units(), dense.activation());
    if (params == null) {
      return null;
    }
    int output = addTensor(dense.name(), out, params.outputQuant());
    ops.add(new Op.FullyConnected(dense.name(), in.id(), output, params.weights(), params.bias(),
        dense.activation()));
    return output;
  }

  private Integer addPool(int index, LayerSpec.Pool2d pool, Tensor in) {
    int stride = pool.stride() == 0 ? pool.pool() : pool.stride();
    // Stride 0 stands for the pool size: a bad pool size is then reported once, on pool.
    boolean ok = atLeast(index, pool, "pool", pool.pool(), 1)
        & (pool.stride() == 0 || atLeast(index, pool, "stride", pool.stride(), 1));
    if (!ok) {
      return null;
    }
    Placement placed = place(index, pool, in.shape(), pool.pool(), stride, pool.padding());
    if (placed == null) {
      return null;
    }
    Shape out = new Shape(placed.outH(), placed.outW(), in.shape().c());
    int output = addTensor(pool.name(), out, in.quant());
    ops.add(new Op.Pool2d(pool.name(), pool.kind(), pool.max(), in.id(), output,
        placed.window(), Activation.NONE));
    return output;
  }

  private Integer addGlobalAvgPool(LayerSpec.GlobalAvgPool gap, Tensor in) {
    Shape s = in.shape();
    Window window = new Window(s.h(), s.w(), 1, 1, 1, 1, 0, 0);
    int output = addTensor(gap.name(), Shape.vector(s.c()), in.quant());
    ops.add(new Op.Pool2d(gap.name(), gap.kind(), false, in.id(), output, window,
        Activation.NONE));
    return output;
  }

  private Integer addAdd(int index, LayerSpec.Add add, Tensor in) {
    Integer other = outputsByName.get(add.with());
    if (other == null) {
      problems.error(Locus.layer(index, "with"), Message.UNKNOWN_REFERENCE, add.name(),
          add.with(), String.join(", ", outputsByName.keySet()));
      return null;
    }
    Tensor second = tensors.get(other);
    if (!second.shape().equals(in.shape())) {
      mismatch(index, add, "with", "both inputs need one shape, but " + from(in) + " gives "
          + in.shape() + " and '" + add.with() + "' gives " + second.shape());
      return null;
    }
    LayerParams params = params(index, add, in, in.shape(), 0, 0, 0, add.activation());
    if (params == null) {
      return null;
    }
    int output = addTensor(add.name(), in.shape(), params.outputQuant());
    ops.add(new Op.Add(add.name(), in.id(), second.id(), output, add.activation()));
    return output;
  }

  private Integer addReshape(int index, LayerSpec.Reshape reshape, Tensor in) {
    Shape out = reshape.shape().length == 0
        ? Shape.vector(in.shape().size())
        : Shape.of(reshape.shape());
    if (out == null || out.h() < 1 || out.w() < 1 || out.c() < 1) {
      mismatch(index, reshape, "shape", "shape must be {height, width, channels} or {features}, each at"
          + " least 1");
      return null;
    }
    if (out.size() != in.shape().size()) {
      mismatch(index, reshape, "shape", "the new shape " + out + " holds " + out.size() + " values but "
          + from(in) + " gives " + in.shape() + " = " + in.shape().size());
      return null;
    }
    int output = addTensor(reshape.name(), out, in.quant());
    ops.add(new Op.Reshape(reshape.name(), reshape.kind(), in.id(), output));
    return output;
  }

  private Integer addSoftmax(LayerSpec.Softmax softmax, Tensor in) {
    int output = addTensor(softmax.name(), in.shape(), QuantParams.SOFTMAX_OUTPUT);
    ops.add(new Op.Softmax(softmax.name(), in.id(), output, 1.0f));
    return output;
  }

  private LayerParams params(int index, LayerSpec layer, Tensor in, Shape out, int fanIn,
      int weightCount, int channels, Activation activation) {
    return weights.params(new LayerRequest(index, layer.name(), layer.kind(), in.shape(),
        in.quant(), out, fanIn, weightCount, channels, activation), problems);
  }

  /** A resolved window and the output height and width it gives. */
  private record Placement(Window window, int outH, int outW) {}

  private Placement place(int index, LayerSpec layer, Shape in, int kernel, int stride,
      Padding padding) {
    WindowGeometry rows = WindowGeometry.of(padding, in.h(), kernel, stride);
    WindowGeometry cols = WindowGeometry.of(padding, in.w(), kernel, stride);
    if (rows == null || cols == null) {
      String member = layer instanceof LayerSpec.Pool2d ? "pool" : "kernel";
      problems.error(Locus.layer(index, member), Message.KERNEL_TOO_LARGE, layer.kind(),
          layer.name(), kernel, kernel, in.toString(), in.h(), in.w());
      return null;
    }
    return new Placement(
        new Window(kernel, kernel, stride, stride, 1, 1, rows.padBefore(), cols.padBefore()),
        rows.outputs(), cols.outputs());
  }

  private boolean atLeast(int index, LayerSpec layer, String member, int value, int min) {
    if (value >= min) {
      return true;
    }
    problems.error(Locus.layer(index, member), Message.LAYER_PARAMETER, layer.kind(),
        layer.name(), member, min, value);
    return false;
  }

  /**
   * Reports a layer that cannot take its input, on {@code member} when changing it can fix
   * that (a reshape's shape, an add's other input), else on the layer.
   */
  private void mismatch(int index, LayerSpec layer, String member, String why) {
    problems.error(Locus.layer(index, member), Message.SHAPE_MISMATCH, layer.kind(), layer.name(),
        why);
  }

  private String from(Tensor in) {
    return in.id() == 0 ? "the model input" : "the previous layer '" + in.name() + "'";
  }

  private int addTensor(String name, Shape shape, QuantParams quant) {
    int id = tensors.size();
    tensors.add(new Tensor(id, name, shape, quant));
    return id;
  }
}
