package dev.tinyforge.tflite;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
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
import dev.tinyforge.kernels.Concatenation;
import dev.tinyforge.kernels.HardSwishParams;
import dev.tinyforge.kernels.MeanParams;
import dev.tinyforge.kernels.MulParams;
import dev.tinyforge.kernels.Quantize;
import dev.tinyforge.kernels.ReluParams;
import dev.tinyforge.kernels.SigmoidParams;
import dev.tinyforge.kernels.SoftmaxParams;
import dev.tinyforge.kernels.Window;
import dev.tinyforge.quant.QuantizedMultiplier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an int8 {@link TfliteModel} into the graph IR, for the operators the IR has: CONV_2D,
 * DEPTHWISE_CONV_2D, FULLY_CONNECTED, AVERAGE_POOL_2D, MAX_POOL_2D, ADD (same shapes, or with a
 * constant), MUL (same shapes, or with a constant), SOFTMAX, PAD / PADV2, CONCATENATION, MEAN
 * over height and width, LOGISTIC, TANH, HARD_SWISH, RELU, RELU6, QUANTIZE int8 to int8, and
 * RESHAPE / SQUEEZE (as {@link Op.Reshape}). A constant operand of ADD or MUL broadcasts as a
 * scalar, one value per channel, or a whole tensor of the other operand's shape.
 *
 * <p>Float models: a QUANTIZE from a float32 model input and a DEQUANTIZE into a float32 model
 * output stay outside the engine, which takes and gives int8; the graph's input and output are
 * the int8 tensors between them (their quantization is the one the caller converts with).
 *
 * <p>Activation tensors with batch 1 map to {@link Shape}: [1,h,w,c] to h x w x c, [1,n] and [n]
 * to a vector, [1,a,b] to 1 x a x b. TFLite's filter layouts are the kernels' (conv
 * [out][kh][kw][in], depthwise [1][kh][kw][out], dense [out][in]), so weights are taken as they
 * are. Padding is resolved as TF Lite Micro's ComputePaddingHeightWidth does it.
 *
 * <p>The model is untrusted input: every problem goes to the {@link Problems} (at {@code
 * Locus.model("tflite")}), all of them rather than the first, and nothing is thrown. A graph is
 * returned only when the model has no errors; it then lowers without failing, because the
 * importer has already computed every multiplier {@code Lowering} will compute.
 */
public final class TfliteImporter {
  /** The TFLite builtin operators the importer takes, in the order messages list them. */
  public static final List<String> SUPPORTED_OPS = List.of("CONV_2D", "DEPTHWISE_CONV_2D",
      "FULLY_CONNECTED", "AVERAGE_POOL_2D", "MAX_POOL_2D", "ADD", "MUL", "SOFTMAX", "PAD",
      "PADV2", "CONCATENATION", "MEAN", "LOGISTIC", "TANH", "HARD_SWISH", "RELU", "RELU6",
      "QUANTIZE", "DEQUANTIZE", "RESHAPE", "SQUEEZE");

  private static final Locus LOCUS = Locus.model("tflite");
  private static final float SOFTMAX_OUTPUT_SCALE = 1.0f / 256;

  private final TfliteModel model;
  private final String name;
  private final Problems problems;
  private final List<Tensor> tensors = new ArrayList<>();
  private final List<Op> ops = new ArrayList<>();
  private final Map<Integer, Integer> graphTensorOf = new LinkedHashMap<>();
  private final Set<Integer> badTensors = new HashSet<>();
  private final Set<Integer> written = new HashSet<>();
  /** Operators at a float boundary (QUANTIZE of the float input, DEQUANTIZE to the output). */
  private final Set<Integer> boundary = new HashSet<>();
  private TfliteSubgraph subgraph;
  private boolean failed;

  private TfliteImporter(TfliteModel model, String name, Problems problems) {
    this.model = model;
    this.name = name;
    this.problems = problems;
  }

  /**
   * Imports {@code model} as graph {@code name}. On any error the result has no graph and
   * {@code problems} says why; the model is never trusted and this method does not throw.
   */
  public static TfliteImport importModel(TfliteModel model, String name, Problems problems) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(problems, "problems");
    try {
      return new TfliteImporter(model, name, problems).run();
    } catch (RuntimeException e) {
      // Unreachable by design; a gap in the checks must still end as a diagnostic.
      problems.error(LOCUS, Message.INTERNAL, "importing the TFLite model: " + e);
      return TfliteImport.failed();
    }
  }

  private TfliteImport run() {
    if (model.subgraphCount() != 1) {
      error(Message.TFLITE_SUBGRAPHS, model.subgraphCount());
      return TfliteImport.failed();
    }
    subgraph = model.mainSubgraph();
    int[] inputs = subgraph.inputs();
    int[] outputs = subgraph.outputs();
    if (inputs.length != 1 || outputs.length != 1) {
      error(Message.TFLITE_INPUTS_OUTPUTS, inputs.length, outputs.length);
      return TfliteImport.failed();
    }
    if (subgraph.operators().isEmpty()) {
      error(Message.TFLITE_UNSUPPORTED_USE, "the model",
          "it has no operators; there is nothing to compile");
      return TfliteImport.failed();
    }
    int input = floatInputBoundary(inputs[0]);
    int output = floatOutputBoundary(outputs[0]);
    boolean int8 = activationsAreInt8(input, output);
    if (int8) {
      if (subgraph.tensor(input).isConstant()) {
        error(Message.TFLITE_UNSUPPORTED_USE, "the model",
            "its input tensor " + input + " is a constant");
      } else {
        graphTensor(new Context(-1, "model input"), input);
      }
    }
    written.add(input);
    for (TfliteOperator op : subgraph.operators()) {
      if (boundary.contains(op.index())) {
        continue;
      }
      if (!SUPPORTED_OPS.contains(op.opName()) || op.op() == TfliteBuiltinOperator.OTHER) {
        String what = op.customCode() == null
            ? op.opName() : "the custom operator '" + op.customCode() + "'";
        error(Message.TFLITE_UNSUPPORTED_OP, op.index(), what, String.join(", ", SUPPORTED_OPS));
      } else if (int8) {
        convert(op);
      }
      for (int out : op.outputs()) {
        if (out != TfliteOperator.ABSENT) {
          written.add(out);
        }
      }
    }
    if (int8 && !written.contains(output)) {
      error(Message.TFLITE_UNSUPPORTED_USE, "the model",
          "no operator writes its output tensor " + output);
    }
    if (failed) {
      return TfliteImport.failed();
    }
    Graph graph = new Graph(name, tensors, ops, graphTensorOf.get(input),
        graphTensorOf.get(output));
    return new TfliteImport(graph, graphTensorOf);
  }

  /**
   * The int8 tensor the engine starts from: {@code input}, or the output of the QUANTIZE that
   * takes a float32 {@code input} to int8 (that operator is then left to the caller).
   */
  private int floatInputBoundary(int input) {
    if (subgraph.tensor(input).type() != TfliteTensorType.FLOAT32) {
      return input;
    }
    for (TfliteOperator op : subgraph.operators()) {
      if (op.op() == TfliteBuiltinOperator.QUANTIZE && op.inputs().length == 1
          && op.inputs()[0] == input && op.outputs().length == 1
          && op.outputs()[0] != TfliteOperator.ABSENT
          && subgraph.tensor(op.outputs()[0]).type() == TfliteTensorType.INT8) {
        boundary.add(op.index());
        return op.outputs()[0];
      }
    }
    return input;
  }

  /** The int8 tensor the engine ends with: the input of a DEQUANTIZE into a float32 output. */
  private int floatOutputBoundary(int output) {
    if (subgraph.tensor(output).type() != TfliteTensorType.FLOAT32) {
      return output;
    }
    for (TfliteOperator op : subgraph.operators()) {
      if (op.op() == TfliteBuiltinOperator.DEQUANTIZE && op.outputs().length == 1
          && op.outputs()[0] == output && op.inputs().length == 1
          && op.inputs()[0] != TfliteOperator.ABSENT
          && subgraph.tensor(op.inputs()[0]).type() == TfliteTensorType.INT8) {
        boundary.add(op.index());
        return op.inputs()[0];
      }
    }
    return output;
  }

  /** One Tflite/NotInt8 for the whole model when any activation tensor is not int8. */
  private boolean activationsAreInt8(int input, int output) {
    List<Integer> activations = new ArrayList<>(List.of(input, output));
    for (TfliteOperator op : subgraph.operators()) {
      if (boundary.contains(op.index())) {
        continue;
      }
      for (int t : op.inputs()) {
        if (t != TfliteOperator.ABSENT && !subgraph.tensor(t).isConstant()) {
          activations.add(t);
        }
      }
      for (int t : op.outputs()) {
        if (t != TfliteOperator.ABSENT) {
          activations.add(t);
        }
      }
    }
    TfliteTensor first = null;
    Set<Integer> others = new HashSet<>();
    for (int t : activations) {
      TfliteTensor tensor = subgraph.tensor(t);
      if (tensor.type() != TfliteTensorType.INT8) {
        if (first == null) {
          first = tensor;
        } else if (t != first.index()) {
          others.add(t);
        }
      }
    }
    if (first == null) {
      return true;
    }
    String role = first.index() == input ? "the model input, tensor " : "tensor ";
    error(Message.TFLITE_NOT_INT8, role + first.index() + " '" + first.name() + "'", first.type(),
        others.isEmpty() ? "" : " (and so are " + others.size() + " other activation tensors)");
    return false;
  }

  /** Which operator a message is about. */
  private record Context(int index, String op) {
    String prefix() {
      return index < 0 ? op : "operator " + index + " (" + op + ")";
    }
  }

  private void convert(TfliteOperator op) {
    Context c = new Context(op.index(), op.opName());
    int[] outs = op.outputs();
    if (outs.length != 1 || outs[0] == TfliteOperator.ABSENT) {
      use(c, "it has " + outs.length + " outputs; TinyForge takes exactly one");
      return;
    }
    String opName = op.opName().toLowerCase(Locale.ROOT) + "_" + op.index();
    switch (op.op()) {
      case CONV_2D -> conv(c, op, opName);
      case DEPTHWISE_CONV_2D -> depthwise(c, op, opName);
      case FULLY_CONNECTED -> fullyConnected(c, op, opName);
      case AVERAGE_POOL_2D, MAX_POOL_2D -> pool(c, op, opName);
      case ADD -> add(c, op, opName);
      case MUL -> mul(c, op, opName);
      case SOFTMAX -> softmax(c, op, opName);
      case PAD, PADV2 -> pad(c, op, opName);
      case CONCATENATION -> concatenation(c, op, opName);
      case MEAN -> mean(c, op, opName);
      case RELU -> elementwise(c, op, opName, Op.Function.RELU);
      case RELU6 -> elementwise(c, op, opName, Op.Function.RELU6);
      case LOGISTIC -> elementwise(c, op, opName, Op.Function.LOGISTIC);
      case TANH -> elementwise(c, op, opName, Op.Function.TANH);
      case HARD_SWISH -> elementwise(c, op, opName, Op.Function.HARD_SWISH);
      case QUANTIZE -> quantize(c, op, opName);
      case DEQUANTIZE -> use(c, "TinyForge takes DEQUANTIZE only from int8 into the model's"
          + " float32 output");
      case RESHAPE, SQUEEZE -> reshape(c, op, opName);
      default -> error(Message.TFLITE_UNSUPPORTED_OP, op.index(), op.opName(),
          String.join(", ", SUPPORTED_OPS));
    }
  }

  // ---------------------------------------------------------------- operators

  private void conv(Context c, TfliteOperator op, String opName) {
    if (!inputCount(c, op, 2, 3)) {
      return;
    }
    if (!(op.options() instanceof TfliteOptions.Conv2D o)) {
      use(c, "it has no Conv2DOptions");
      return;
    }
    ConvOperands operands = convOperands(c, op, o.activation());
    if (operands == null) {
      return;
    }
    int in = operands.in();
    int out = operands.out();
    TfliteTensor filter = operands.filter();
    Activation activation = operands.activation();
    Shape inShape = shape(in);
    Shape outShape = shape(out);
    int[] f = filter.shape();
    if (f.length != 4 || f[0] != outShape.c()) {
      shapeError(c, "its filter tensor " + filter.index() + " is " + Arrays.toString(f)
          + " but must be [" + outShape.c() + ", kh, kw, " + inShape.c() + "] for the output's "
          + outShape.c() + " channels");
      return;
    }
    if (f[3] != inShape.c()) {
      use(c, "its filter takes " + f[3] + " input channels but the input has " + inShape.c()
          + "; grouped convolution is not supported");
      return;
    }
    Window window = window(c, o.padding(), inShape, outShape, f[1], f[2], o.strideH(),
        o.strideW(), o.dilationH(), o.dilationW());
    Weights weights = weights(c, filter, outShape.c(), 0, "filter");
    int[] bias = bias(c, op, outShape.c());
    if (window == null || weights == null || (bias == null && hasBias(op))
        || !multipliersFit(c, in, out, weights)) {
      return;
    }
    ops.add(new Op.Conv2d(opName, in, out, weights, bias, window, activation));
  }

  private void depthwise(Context c, TfliteOperator op, String opName) {
    if (!inputCount(c, op, 2, 3)) {
      return;
    }
    if (!(op.options() instanceof TfliteOptions.DepthwiseConv2D o)) {
      use(c, "it has no DepthwiseConv2DOptions");
      return;
    }
    ConvOperands operands = convOperands(c, op, o.activation());
    if (operands == null) {
      return;
    }
    int in = operands.in();
    int out = operands.out();
    TfliteTensor filter = operands.filter();
    Activation activation = operands.activation();
    Shape inShape = shape(in);
    Shape outShape = shape(out);
    int[] f = filter.shape();
    if (f.length != 4 || f[0] != 1 || f[3] != outShape.c()) {
      shapeError(c, "its filter tensor " + filter.index() + " is " + Arrays.toString(f)
          + " but must be [1, kh, kw, " + outShape.c() + "] for the output's " + outShape.c()
          + " channels");
      return;
    }
    int multiplier = o.depthMultiplier();
    if (multiplier < 1 || (long) inShape.c() * multiplier != outShape.c()) {
      shapeError(c, "depth multiplier " + multiplier + " times the input's " + inShape.c()
          + " channels must give the output's " + outShape.c() + " channels");
      return;
    }
    Window window = window(c, o.padding(), inShape, outShape, f[1], f[2], o.strideH(),
        o.strideW(), o.dilationH(), o.dilationW());
    Weights weights = weights(c, filter, outShape.c(), 3, "filter");
    int[] bias = bias(c, op, outShape.c());
    if (window == null || weights == null || (bias == null && hasBias(op))
        || !multipliersFit(c, in, out, weights)) {
      return;
    }
    ops.add(new Op.DepthwiseConv2d(opName, in, out, weights, bias, multiplier, window,
        activation));
  }

  /** The operands conv and depthwise share: rank-4 input and output, a constant filter. */
  private record ConvOperands(int in, int out, TfliteTensor filter, Activation activation) {}

  /** The operands, or null after reporting why they are unusable. */
  private ConvOperands convOperands(Context c, TfliteOperator op, TfliteActivation fused) {
    Integer in = activationInput(c, op.inputs()[0]);
    Integer out = activationOutput(c, op.outputs()[0]);
    TfliteTensor filter = constant(c, op.inputs()[1], "filter");
    Activation activation = activation(c, fused);
    if (in == null || out == null || filter == null || activation == null
        || !rank4(c, in, "input") || !rank4(c, out, "output")) {
      return null;
    }
    return new ConvOperands(in, out, filter, activation);
  }

  private void fullyConnected(Context c, TfliteOperator op, String opName) {
    if (!inputCount(c, op, 2, 3)) {
      return;
    }
    TfliteActivation act = TfliteActivation.NONE;
    if (op.options() instanceof TfliteOptions.FullyConnected o) {
      if (o.shuffled4x16Weights()) {
        use(c, "its weights are in the SHUFFLED4x16INT8 format; TinyForge reads the DEFAULT one");
        return;
      }
      act = o.activation();
    } else if (op.options() != null) {
      use(c, "its options are not FullyConnectedOptions");
      return;
    }
    Integer in = activationInput(c, op.inputs()[0]);
    Integer out = activationOutput(c, op.outputs()[0]);
    TfliteTensor filter = constant(c, op.inputs()[1], "weights");
    Activation activation = activation(c, act);
    if (in == null || out == null || filter == null || activation == null) {
      return;
    }
    int[] f = filter.shape();
    Shape inShape = shape(in);
    Shape outShape = shape(out);
    if (f.length != 2 || f[1] != inShape.size() || f[0] != outShape.size()
        || outShape.c() != outShape.size()) {
      shapeError(c, "its weights tensor " + filter.index() + " is " + Arrays.toString(f)
          + " but the input holds " + inShape.size() + " values and the output is " + outShape
          + "; TinyForge needs weights [outputs, inputs] with batch 1");
      return;
    }
    Weights weights = weights(c, filter, f[0], 0, "weights");
    int[] bias = bias(c, op, f[0]);
    if (weights == null || (bias == null && hasBias(op)) || !multipliersFit(c, in, out, weights)) {
      return;
    }
    ops.add(new Op.FullyConnected(opName, in, out, weights, bias, activation));
  }

  private void pool(Context c, TfliteOperator op, String opName) {
    if (!inputCount(c, op, 1, 1)) {
      return;
    }
    if (!(op.options() instanceof TfliteOptions.Pool2D o)) {
      use(c, "it has no Pool2DOptions");
      return;
    }
    Integer in = activationInput(c, op.inputs()[0]);
    Integer out = activationOutput(c, op.outputs()[0]);
    Activation activation = activation(c, o.activation());
    if (in == null || out == null || activation == null
        || !rank4(c, in, "input") || !rank4(c, out, "output")) {
      return;
    }
    Shape inShape = shape(in);
    Shape outShape = shape(out);
    if (inShape.c() != outShape.c()) {
      shapeError(c, "the input has " + inShape.c() + " channels but the output "
          + outShape.c());
      return;
    }
    Window window = window(c, o.padding(), inShape, outShape, o.filterHeight(),
        o.filterWidth(), o.strideH(), o.strideW(), 1, 1);
    if (window == null) {
      return;
    }
    boolean max = op.op() == TfliteBuiltinOperator.MAX_POOL_2D;
    ops.add(new Op.Pool2d(opName, max ? "max_pool2d" : "avg_pool2d", max, in, out, window,
        activation));
  }

  private void add(Context c, TfliteOperator op, String opName) {
    if (!inputCount(c, op, 2, 2)) {
      return;
    }
    TfliteActivation act = TfliteActivation.NONE;
    if (op.options() instanceof TfliteOptions.Add o) {
      act = o.activation();
    } else if (op.options() != null) {
      use(c, "its options are not AddOptions");
      return;
    }
    int[] inputs = op.inputs();
    boolean constant0 = subgraph.tensor(inputs[0]).isConstant();
    boolean constant1 = subgraph.tensor(inputs[1]).isConstant();
    if (constant0 && constant1) {
      use(c, "both inputs are constants; there is nothing to compute at run time");
      return;
    }
    if (constant0 || constant1) {
      addConstant(c, op, opName, constant0 ? inputs[1] : inputs[0],
          constant0 ? inputs[0] : inputs[1], act);
      return;
    }
    Integer a = activationInput(c, inputs[0]);
    Integer b = activationInput(c, inputs[1]);
    Integer out = activationOutput(c, op.outputs()[0]);
    Activation activation = activation(c, act);
    if (a == null || b == null || out == null || activation == null) {
      return;
    }
    int[] shapeA = subgraph.tensor(inputs[0]).shape();
    int[] shapeB = subgraph.tensor(inputs[1]).shape();
    int[] shapeOut = subgraph.tensor(op.outputs()[0]).shape();
    if (!Arrays.equals(shapeA, shapeB) || !Arrays.equals(shapeA, shapeOut)) {
      use(c, "it adds " + Arrays.toString(shapeA) + " and " + Arrays.toString(shapeB) + " into "
          + Arrays.toString(shapeOut) + "; TinyForge adds tensors of one shape (no"
          + " broadcasting)");
      return;
    }
    QuantParams qa = quant(a);
    QuantParams qb = quant(b);
    QuantParams qo = quant(out);
    try {
      ActivationRange range = ActivationRange.of(activation, qo.scale(), qo.zeroPoint());
      AddParams.prepare(qa.scale(), qa.zeroPoint(), qb.scale(), qb.zeroPoint(), qo.scale(),
          qo.zeroPoint(), range.min(), range.max());
    } catch (IllegalArgumentException | ArithmeticException e) {
      quantError(c, "its scales (inputs " + qa.scale() + " and " + qb.scale() + ", output "
          + qo.scale() + ") give no int8 ADD: " + e.getMessage());
      return;
    }
    ops.add(new Op.Add(opName, a, b, out, activation));
  }

  /**
   * ADD of a computed tensor and a broadcast constant. The sum is symmetric (each input gets its
   * own multiplier), so the constant is always taken as the second operand.
   */
  private void addConstant(Context c, TfliteOperator op, String opName, int computed,
      int constantIndex, TfliteActivation act) {
    Integer a = activationInput(c, computed);
    Integer out = activationOutput(c, op.outputs()[0]);
    Activation activation = activation(c, act);
    if (a == null || out == null || activation == null || !sameShape(c, computed, op)) {
      return;
    }
    Constant k = constantOperand(c, constantIndex, computed);
    if (k == null) {
      return;
    }
    QuantParams qa = quant(a);
    QuantParams qo = quant(out);
    try {
      ActivationRange range = ActivationRange.of(activation, qo.scale(), qo.zeroPoint());
      AddParams.prepare(qa.scale(), qa.zeroPoint(), k.quant().scale(), k.quant().zeroPoint(),
          qo.scale(), qo.zeroPoint(), range.min(), range.max());
    } catch (IllegalArgumentException | ArithmeticException e) {
      quantError(c, "its scales (input " + qa.scale() + ", constant " + k.quant().scale()
          + ", output " + qo.scale() + ") give no int8 ADD: " + e.getMessage());
      return;
    }
    ops.add(new Op.AddConstant(opName, a, k, out, activation));
  }

  private void mul(Context c, TfliteOperator op, String opName) {
    if (!inputCount(c, op, 2, 2)) {
      return;
    }
    TfliteActivation act = TfliteActivation.NONE;
    if (op.options() instanceof TfliteOptions.Mul o) {
      act = o.activation();
    } else if (op.options() != null) {
      use(c, "its options are not MulOptions");
      return;
    }
    int[] inputs = op.inputs();
    boolean constant0 = subgraph.tensor(inputs[0]).isConstant();
    boolean constant1 = subgraph.tensor(inputs[1]).isConstant();
    if (constant0 && constant1) {
      use(c, "both inputs are constants; there is nothing to compute at run time");
      return;
    }
    int computed = constant0 ? inputs[1] : inputs[0];
    Integer a = activationInput(c, computed);
    Integer b = constant0 || constant1 ? null : activationInput(c, inputs[1]);
    Integer out = activationOutput(c, op.outputs()[0]);
    Activation activation = activation(c, act);
    if (a == null || out == null || activation == null || !sameShape(c, computed, op)) {
      return;
    }
    Constant k = null;
    QuantParams qb;
    if (constant0 || constant1) {
      // (a - zp_a) * (b - zp_b) is symmetric: the constant is always taken as the second operand.
      k = constantOperand(c, constant0 ? inputs[0] : inputs[1], computed);
      if (k == null) {
        return;
      }
      qb = k.quant();
    } else {
      if (b == null || !sameShape(c, inputs[1], op)) {
        return;
      }
      qb = quant(b);
    }
    QuantParams qa = quant(a);
    QuantParams qo = quant(out);
    try {
      ActivationRange range = ActivationRange.of(activation, qo.scale(), qo.zeroPoint());
      MulParams.prepare(qa.scale(), qa.zeroPoint(), qb.scale(), qb.zeroPoint(), qo.scale(),
          qo.zeroPoint(), range.min(), range.max());
    } catch (IllegalArgumentException | ArithmeticException e) {
      quantError(c, "its scales (inputs " + qa.scale() + " and " + qb.scale() + ", output "
          + qo.scale() + ") give no int8 MUL: " + e.getMessage());
      return;
    }
    ops.add(k == null
        ? new Op.Mul(opName, a, b, out, activation)
        : new Op.MulConstant(opName, a, k, out, activation));
  }

  /** PAD (fills with the output zero point) and PADV2 (fills with its int8 constant). */
  private void pad(Context c, TfliteOperator op, String opName) {
    boolean v2 = op.op() == TfliteBuiltinOperator.PADV2;
    if (!inputCount(c, op, 2, 3)) {
      return;
    }
    Integer in = activationInput(c, op.inputs()[0]);
    Integer out = activationOutput(c, op.outputs()[0]);
    if (in == null || out == null) {
      return;
    }
    int[] inShape = subgraph.tensor(op.inputs()[0]).shape();
    int[] outShape = subgraph.tensor(op.outputs()[0]).shape();
    int rank = inShape.length;
    int[] paddings = int32Constant(c, op.inputs()[1], "paddings");
    if (paddings == null) {
      return;
    }
    if (paddings.length != 2 * rank || outShape.length != rank) {
      shapeError(c, "its paddings hold " + paddings.length + " values for a rank-" + rank
          + " input (" + 2 * rank + " expected) and its output has rank " + outShape.length);
      return;
    }
    int[] before = new int[4];
    int[] after = new int[4];
    for (int d = 0; d < rank; d++) {
      int b = paddings[2 * d];
      int a = paddings[2 * d + 1];
      if (b < 0 || a < 0 || (long) inShape[d] + b + a != outShape[d]) {
        shapeError(c, "padding " + b + " before and " + a + " after dimension " + d + " of "
            + Arrays.toString(inShape) + " does not give the output " + Arrays.toString(outShape));
        return;
      }
      before[4 - rank + d] = b;
      after[4 - rank + d] = a;
    }
    QuantParams qi = quant(in);
    QuantParams qo = quant(out);
    if (!qi.equals(qo)) {
      quantError(c, "its input has scale " + qi.scale() + " zp " + qi.zeroPoint() + " and its"
          + " output scale " + qo.scale() + " zp " + qo.zeroPoint() + "; int8 PAD copies codes"
          + " and needs one quantization");
      return;
    }
    int padValue = qo.zeroPoint();
    boolean hasConstant = op.inputs().length == 3 && op.inputs()[2] != TfliteOperator.ABSENT;
    if (hasConstant && !v2) {
      use(c, "PAD takes two inputs; a pad value is PADV2's");
      return;
    }
    if (hasConstant) {
      TfliteTensor value = constant(c, op.inputs()[2], "pad value");
      if (value == null) {
        return;
      }
      if (value.constant().size() != 1) {
        shapeError(c, "its pad value holds " + value.constant().size() + " values, not one");
        return;
      }
      TfliteQuantization q = value.quantization();
      if (!q.isPerTensor() || q.scale() != qo.scale() || q.zeroPoint() != qo.zeroPoint()) {
        quantError(c, "its pad value's quantization " + q + " is not the output's (scale "
            + qo.scale() + ", zp " + qo.zeroPoint() + "), as TF Lite Micro requires");
        return;
      }
      padValue = value.constant().byteAt(0);
    }
    ops.add(new Op.Pad(opName, in, out, before, after, (byte) padValue));
  }

  private void concatenation(Context c, TfliteOperator op, String opName) {
    if (!inputCount(c, op, 1, Integer.MAX_VALUE)) {
      return;
    }
    if (!(op.options() instanceof TfliteOptions.Concatenation o)) {
      use(c, "it has no ConcatenationOptions");
      return;
    }
    if (o.activation() != TfliteActivation.NONE) {
      use(c, "its fused activation " + o.activation() + " is not supported on CONCATENATION");
      return;
    }
    int[] outShape = subgraph.tensor(op.outputs()[0]).shape();
    int rank = outShape.length;
    int axis = o.axis() < 0 ? o.axis() + rank : o.axis();
    if (axis < 0 || axis >= rank) {
      shapeError(c, "axis " + o.axis() + " is outside its rank-" + rank + " output");
      return;
    }
    List<Integer> parts = new ArrayList<>();
    long along = 0;
    for (int t : op.inputs()) {
      if (t == TfliteOperator.ABSENT) {
        use(c, "an input is absent");
        return;
      }
      Integer part = activationInput(c, t);
      if (part == null) {
        return;
      }
      int[] s = subgraph.tensor(t).shape();
      boolean fits = s.length == rank;
      for (int d = 0; fits && d < rank; d++) {
        fits = d == axis || s[d] == outShape[d];
      }
      if (!fits) {
        shapeError(c, "input " + Arrays.toString(s) + " does not match the output "
            + Arrays.toString(outShape) + " outside axis " + axis);
        return;
      }
      along += s[axis];
      parts.add(part);
    }
    Integer out = activationOutput(c, op.outputs()[0]);
    if (out == null) {
      return;
    }
    if (along != outShape[axis]) {
      shapeError(c, "its inputs give " + along + " along axis " + axis + " but the output has "
          + outShape[axis]);
      return;
    }
    float[] scales = new float[parts.size()];
    int[] zeroPoints = new int[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      scales[i] = quant(parts.get(i)).scale();
      zeroPoints[i] = quant(parts.get(i)).zeroPoint();
    }
    try {
      Concatenation.requireSameQuantization(scales, zeroPoints, quant(out).scale(),
          quant(out).zeroPoint());
    } catch (IllegalArgumentException e) {
      quantError(c, e.getMessage());
      return;
    }
    ops.add(new Op.Concatenation(opName, parts, out, 4 - rank + axis));
  }

  /** MEAN over axes 1 and 2 of a [1, h, w, c] tensor, with or without keep_dims. */
  private void mean(Context c, TfliteOperator op, String opName) {
    if (!inputCount(c, op, 2, 2)) {
      return;
    }
    Integer in = activationInput(c, op.inputs()[0]);
    Integer out = activationOutput(c, op.outputs()[0]);
    int[] axes = int32Constant(c, op.inputs()[1], "axes");
    if (in == null || out == null || axes == null || !rank4(c, in, "input")) {
      return;
    }
    Set<Integer> normalized = new HashSet<>();
    for (int a : axes) {
      normalized.add(a < 0 ? a + 4 : a);
    }
    if (!normalized.equals(Set.of(1, 2))) {
      use(c, "it averages over axes " + Arrays.toString(axes) + "; TinyForge takes MEAN over"
          + " height and width (axes 1 and 2)");
      return;
    }
    if (shape(out).size() != shape(in).c()) {
      shapeError(c, "the output " + shape(out) + " is not one value per channel of the input "
          + shape(in));
      return;
    }
    QuantParams qi = quant(in);
    QuantParams qo = quant(out);
    try {
      MeanParams.prepare(qi.scale(), qi.zeroPoint(), qo.scale(), qo.zeroPoint(),
          shape(in).h() * shape(in).w());
    } catch (RuntimeException e) {
      quantError(c, "input scale " + qi.scale() + " zp " + qi.zeroPoint() + ", output scale "
          + qo.scale() + " zp " + qo.zeroPoint() + " give no int8 MEAN: " + e.getMessage());
      return;
    }
    ops.add(new Op.Mean(opName, in, out));
  }

  /** RELU, RELU6, LOGISTIC, TANH, HARD_SWISH: one input, the same shape out. */
  private void elementwise(Context c, TfliteOperator op, String opName, Op.Function function) {
    if (!inputCount(c, op, 1, 1)) {
      return;
    }
    Integer in = activationInput(c, op.inputs()[0]);
    Integer out = activationOutput(c, op.outputs()[0]);
    if (in == null || out == null || !sameShape(c, op.inputs()[0], op)) {
      return;
    }
    QuantParams qi = quant(in);
    QuantParams qo = quant(out);
    if (function == Op.Function.LOGISTIC && qo.zeroPoint() != -128) {
      quantError(c, "its output zero point is " + qo.zeroPoint() + "; int8 LOGISTIC writes"
          + " scale 1/256 and zero point -128 (as TF Lite Micro requires)");
      return;
    }
    try {
      switch (function) {
        case RELU -> ReluParams.prepare(qi.scale(), qi.zeroPoint(), qo.scale(), qo.zeroPoint());
        case LOGISTIC, TANH -> SigmoidParams.prepare(qi.scale(), qi.zeroPoint());
        case HARD_SWISH ->
            HardSwishParams.prepare(qi.scale(), qi.zeroPoint(), qo.scale(), qo.zeroPoint());
        case RELU6 -> { } // a clamp on the input codes: nothing to fail
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      quantError(c, "input scale " + qi.scale() + ", output scale " + qo.scale() + " give no"
          + " int8 " + op.opName() + ": " + e.getMessage());
      return;
    }
    ops.add(new Op.Elementwise(opName, function, in, out));
  }

  /** QUANTIZE between two int8 tensors (float QUANTIZE is the model's boundary or an error). */
  private void quantize(Context c, TfliteOperator op, String opName) {
    if (!inputCount(c, op, 1, 1)) {
      return;
    }
    Integer in = activationInput(c, op.inputs()[0]);
    Integer out = activationOutput(c, op.outputs()[0]);
    if (in == null || out == null || !sameShape(c, op.inputs()[0], op)) {
      return;
    }
    QuantParams qi = quant(in);
    QuantParams qo = quant(out);
    try {
      Quantize.RequantizeParams.prepare(qi.scale(), qi.zeroPoint(), qo.scale(), qo.zeroPoint());
    } catch (IllegalArgumentException | ArithmeticException e) {
      quantError(c, "input scale " + qi.scale() + " / output scale " + qo.scale() + " gives no"
          + " int8 QUANTIZE: " + e.getMessage());
      return;
    }
    ops.add(new Op.Quantize(opName, in, out));
  }

  private void softmax(Context c, TfliteOperator op, String opName) {
    if (!inputCount(c, op, 1, 1)) {
      return;
    }
    float beta = op.options() instanceof TfliteOptions.Softmax o ? o.beta() : 0f;
    Integer in = activationInput(c, op.inputs()[0]);
    Integer out = activationOutput(c, op.outputs()[0]);
    if (in == null || out == null) {
      return;
    }
    if (!shape(in).equals(shape(out))) {
      shapeError(c, "the input is " + shape(in) + " but the output " + shape(out));
      return;
    }
    QuantParams qo = quant(out);
    if (qo.zeroPoint() != -128
        || Math.abs(qo.scale() - SOFTMAX_OUTPUT_SCALE) > 0.001f / 256) {
      quantError(c, "its output has scale " + qo.scale() + " and zero point " + qo.zeroPoint()
          + "; int8 SOFTMAX writes scale 1/256 and zero point -128 (as TF Lite Micro requires)");
      return;
    }
    try {
      SoftmaxParams.prepare(quant(in).scale(), beta);
    } catch (IllegalArgumentException | ArithmeticException e) {
      quantError(c, "beta " + beta + " with input scale " + quant(in).scale()
          + " gives no int8 SOFTMAX: " + e.getMessage());
      return;
    }
    ops.add(new Op.Softmax(opName, in, out, beta));
  }

  private void reshape(Context c, TfliteOperator op, String opName) {
    if (op.inputs().length < 1) {
      use(c, "it has no input");
      return;
    }
    Integer in = activationInput(c, op.inputs()[0]);
    Integer out = activationOutput(c, op.outputs()[0]);
    if (in == null || out == null) {
      return;
    }
    if (shape(in).size() != shape(out).size()) {
      shapeError(c, "the input " + shape(in) + " holds " + shape(in).size()
          + " values but the output " + shape(out) + " holds " + shape(out).size());
      return;
    }
    String kind = op.op() == TfliteBuiltinOperator.SQUEEZE ? "squeeze" : "reshape";
    ops.add(new Op.Reshape(opName, kind, in, out));
  }

  // ---------------------------------------------------------------- operands

  /** The TFLite shapes of input {@code tflite} and the operator's output are equal. */
  private boolean sameShape(Context c, int tflite, TfliteOperator op) {
    int[] in = subgraph.tensor(tflite).shape();
    int[] out = subgraph.tensor(op.outputs()[0]).shape();
    if (!Arrays.equals(in, out)) {
      use(c, "its input tensor " + tflite + " is " + Arrays.toString(in) + " but its output "
          + Arrays.toString(out) + "; only a constant operand broadcasts");
      return false;
    }
    return true;
  }

  /**
   * A constant int8 operand with one scale and zero point that broadcasts over the computed
   * tensor {@code computed}: a scalar, one value per channel (last axis), or the same shape.
   */
  private Constant constantOperand(Context c, int index, int computed) {
    TfliteTensor t = constant(c, index, "constant");
    if (t == null) {
      return null;
    }
    TfliteQuantization q = t.quantization();
    String what = c.prefix() + ": its constant tensor " + index + " '" + t.name() + "'";
    if (!q.isQuantized() || !q.isPerTensor()) {
      quantError(what + " needs one scale and zero point");
      return null;
    }
    if (!(q.scale() > 0) || Float.isInfinite(q.scale())
        || q.zeroPoint() < -128 || q.zeroPoint() > 127) {
      quantError(what + " has scale " + q.scale() + " and zero point " + q.zeroPoint());
      return null;
    }
    int[] k = t.shape();
    int[] a = subgraph.tensor(computed).shape();
    if (!broadcasts(k, a)) {
      use(c, "its constant " + Arrays.toString(k) + " does not broadcast over "
          + Arrays.toString(a) + " as TinyForge does it: a scalar, one value per channel (last"
          + " axis), or the same shape");
      return null;
    }
    return new Constant(t.data(), new QuantParams(q.scale(), (int) q.zeroPoint()));
  }

  static boolean broadcasts(int[] constant, int[] computed) {
    int[] k = withoutLeadingOnes(constant);
    int[] a = withoutLeadingOnes(computed);
    if (k.length == 0 || Arrays.equals(k, a)) {
      return true;
    }
    return k.length == 1 && a.length > 0 && k[0] == a[a.length - 1];
  }

  private static int[] withoutLeadingOnes(int[] shape) {
    int first = 0;
    while (first < shape.length && shape[first] == 1) {
      first++;
    }
    return Arrays.copyOfRange(shape, first, shape.length);
  }

  /** The values of a constant int32 operand (paddings, axes), or null (reported). */
  private int[] int32Constant(Context c, int index, String role) {
    if (index == TfliteOperator.ABSENT) {
      use(c, "its " + role + " input is absent");
      return null;
    }
    TfliteTensor t = subgraph.tensor(index);
    if (!t.isConstant()) {
      use(c, "its " + role + " tensor " + index + " is computed at run time; TinyForge needs"
          + " constant " + role);
      return null;
    }
    if (t.type() != TfliteTensorType.INT32) {
      use(c, "its " + role + " tensor " + index + " is " + t.type() + "; TinyForge reads INT32 "
          + role);
      return null;
    }
    long n = elements(t);
    if (n < 0 || n > 64 || t.constant().size() != 4 * n) {
      shapeError(c, "its " + role + " tensor " + index + " is " + Arrays.toString(t.shape())
          + " but holds " + t.constant().size() + " bytes");
      return null;
    }
    ByteBuffer buffer = t.constant().asReadOnlyBuffer();
    int[] values = new int[(int) n];
    for (int i = 0; i < values.length; i++) {
      values[i] = buffer.getInt();
    }
    return values;
  }

  private boolean inputCount(Context c, TfliteOperator op, int min, int max) {
    int n = op.inputs().length;
    if (n < min || n > max) {
      use(c, "it has " + n + " inputs; " + (min == max ? "" + min : min + " to " + max)
          + " expected");
      return false;
    }
    for (int i = 0; i < min; i++) {
      if (op.inputs()[i] == TfliteOperator.ABSENT) {
        use(c, "its required input " + i + " is absent");
        return false;
      }
    }
    return true;
  }

  private Integer activationInput(Context c, int index) {
    if (index == TfliteOperator.ABSENT) {
      use(c, "its input is absent");
      return null;
    }
    TfliteTensor t = subgraph.tensor(index);
    if (t.isConstant()) {
      use(c, "its input tensor " + index + " '" + t.name() + "' is a constant; TinyForge needs"
          + " it computed from the model input");
      return null;
    }
    if (!written.contains(index)) {
      use(c, "it reads tensor " + index + " '" + t.name() + "', which neither the model input"
          + " nor an earlier operator provides (variable and state tensors are not supported)");
      return null;
    }
    return graphTensor(c, index);
  }

  private Integer activationOutput(Context c, int index) {
    TfliteTensor t = subgraph.tensor(index);
    if (t.isConstant() || written.contains(index) || graphTensorOf.containsKey(index)) {
      use(c, "it writes tensor " + index + " '" + t.name() + "', which is a constant or already"
          + " written");
      return null;
    }
    return graphTensor(c, index);
  }

  /** The graph tensor for an activation, made on first use; null (reported once) if unfit. */
  private Integer graphTensor(Context c, int index) {
    Integer id = graphTensorOf.get(index);
    if (id != null || badTensors.contains(index)) {
      return id;
    }
    TfliteTensor t = subgraph.tensor(index);
    Shape shape = activationShape(c, t);
    QuantParams quant = activationQuant(c, t);
    if (shape == null || quant == null) {
      badTensors.add(index);
      return null;
    }
    id = tensors.size();
    tensors.add(new Tensor(id, t.name().isEmpty() ? "t" + index : t.name(), shape, quant));
    graphTensorOf.put(index, id);
    return id;
  }

  private Shape activationShape(Context c, TfliteTensor t) {
    int[] s = t.shape();
    int[] signature = t.shapeSignature();
    for (int i = 1; i < signature.length; i++) {
      if (signature[i] < 0) {
        error(Message.TFLITE_DYNAMIC_SHAPE, t.index(), t.name(), Arrays.toString(signature));
        return null;
      }
    }
    String what = c.prefix() + ": tensor " + t.index() + " '" + t.name() + "' "
        + Arrays.toString(s);
    if (s.length == 0 || s.length > 4) {
      shapeError(what + " has rank " + s.length + "; TinyForge takes [1, h, w, c], [1, n] and"
          + " [n] activations");
      return null;
    }
    if (s.length >= 2 && s[0] != 1) {
      shapeError(what + " has batch " + s[0] + "; TinyForge compiles batch 1");
      return null;
    }
    long size = 1;
    for (int d : s) {
      size *= d;
      if (d < 1 || size > Integer.MAX_VALUE / 4) {
        shapeError(what + " is empty or too large for an arena");
        return null;
      }
    }
    return switch (s.length) {
      case 1 -> Shape.vector(s[0]);
      case 2 -> Shape.vector(s[1]);
      case 3 -> new Shape(1, s[1], s[2]);
      default -> new Shape(s[1], s[2], s[3]);
    };
  }

  private QuantParams activationQuant(Context c, TfliteTensor t) {
    TfliteQuantization q = t.quantization();
    String what = c.prefix() + ": tensor " + t.index() + " '" + t.name() + "'";
    if (!q.isQuantized()) {
      quantError(what + " has no quantization; int8 activations need a scale and a zero point");
      return null;
    }
    if (!q.isPerTensor()) {
      quantError(what + " has " + q.scales().length + " scales; activations take one scale"
          + " (per-tensor quantization)");
      return null;
    }
    float scale = q.scale();
    long zp = q.zeroPoint();
    if (!(scale > 0) || Float.isInfinite(scale)) {
      quantError(what + " has scale " + scale + "; a scale must be positive and finite");
      return null;
    }
    if (zp < -128 || zp > 127) {
      quantError(what + " has zero point " + zp + ", outside int8");
      return null;
    }
    return new QuantParams(scale, (int) zp);
  }

  private TfliteTensor constant(Context c, int index, String role) {
    TfliteTensor t = subgraph.tensor(index);
    if (!t.isConstant()) {
      use(c, "its " + role + " tensor " + index + " '" + t.name() + "' is computed at run time;"
          + " TinyForge needs constant " + role);
      return null;
    }
    if (t.type() != TfliteTensorType.INT8) {
      error(Message.TFLITE_NOT_INT8, c.prefix() + "'s " + role + " tensor " + index + " '"
          + t.name() + "'", t.type(), "");
      return null;
    }
    if (elements(t) != t.constant().size()) {
      shapeError(c, "its " + role + " tensor " + index + " is " + Arrays.toString(t.shape())
          + " but holds " + t.constant().size() + " bytes");
      return null;
    }
    return t;
  }

  /** Symmetric int8 weights, one scale or one per output channel along {@code channelDim}. */
  private Weights weights(Context c, TfliteTensor t, int channels, int channelDim, String role) {
    TfliteQuantization q = t.quantization();
    String what = c.prefix() + ": its " + role + " tensor " + t.index() + " '" + t.name() + "'";
    float[] scales = q.scales();
    if (scales.length == 0) {
      quantError(what + " has no quantization; int8 weights need their scales");
      return null;
    }
    if (scales.length != 1 && scales.length != channels) {
      quantError(what + " has " + scales.length + " scales; it needs 1 or one per output channel"
          + " (" + channels + ")");
      return null;
    }
    if (scales.length > 1 && q.quantizedDimension() != channelDim) {
      quantError(what + " is quantized along dimension " + q.quantizedDimension()
          + "; per-channel weights must be quantized along dimension " + channelDim);
      return null;
    }
    for (float s : scales) {
      if (!(s > 0) || Float.isInfinite(s)) {
        quantError(what + " has the scale " + s + "; scales must be positive and finite");
        return null;
      }
    }
    for (long zp : q.zeroPoints()) {
      if (zp != 0) {
        quantError(what + " has zero point " + zp + "; TinyForge takes symmetric int8 weights"
            + " (zero point 0)");
        return null;
      }
    }
    return new Weights(t.data(), scales);
  }

  private static boolean hasBias(TfliteOperator op) {
    return op.inputs().length > 2 && op.inputs()[2] != TfliteOperator.ABSENT;
  }

  /** The int32 bias, or null when absent (or unfit, which is reported). */
  private int[] bias(Context c, TfliteOperator op, int channels) {
    if (!hasBias(op)) {
      return null;
    }
    int index = op.inputs()[2];
    TfliteTensor t = subgraph.tensor(index);
    if (!t.isConstant()) {
      use(c, "its bias tensor " + index + " is computed at run time; TinyForge needs a constant"
          + " bias");
      return null;
    }
    if (t.type() != TfliteTensorType.INT32) {
      error(Message.TFLITE_NOT_INT8, c.prefix() + "'s bias tensor " + index + " '" + t.name()
          + "'", t.type(), " (int8 operators take int32 biases)");
      return null;
    }
    if (elements(t) != channels || t.constant().size() != 4L * channels) {
      shapeError(c, "its bias tensor " + index + " is " + Arrays.toString(t.shape()) + " but the"
          + " operator has " + channels + " output channels");
      return null;
    }
    ByteBuffer buffer = t.constant().asReadOnlyBuffer();
    int[] values = new int[channels];
    for (int i = 0; i < channels; i++) {
      values[i] = buffer.getInt();
    }
    return values;
  }

  private Activation activation(Context c, TfliteActivation act) {
    if (act == null) {
      use(c, "its fused activation is unknown");
      return null;
    }
    return switch (act) {
      case NONE -> Activation.NONE;
      case RELU -> Activation.RELU;
      case RELU6 -> Activation.RELU6;
      default -> {
        use(c, "its fused activation " + act + " is not supported; TinyForge fuses NONE, RELU"
            + " and RELU6");
        yield null;
      }
    };
  }

  /**
   * Lowering's requantization must exist: every in_scale * w_scale / out_scale below 2^30 (the
   * per-tensor dense product taken in float, as Lowering does).
   */
  private boolean multipliersFit(Context c, int in, int out, Weights weights) {
    float inScale = quant(in).scale();
    float outScale = quant(out).scale();
    for (float w : weights.scales()) {
      double real = (double) inScale * (double) w / (double) outScale;
      double realFloatProduct = (double) (inScale * w) / (double) outScale;
      try {
        QuantizedMultiplier.of(real);
        QuantizedMultiplier.of(realFloatProduct);
      } catch (ArithmeticException e) {
        quantError(c, "input scale " + inScale + " x weight scale " + w + " / output scale "
            + outScale + " = " + real + " is too large for a Q31 multiplier");
        return false;
      }
      if (realFloatProduct == 0 || Double.isNaN(real)) {
        quantError(c, "input scale " + inScale + " x weight scale " + w + " underflows");
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- geometry

  private boolean rank4(Context c, int graphTensor, String role) {
    int tflite = tfliteIndexOf(graphTensor);
    int rank = subgraph.tensor(tflite).rank();
    if (rank != 4) {
      shapeError(c, "its " + role + " tensor " + tflite + " has rank " + rank + "; it takes"
          + " [1, h, w, c]");
      return false;
    }
    return true;
  }

  /**
   * TF Lite Micro's ComputePaddingHeightWidth: output size from the padding, then the leading
   * padding as half the total, rounded down. The declared output must have that size.
   */
  private Window window(Context c, TflitePadding padding, Shape in, Shape out, int kernelH,
      int kernelW, int strideH, int strideW, int dilationH, int dilationW) {
    if (padding == null || kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1
        || dilationH < 1 || dilationW < 1) {
      use(c, "window " + kernelH + "x" + kernelW + ", stride " + strideH + "x" + strideW
          + ", dilation " + dilationH + "x" + dilationW + ", padding " + padding
          + ": each must be at least 1 and padding SAME or VALID");
      return null;
    }
    long outH = outSize(padding, in.h(), kernelH, strideH, dilationH);
    long outW = outSize(padding, in.w(), kernelW, strideW, dilationW);
    if (outH != out.h() || outW != out.w()) {
      shapeError(c, "a " + kernelH + "x" + kernelW + " window with stride " + strideH + "x"
          + strideW + ", dilation " + dilationH + "x" + dilationW + " and " + padding
          + " padding on a " + in + " input gives " + outH + "x" + outW + ", but the output is "
          + out);
      return null;
    }
    long padTop = padding(strideH, dilationH, in.h(), kernelH, out.h());
    long padLeft = padding(strideW, dilationW, in.w(), kernelW, out.w());
    long effectiveH = (long) (kernelH - 1) * dilationH + 1;
    long effectiveW = (long) (kernelW - 1) * dilationW + 1;
    if (padTop > Integer.MAX_VALUE / 4 || padLeft > Integer.MAX_VALUE / 4
        || effectiveH > Integer.MAX_VALUE / 4 || effectiveW > Integer.MAX_VALUE / 4) {
      use(c, "a " + kernelH + "x" + kernelW + " window with dilation " + dilationH + "x"
          + dilationW + " is far larger than its " + in + " input");
      return null;
    }
    return new Window(kernelH, kernelW, strideH, strideW, dilationH, dilationW, (int) padTop,
        (int) padLeft);
  }


  /** TFLM's ComputeOutSize (in long: a crafted file's window must not overflow). */
  static long outSize(TflitePadding padding, int in, int kernel, int stride, int dilation) {
    long effective = (long) (kernel - 1) * dilation + 1;
    return padding == TflitePadding.SAME
        ? ((long) in + stride - 1) / stride
        : Math.floorDiv((long) in + stride - effective, stride);
  }

  /** TFLM's ComputePaddingWithOffset: half the total padding, the odd pixel at the end. */
  static long padding(int stride, int dilation, int in, int kernel, int out) {
    long effective = (long) (kernel - 1) * dilation + 1;
    long total = (long) (out - 1) * stride + effective - in;
    return Math.max(total, 0) / 2;
  }

  // ---------------------------------------------------------------- helpers

  /** The tensor's element count, or -1 when a dimension is negative or the count overflows. */
  private static long elements(TfliteTensor t) {
    long count = 1;
    for (int d : t.shape()) {
      if (d < 0 || (d > 0 && count > Long.MAX_VALUE / d)) {
        return -1;
      }
      count *= d;
    }
    return count;
  }

  private Shape shape(int graphTensor) {
    return tensors.get(graphTensor).shape();
  }

  private QuantParams quant(int graphTensor) {
    return tensors.get(graphTensor).quant();
  }

  private int tfliteIndexOf(int graphTensor) {
    for (Map.Entry<Integer, Integer> e : graphTensorOf.entrySet()) {
      if (e.getValue() == graphTensor) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("graph tensor " + graphTensor + " has no TFLite tensor");
  }

  private void use(Context c, String why) {
    error(Message.TFLITE_UNSUPPORTED_USE, c.prefix(), why);
  }

  private void shapeError(Context c, String why) {
    shapeError(c.prefix() + ": " + why);
  }

  private void shapeError(String text) {
    error(Message.TFLITE_SHAPE, text);
  }

  private void quantError(Context c, String why) {
    quantError(c.prefix() + ": " + why);
  }

  private void quantError(String text) {
    error(Message.TFLITE_QUANTIZATION, text);
  }

  private void error(Message message, Object... args) {
    failed = true;
    problems.error(LOCUS, message, args);
  }
}
