package dev.tinyforge.emit.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tinyforge.emit.GeneratedFile;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.LayerFacts;
import dev.tinyforge.engine.Step;
import dev.tinyforge.kernels.Dims;
import dev.tinyforge.kernels.Requant;
import dev.tinyforge.kernels.Window;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes the Java mirror of a model: a class that runs the same kernel calls as the firmware, on
 * the same arena layout, with the Java reference kernels, plus the model's facts as constants.
 * Its constants go to a resource beside it, in the order the static initializer reads them.
 */
public final class MirrorWriter {
  private static final String KERNELS = "dev.tinyforge.kernels";
  private static final ClassName DIMS = ClassName.get(KERNELS, "Dims");
  private static final ClassName WINDOW = ClassName.get(KERNELS, "Window");
  private static final ClassName REQUANT = ClassName.get(KERNELS, "Requant");
  private static final ClassName ADD_PARAMS = ClassName.get(KERNELS, "AddParams");
  private static final ClassName SOFTMAX_PARAMS = ClassName.get(KERNELS, "SoftmaxParams");
  private static final ClassName MUL_PARAMS = ClassName.get(KERNELS, "MulParams");
  private static final ClassName MEAN_PARAMS = ClassName.get(KERNELS, "MeanParams");
  private static final ClassName SIGMOID_PARAMS = ClassName.get(KERNELS, "SigmoidParams");
  private static final ClassName HARD_SWISH_PARAMS = ClassName.get(KERNELS, "HardSwishParams");
  private static final ClassName RELU_PARAMS = ClassName.get(KERNELS, "ReluParams");
  private static final ClassName ACTIVATION_RANGE = ClassName.get(KERNELS, "ActivationRange");
  private static final ClassName QUANTIZE = ClassName.get(KERNELS, "Quantize");
  private static final ClassName REQUANTIZE_PARAMS =
      ClassName.get(KERNELS, "Quantize", "RequantizeParams");
  private static final ClassName BLOB = ClassName.get("dev.tinyforge.mirror", "ConstantBlob");
  private static final ClassName LAYER_FACTS = ClassName.get("dev.tinyforge.engine", "LayerFacts");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName MIRROR = ClassName.get("dev.tinyforge.mirror", "ModelMirror");
  private static final TypeName BYTES = ArrayTypeName.of(TypeName.BYTE);
  private static final TypeName INTS = ArrayTypeName.of(TypeName.INT);
  private static final TypeName FLOATS = ArrayTypeName.of(TypeName.FLOAT);

  private final String packageName;
  private final String className;
  private final Engine engine;
  private final ByteArrayOutputStream blob = new ByteArrayOutputStream();
  private final CodeBlock.Builder init = CodeBlock.builder();
  private final CodeBlock.Builder run = CodeBlock.builder();
  private final List<FieldSpec> constants = new ArrayList<>();
  /** Constant fields already written: a patch-based stage calls each layer once per patch. */
  private final java.util.Set<String> defined = new java.util.HashSet<>();

  private MirrorWriter(String packageName, String className, Engine engine) {
    this.packageName = packageName;
    this.className = className;
    this.engine = engine;
  }

  /** The mirror's source and its constants resource. */
  public static List<GeneratedFile> write(String packageName, String className, Engine engine) {
    return new MirrorWriter(packageName, className, engine).write();
  }

  private List<GeneratedFile> write() {
    String resource = className + ".bin";
    init.addStatement("$T blob = $T.load($L.class, $S)", BLOB, BLOB, className, resource);
    for (Step step : engine.steps()) {
      addStep(step);
    }
    init.addStatement("blob.expectEnd()");
    TypeSpec type = TypeSpec.classBuilder(className)
        .addJavadoc("Java mirror of the $L engine for $L: runs bit-exactly like its firmware.\n",
            engine.name(), engine.budget().board())
        .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", "dev.tinyforge.processor.TinyModelProcessor").build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addFields(facts())
        .addField(layersField())
        .addFields(constants)
        .addStaticBlock(init.build())
        .addField(FieldSpec.builder(BYTES, "arena", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new byte[ARENA_BYTES]").build())
        .addSuperinterface(MIRROR)
        .addMethods(accessors())
        .addMethod(invoke())
        .addMethod(quantizeInput())
        .addMethod(dequantizeOutput())
        .addMethod(MethodSpec.methodBuilder("run")
            .addJavadoc("Runs the layers on the arena, in the firmware's order.\n")
            .addModifiers(Modifier.PRIVATE).addCode(run.build()).build())
        .build();
    JavaFile file = JavaFile.builder(packageName, type).skipJavaLangImports(true).build();
    String qualified = packageName.isEmpty() ? className : packageName + "." + className;
    String resourcePath = packageName.isEmpty()
        ? resource : packageName.replace('.', '/') + "/" + resource;
    return List.of(
        GeneratedFile.text(GeneratedFile.Kind.JAVA_SOURCE, qualified, file.toString()),
        new GeneratedFile(GeneratedFile.Kind.CLASS_RESOURCE, resourcePath, blob.toByteArray()));
  }

  private List<FieldSpec> facts() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(constant(String.class, "NAME", "$S", engine.name()));
    fields.add(constant(String.class, "BOARD", "$S", engine.budget().board()));
    fields.add(constant(int.class, "INPUT_BYTES", "$L", engine.inputBytes()));
    fields.add(constant(int.class, "OUTPUT_BYTES", "$L", engine.outputBytes()));
    fields.add(constant(int.class, "ARENA_BYTES", "$L", engine.arenaBytes()));
    fields.add(constant(float.class, "INPUT_SCALE", "$Lf", floatText(engine.inputQuant().scale())));
    fields.add(constant(int.class, "INPUT_ZERO_POINT", "$L", engine.inputQuant().zeroPoint()));
    fields.add(constant(float.class, "OUTPUT_SCALE", "$Lf",
        floatText(engine.outputQuant().scale())));
    fields.add(constant(int.class, "OUTPUT_ZERO_POINT", "$L", engine.outputQuant().zeroPoint()));
    fields.add(constant(long.class, "MACS", "$LL", engine.macs()));
    fields.add(constant(long.class, "CONSTANT_BYTES", "$LL", engine.constantBytes()));
    fields.add(constant(long.class, "FLASH_BYTES_ESTIMATE", "$LL", engine.flashBytesEstimate()));
    fields.add(constant(long.class, "PEAK_SRAM_BYTES", "$LL", engine.peakSramBytes()));
    fields.add(constant(long.class, "SRAM_BUDGET_BYTES", "$LL", engine.budget().sramBytes()));
    fields.add(constant(long.class, "FLASH_BUDGET_BYTES", "$LL", engine.budget().flashBytes()));
    return fields;
  }

  private FieldSpec layersField() {
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n", List.class).indent();
    for (int i = 0; i < engine.layers().size(); i++) {
      LayerFacts l = engine.layers().get(i);
      list.add("new $T($S, $S, new int[] {$L, $L, $L}, $LL, $LL, $LL, $L, $L, $L)$L\n",
          LAYER_FACTS, l.name(), l.op(), l.outputShape()[0], l.outputShape()[1],
          l.outputShape()[2], l.macs(), l.params(), l.constantBytes(), l.outputOffset(),
          l.outputBytes(), l.bytesLive(), i + 1 < engine.layers().size() ? "," : "");
    }
    list.unindent().add(")");
    return FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), LAYER_FACTS),
            "LAYERS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The layers in order: op, output shape, MACs, parameters, arena placement.\n")
        .initializer(list.build()).build();
  }

  /** The {@code ModelMirror} methods, each returning its static constant. */
  private static List<MethodSpec> accessors() {
    Object[][] pairs = {
      {"name", String.class, "NAME"}, {"board", String.class, "BOARD"},
      {"inputBytes", int.class, "INPUT_BYTES"}, {"outputBytes", int.class, "OUTPUT_BYTES"},
      {"arenaBytes", int.class, "ARENA_BYTES"}, {"macs", long.class, "MACS"},
      {"peakSramBytes", long.class, "PEAK_SRAM_BYTES"},
      {"flashBytesEstimate", long.class, "FLASH_BYTES_ESTIMATE"},
      {"sramBudgetBytes", long.class, "SRAM_BUDGET_BYTES"},
      {"flashBudgetBytes", long.class, "FLASH_BUDGET_BYTES"},
      {"inputScale", float.class, "INPUT_SCALE"}, {"inputZeroPoint", int.class, "INPUT_ZERO_POINT"},
      {"outputScale", float.class, "OUTPUT_SCALE"},
      {"outputZeroPoint", int.class, "OUTPUT_ZERO_POINT"},
    };
    List<MethodSpec> methods = new ArrayList<>();
    for (Object[] pair : pairs) {
      methods.add(MethodSpec.methodBuilder((String) pair[0]).addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns((Class<?>) pair[1])
          .addStatement("return $L", pair[2]).build());
    }
    methods.add(MethodSpec.methodBuilder("layers").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), LAYER_FACTS))
        .addStatement("return LAYERS").build());
    return methods;
  }

  private MethodSpec invoke() {
    return MethodSpec.methodBuilder("invoke")
        .addAnnotation(Override.class)
        .addJavadoc("Runs one inference: $L input bytes in, $L output bytes out.\n",
            engine.inputBytes(), engine.outputBytes())
        .addModifiers(Modifier.PUBLIC)
        .returns(BYTES)
        .addParameter(BYTES, "input")
        .beginControlFlow("if (input.length != INPUT_BYTES)")
        .addStatement("throw new $T($S + INPUT_BYTES + $S + input.length)",
            IllegalArgumentException.class, "the input must have ", " bytes, not ")
        .endControlFlow()
        .addStatement("$T.arraycopy(input, 0, arena, $L, INPUT_BYTES)", System.class,
            engine.inputOffset())
        .addStatement("run()")
        .addStatement("return $T.copyOfRange(arena, $L, $L + OUTPUT_BYTES)",
            java.util.Arrays.class, engine.outputOffset(), engine.outputOffset())
        .build();
  }

  private MethodSpec quantizeInput() {
    return MethodSpec.methodBuilder("quantizeInput")
        .addAnnotation(Override.class)
        .addJavadoc("The float input as TF Lite Micro's QUANTIZE takes it to int8: x / scale in"
            + " float32,\nrounded half away from zero, plus the zero point, clamped.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(BYTES)
        .addParameter(FLOATS, "values")
        .beginControlFlow("if (values.length != INPUT_BYTES)")
        .addStatement("throw new $T($S + INPUT_BYTES + $S + values.length)",
            IllegalArgumentException.class, "the input must have ", " values, not ")
        .endControlFlow()
        .addStatement("byte[] codes = new byte[INPUT_BYTES]")
        .addStatement("$T.fromFloat(values, 0, codes, 0, INPUT_BYTES, INPUT_SCALE,"
            + " INPUT_ZERO_POINT)", QUANTIZE)
        .addStatement("return codes")
        .build();
  }

  private MethodSpec dequantizeOutput() {
    return MethodSpec.methodBuilder("dequantizeOutput")
        .addAnnotation(Override.class)
        .addJavadoc("The int8 output as TF Lite Micro's DEQUANTIZE gives it: (q - zero point) *"
            + " scale.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(FLOATS)
        .addParameter(BYTES, "codes")
        .beginControlFlow("if (codes.length != OUTPUT_BYTES)")
        .addStatement("throw new $T($S + OUTPUT_BYTES + $S + codes.length)",
            IllegalArgumentException.class, "the output must have ", " bytes, not ")
        .endControlFlow()
        .addStatement("float[] values = new float[OUTPUT_BYTES]")
        .addStatement("$T.dequantize(codes, 0, values, 0, OUTPUT_BYTES, OUTPUT_SCALE,"
            + " OUTPUT_ZERO_POINT)", QUANTIZE)
        .addStatement("return values")
        .build();
  }

  private void addStep(Step step) {
    String p = step.layer().toUpperCase(Locale.ROOT);
    if (step instanceof Step.Conv conv) {
      String rq = requant(p, conv.requant());
      String filter = bytesConstant(p + "_FILTER", conv.filter());
      run.addStatement("$T.run(arena, $L, $L, $L, $L, arena, $L, $L, $L, $L)",
          kernel("Conv2d"), conv.in(), dims(conv.inDims()), filter, intsOrNull(p, conv.bias()),
          conv.out(), dims(conv.outDims()), window(conv.window()), rq);
    } else if (step instanceof Step.Depthwise dw) {
      String rq = requant(p, dw.requant());
      String filter = bytesConstant(p + "_FILTER", dw.filter());
      run.addStatement("$T.run(arena, $L, $L, $L, $L, arena, $L, $L, $L, $L, $L)",
          kernel("DepthwiseConv2d"), dw.in(), dims(dw.inDims()), filter,
          intsOrNull(p, dw.bias()), dw.out(), dims(dw.outDims()), dw.depthMultiplier(),
          window(dw.window()), rq);
    } else if (step instanceof Step.DepthwiseInPlace dw) {
      String rq = requant(p, dw.requant());
      String filter = bytesConstant(p + "_FILTER", dw.filter());
      run.addStatement("$T.run(arena, $L, $L, $L, $L, $L, $L, $L)",
          kernel("DepthwiseConv2dInPlace"), dw.at(), dims(dw.inDims()), filter,
          intsOrNull(p, dw.bias()), dims(dw.outDims()), window(dw.window()), rq);
    } else if (step instanceof Step.FullyConnected fc) {
      String rq = requant(p, fc.requant());
      String weights = bytesConstant(p + "_WEIGHTS", fc.weights());
      run.addStatement("$T.run(arena, $L, $L, $L, $L, arena, $L, $L, $L)",
          kernel("FullyConnected"), fc.in(), fc.inDepth(), weights, intsOrNull(p, fc.bias()),
          fc.out(), fc.outDepth(), rq);
    } else if (step instanceof Step.Pool pool) {
      run.addStatement("$T.run(arena, $L, $L, arena, $L, $L, $L, $L, $L)",
          kernel(pool.max() ? "MaxPool" : "AvgPool"), pool.in(), dims(pool.inDims()), pool.out(),
          dims(pool.outDims()), window(pool.window()), pool.actMin(), pool.actMax());
    } else if (step instanceof Step.Add add) {
      var a = add.params();
      String params = p + "_PARAMS";
      constants.add(FieldSpec.builder(ADD_PARAMS, params, Modifier.PRIVATE, Modifier.STATIC,
          Modifier.FINAL).initializer("new $T($L, $L, $L, $L, $L, $L, $L, $L, $L, $L, $L, $L)",
              ADD_PARAMS, a.input1Offset(), a.input2Offset(), a.outputOffset(), a.leftShift(),
              a.input1Multiplier(), a.input1Shift(), a.input2Multiplier(), a.input2Shift(),
              a.outputMultiplier(), a.outputShift(), a.actMin(), a.actMax()).build());
      run.addStatement("$T.run(arena, $L, arena, $L, arena, $L, $L, $L)", kernel("Add"),
          add.in1(), add.in2(), add.out(), add.size(), params);
    } else if (step instanceof Step.Softmax softmax) {
      var s = softmax.params();
      String params = p + "_PARAMS";
      constants.add(FieldSpec.builder(SOFTMAX_PARAMS, params, Modifier.PRIVATE, Modifier.STATIC,
          Modifier.FINAL).initializer("new $T($L, $L, $L)", SOFTMAX_PARAMS, s.inputMultiplier(),
              s.inputLeftShift(), s.diffMin()).build());
      run.addStatement("$T.run(arena, $L, arena, $L, $L, $L, $L)", kernel("Softmax"),
          softmax.in(), softmax.out(), softmax.rows(), softmax.depth(), params);
    } else if (step instanceof Step.AddConstant add) {
      var a = add.params();
      String params = params(p, ADD_PARAMS, a.input1Offset(), a.input2Offset(),
          a.outputOffset(), a.leftShift(), a.input1Multiplier(), a.input1Shift(),
          a.input2Multiplier(), a.input2Shift(), a.outputMultiplier(), a.outputShift(),
          a.actMin(), a.actMax());
      String constant = bytesConstant(p + "_CONSTANT", add.constant());
      run.beginControlFlow("for (int row = 0; row < $L; row++)", add.rows());
      run.addStatement("$T.run(arena, $L + row * $L, $L, 0, arena, $L + row * $L, $L, $L)",
          kernel("Add"), add.in(), add.depth(), constant, add.out(), add.depth(), add.depth(),
          params);
      run.endControlFlow();
    } else if (step instanceof Step.Mul mul) {
      String params = mulParams(p, mul.params());
      run.addStatement("$T.run(arena, $L, arena, $L, arena, $L, $L, $L)", kernel("Mul"),
          mul.in1(), mul.in2(), mul.out(), mul.size(), params);
    } else if (step instanceof Step.MulConstant mul) {
      String params = mulParams(p, mul.params());
      String constant = bytesConstant(p + "_CONSTANT", mul.constant());
      run.addStatement("$T.runBroadcast(arena, $L, $L, 0, arena, $L, $L, $L, $L)",
          kernel("Mul"), mul.in(), constant, mul.out(), mul.rows(), mul.depth(), params);
    } else if (step instanceof Step.Pad pad) {
      run.addStatement("$T.run(arena, $L, $L, $L, $L, (byte) $L, arena, $L)", kernel("Pad"),
          pad.in(), ints(pad.inShape()), ints(pad.before()), ints(pad.after()), pad.padValue(),
          pad.out());
    } else if (step instanceof Step.Concatenation concat) {
      CodeBlock.Builder arrays = CodeBlock.builder().add("new byte[][] {");
      for (int i = 0; i < concat.ins().length; i++) {
        arrays.add(i == 0 ? "arena" : ", arena");
      }
      arrays.add("}");
      run.addStatement("$T.run($L, $L, $L, $L, arena, $L)", kernel("Concatenation"),
          arrays.build(), ints(concat.ins()), ints(concat.chunks()), concat.rows(), concat.out());
    } else if (step instanceof Step.Mean mean) {
      var m = mean.params();
      String params = params(p, MEAN_PARAMS, m.inputZeroPoint(), m.outputZeroPoint(),
          m.count(), m.multiplier(), m.shift());
      run.addStatement("$T.runHw(arena, $L, $L, arena, $L, $L)", kernel("Mean"), mean.in(),
          dims(mean.inDims()), mean.out(), params);
    } else if (step instanceof Step.Logistic logistic) {
      var s = logistic.params();
      String params = params(p, SIGMOID_PARAMS, s.inputZeroPoint(), s.inputRangeRadius(),
          s.inputMultiplier(), s.inputLeftShift());
      unary("Logistic", "run", logistic.in(), logistic.out(), logistic.size(), params);
    } else if (step instanceof Step.Tanh tanh) {
      var s = tanh.params();
      String params = params(p, SIGMOID_PARAMS, s.inputZeroPoint(), s.inputRangeRadius(),
          s.inputMultiplier(), s.inputLeftShift());
      unary("Tanh", "run", tanh.in(), tanh.out(), tanh.size(), params);
    } else if (step instanceof Step.HardSwish hs) {
      var h = hs.params();
      String params = params(p, HARD_SWISH_PARAMS, h.inputZeroPoint(), h.outputZeroPoint(),
          h.reluishMultiplier(), h.reluishExponent(), h.outputMultiplier(), h.outputExponent());
      unary("HardSwish", "run", hs.in(), hs.out(), hs.size(), params);
    } else if (step instanceof Step.Relu relu) {
      var r = relu.params();
      String params = params(p, RELU_PARAMS, r.inputZeroPoint(), r.outputZeroPoint(),
          r.outputMultiplier(), r.outputShift(), r.actMin(), r.actMax());
      unary("Relu", "run", relu.in(), relu.out(), relu.size(), params);
    } else if (step instanceof Step.Relu6 relu6) {
      String params = params(p, ACTIVATION_RANGE, relu6.lower(), relu6.upper());
      unary("Relu", "run6", relu6.in(), relu6.out(), relu6.size(), params);
    } else if (step instanceof Step.Requantize rq) {
      var r = rq.params();
      String params = params(p, REQUANTIZE_PARAMS, r.inputZeroPoint(), r.outputZeroPoint(),
          r.multiplier(), r.shift());
      unary("Quantize", "requantize", rq.in(), rq.out(), rq.size(), params);
    } else if (step instanceof Step.CopyBlock copy) {
      run.addStatement("$T.run(arena, $L, $L, arena, $L, $L, $L, $L)", kernel("CopyBlock"),
          copy.src(), copy.srcStride(), copy.dst(), copy.dstStride(), copy.rows(),
          copy.rowBytes());
    } else if (step instanceof Step.FullyConnectedPartial fc) {
      String rq = requant(p, fc.requant());
      String weights = bytesConstant(p + "_WEIGHTS", fc.weights());
      run.addStatement("$T.run(arena, $L, $L, $L, $L, $L, $L, arena, $L, arena, $L, $L, $L, $L,"
          + " $L)", kernel("FullyConnectedPartial"), fc.in(), fc.columns(), fc.firstColumn(),
          fc.inDepth(), weights, intsOrNull(p, fc.bias()), fc.acc(), fc.out(), fc.outDepth(),
          fc.first(), fc.last(), rq);
    } else if (step instanceof Step.PatchStage stage) {
      for (int i = 0; i < stage.patches().size(); i++) {
        run.add("// patch $L of $L of stage '$L'\n", i + 1, stage.patches().size(),
            stage.layer());
        stage.patches().get(i).forEach(this::addStep);
      }
    }
  }

  private String mulParams(String prefix, dev.tinyforge.kernels.MulParams m) {
    return params(prefix, MUL_PARAMS, m.input1Offset(), m.input2Offset(), m.outputOffset(),
        m.outputMultiplier(), m.outputShift(), m.actMin(), m.actMax());
  }

  /** A static final {@code <PREFIX>_PARAMS} field built with {@code type}'s constructor. */
  private String params(String prefix, ClassName type, int... values) {
    String name = prefix + "_PARAMS";
    if (!defined.add(name)) {
      return name;
    }
    constants.add(FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC,
        Modifier.FINAL).initializer("new $T($L)", type, list(values)).build());
    return name;
  }

  /** {@code Kernel.method(arena, in, arena, out, size, params)}. */
  private void unary(String kernel, String method, int in, int out, int size, String params) {
    run.addStatement("$T.$L(arena, $L, arena, $L, $L, $L)", kernel(kernel), method, in, out,
        size, params);
  }

  private static CodeBlock ints(int[] values) {
    return CodeBlock.of("new int[] {$L}", list(values));
  }

  private static String list(int... values) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      text.append(i == 0 ? "" : ", ")
          .append(values[i] == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : values[i]);
    }
    return text.toString();
  }

  private String requant(String prefix, Requant rq) {
    String name = prefix + "_REQUANT";
    if (!defined.add(name)) {
      return name;
    }
    int channels = rq.multiplier().length;
    writeInts(rq.multiplier());
    writeInts(rq.shift());
    constants.add(FieldSpec.builder(REQUANT, name, Modifier.PRIVATE, Modifier.STATIC,
        Modifier.FINAL).build());
    init.addStatement("$L = new $T($L, $L, $L, $L, blob.ints($L), blob.ints($L))", name, REQUANT,
        rq.inputOffset(), rq.outputOffset(), rq.actMin(), rq.actMax(), channels, channels);
    return name;
  }

  private String bytesConstant(String name, byte[] values) {
    if (!defined.add(name)) {
      return name;
    }
    blob.writeBytes(values);
    constants.add(FieldSpec.builder(BYTES, name, Modifier.PRIVATE, Modifier.STATIC,
        Modifier.FINAL).build());
    init.addStatement("$L = blob.bytes($L)", name, values.length);
    return name;
  }

  private String intsOrNull(String prefix, int[] values) {
    if (values == null) {
      return "null";
    }
    String name = prefix + "_BIAS";
    if (!defined.add(name)) {
      return name;
    }
    writeInts(values);
    constants.add(FieldSpec.builder(INTS, name, Modifier.PRIVATE, Modifier.STATIC,
        Modifier.FINAL).build());
    init.addStatement("$L = blob.ints($L)", name, values.length);
    return name;
  }

  private void writeInts(int[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      buffer.putInt(v);
    }
    blob.writeBytes(buffer.array());
  }

  private static CodeBlock dims(Dims d) {
    return CodeBlock.of("new $T($L, $L, $L)", DIMS, d.h(), d.w(), d.c());
  }

  private static CodeBlock window(Window w) {
    return CodeBlock.of("new $T($L, $L, $L, $L, $L, $L, $L, $L)", WINDOW, w.kernelH(),
        w.kernelW(), w.strideH(), w.strideW(), w.dilationH(), w.dilationW(), w.padTop(),
        w.padLeft());
  }

  private static ClassName kernel(String simpleName) {
    return ClassName.get(KERNELS, simpleName);
  }

  private static FieldSpec constant(Class<?> type, String name, String format, Object value) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer(format, value).build();
  }

  private static String floatText(float value) {
    return Float.toString(value);
  }
}
