package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problem;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.EngineInterpreter;
import dev.tinyforge.engine.Lowering;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What the importer says about models it cannot take, and that it never throws. */
class TfliteImporterProblemsTest {
  private static final Budget GENEROUS = new Budget("test", "any", 1L << 30, 1L << 30, 100);

  @Test
  void everySharedModelImportsWithoutProblems() throws Exception {
    for (java.nio.file.Path folder : SharedModels.folders()) {
      String name = folder.getFileName().toString();
      Problems problems = new Problems();
      TfliteImport result = TfliteImporter.importModel(SharedModels.read(name), "m", problems);
      assertWithMessage(name + ": " + texts(problems)).that(problems.all()).isEmpty();
      assertWithMessage(name).that(result.succeeded()).isTrue();
    }
  }

  @Test
  void unsupportedOperatorIsNamedWithWhatIsSupported() throws Exception {
    TfliteModel hello = SharedModels.read("hello_world");
    TfliteModel split = withOperator(hello, 1, op -> operator(op, TfliteBuiltinOperator.OTHER,
        49, op.inputs(), op.outputs(), op.options()));
    Problems problems = new Problems();
    TfliteImporter.importModel(split, "m", problems);
    assertThat(texts(problems)).containsExactly("[Tflite/UnsupportedOp] operator 1 is SPLIT,"
        + " which TinyForge does not support; it imports CONV_2D, DEPTHWISE_CONV_2D,"
        + " FULLY_CONNECTED, AVERAGE_POOL_2D, MAX_POOL_2D, ADD, MUL, SOFTMAX, PAD, PADV2,"
        + " CONCATENATION, MEAN, LOGISTIC, TANH, HARD_SWISH, RELU, RELU6, QUANTIZE, DEQUANTIZE,"
        + " RESHAPE, SQUEEZE");
  }

  @Test
  void floatInputWithoutABoundaryQuantizeIsNotInt8() throws Exception {
    TfliteModel model = SharedModels.read("op_quant_dequant");
    TfliteModel noQuantize = withOperator(model, 0, op -> operator(op,
        TfliteBuiltinOperator.DEQUANTIZE, TfliteBuiltinOperator.DEQUANTIZE.code(), op.inputs(),
        op.outputs(), op.options()));
    assertThat(ids(noQuantize)).containsExactly("Tflite/NotInt8");
  }

  @Test
  void constantThatDoesNotBroadcastAlongTheLastAxis() throws Exception {
    TfliteModel model = SharedModels.read("op_add");
    int constant = model.operators().get(2).inputs()[1];
    TfliteModel column = withTensor(model, constant,
        t -> tensor(t, new int[] {12, 1}, new int[] {12, 1}, t.type(), t.quantization()));
    Problems problems = new Problems();
    TfliteImporter.importModel(column, "m", problems);
    assertThat(texts(problems)).containsExactly("[Tflite/UnsupportedUse] operator 2 (ADD): its"
        + " constant [12, 1] does not broadcast over [1, 9, 7, 12] as TinyForge does it: a"
        + " scalar, one value per channel (last axis), or the same shape");
  }

  @Test
  void meanOverTheChannelsIsNotSupported() throws Exception {
    TfliteModel model = SharedModels.read("op_mean_maxpool");
    int axes = model.operators().get(3).inputs()[1];
    TfliteModel channels = withTensor(model, axes, t -> new TfliteTensor(t.index(), t.name(),
        t.type(), new int[] {1}, new int[] {1}, t.bufferIndex(),
        new TfliteConstantData(new byte[] {3, 0, 0, 0}), t.quantization(), t.variable()));
    Problems problems = new Problems();
    TfliteImporter.importModel(channels, "m", problems);
    assertThat(texts(problems)).containsExactly("[Tflite/UnsupportedUse] operator 3 (MEAN): it"
        + " averages over axes [3]; TinyForge takes MEAN over height and width (axes 1 and 2)");
  }

  @Test
  void concatenationOfTwoQuantizationsIsRejected() throws Exception {
    TfliteModel model = SharedModels.read("op_pad_concat");
    int conv = model.operators().get(1).outputs()[0];
    TfliteModel mixed = withTensor(model, conv, t -> tensor(t, t.shape(), t.shapeSignature(),
        t.type(), new TfliteQuantization(new float[] {0.5f}, new long[] {0}, 0)));
    assertThat(ids(mixed)).containsExactly("Tflite/Quantization");
  }

  @Test
  void moreThanOneSubgraph() throws Exception {
    TfliteModel hello = SharedModels.read("hello_world");
    TfliteModel two = new TfliteModel(3, "", List.of(hello.mainSubgraph(), hello.mainSubgraph()));
    assertThat(ids(two)).containsExactly("Tflite/Subgraphs");
  }

  @Test
  void dynamicShape() throws Exception {
    TfliteModel model = withTensor(SharedModels.read("hello_world"), 0,
        t -> tensor(t, t.shape(), new int[] {-1, -1}, t.type(), t.quantization()));
    assertThat(ids(model)).containsExactly("Tflite/DynamicShape");
    // A dynamic batch alone is fine: TinyForge compiles batch 1.
    TfliteModel batch = withTensor(SharedModels.read("hello_world"), 0,
        t -> tensor(t, t.shape(), new int[] {-1, 1}, t.type(), t.quantization()));
    assertThat(ids(batch)).isEmpty();
  }

  @Test
  void missingQuantization() throws Exception {
    TfliteModel hello = SharedModels.read("hello_world");
    int weights = hello.operators().get(1).inputs()[1];
    TfliteModel noWeightScales = withTensor(hello, weights,
        t -> tensor(t, t.shape(), t.shapeSignature(), t.type(), TfliteQuantization.NONE));
    assertThat(ids(noWeightScales)).containsExactly("Tflite/Quantization");
    int activation = hello.operators().get(1).outputs()[0];
    TfliteModel noActivationScale = withTensor(hello, activation,
        t -> tensor(t, t.shape(), t.shapeSignature(), t.type(), TfliteQuantization.NONE));
    assertThat(ids(noActivationScale)).containsExactly("Tflite/Quantization");
  }

  @Test
  void int16ActivationsAreNotInt8() throws Exception {
    TfliteModel hello = SharedModels.read("hello_world");
    TfliteModel int16 = hello;
    for (int i = 0; i < hello.tensors().size(); i++) {
      if (!hello.tensors().get(i).isConstant()) {
        int16 = withTensor(int16, i, t -> tensor(t, t.shape(), t.shapeSignature(),
            TfliteTensorType.INT16, t.quantization()));
      }
    }
    assertThat(ids(int16)).containsExactly("Tflite/NotInt8");
  }

  @Test
  void unsupportedFusedActivation() throws Exception {
    TfliteModel hello = SharedModels.read("hello_world");
    TfliteModel tanh = withOperator(hello, 0, op -> new TfliteOperator(op.index(), op.op(),
        op.builtinCode(), op.customCode(), op.version(), op.inputs(), op.outputs(),
        op.optionsType(), new TfliteOptions.FullyConnected(TfliteActivation.TANH, false, false,
            false)));
    Problems problems = new Problems();
    TfliteImporter.importModel(tanh, "m", problems);
    assertThat(texts(problems)).containsExactly("[Tflite/UnsupportedUse] operator 0"
        + " (FULLY_CONNECTED): its fused activation TANH is not supported; TinyForge fuses NONE,"
        + " RELU and RELU6");
  }

  /**
   * Random damage to the decoded model (shapes, types, scales, operands, options, operator codes,
   * model inputs and outputs), as a crafted file could bring: the importer must report or accept,
   * never throw; an accepted model must lower, and the small ones must run.
   */
  @Test
  void damagedModelsAreReportedNeverThrown() throws Exception {
    Random random = new Random(0x1_4B0_27L);
    int accepted = 0;
    int rejected = 0;
    Map<String, Integer> ids = new TreeMap<>();
    for (String name : List.of("hello_world", "micro_speech", "tinymaix_mnist_resnet_q",
        "person_detect", "op_add", "op_mul", "op_pad_concat", "op_mean_maxpool",
        "op_activations", "op_quant_dequant", "tflm_magic_wand")) {
      TfliteModel original = SharedModels.read(name);
      int rounds = name.equals("person_detect") ? 150 : name.startsWith("op_") ? 250 : 400;
      for (int round = 0; round < rounds; round++) {
        TfliteModel model = original;
        List<String> log = new ArrayList<>();
        for (int m = 0; m < 1 + random.nextInt(2); m++) {
          model = damage(model, random, log);
        }
        Problems problems = new Problems();
        TfliteImport result;
        try {
          result = TfliteImporter.importModel(model, "m", problems);
        } catch (RuntimeException e) {
          throw new AssertionError(name + " after " + log, e);
        }
        for (Problem p : problems.all()) {
          assertWithMessage(name + " after " + log).that(p.message())
              .isNotEqualTo(Message.INTERNAL);
          ids.merge(p.message().id(), 1, Integer::sum);
        }
        if (!result.succeeded()) {
          assertWithMessage(name + " after " + log).that(problems.hasErrors()).isTrue();
          rejected++;
          continue;
        }
        accepted++;
        try {
          Engine engine = Lowering.lower(result.graph(), GENEROUS);
          if (!name.equals("person_detect")) {
            new EngineInterpreter(engine).invoke(new byte[engine.inputBytes()]);
          }
        } catch (ArithmeticException e) {
          // Softmax over 512 or more equal logits: TF Lite Micro stops there too.
          assertWithMessage(name + " after " + log + ": " + e).that(e.getMessage())
              .contains("Softmax");
        } catch (RuntimeException e) {
          throw new AssertionError(name + " after " + log + ": accepted but failed", e);
        }
      }
    }
    System.out.println("[tflite-import] damaged models: " + accepted + " accepted, " + rejected
        + " rejected; problems by id: " + ids);
    assertThat(rejected).isGreaterThan(accepted / 2);
  }

  // ------------------------------------------------------------------ damage

  private static final int[] ODD_INTS =
      {-1, 0, 1, 2, 3, 7, 64, 1 << 20, Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final float[] ODD_FLOATS =
      {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, 1e-30f, 1e30f, 0.5f, 1f / 256};

  private static TfliteModel damage(TfliteModel model, Random random, List<String> log) {
    TfliteSubgraph sg = model.mainSubgraph();
    int tensorCount = sg.tensors().size();
    int opCount = sg.operators().size();
    int t = random.nextInt(tensorCount);
    int o = random.nextInt(opCount);
    switch (random.nextInt(9)) {
      case 0 -> {
        log.add("shape of t" + t);
        return withTensor(model, t, x -> {
          int[] shape = x.shape();
          if (shape.length == 0 || random.nextInt(5) == 0) {
            shape = new int[random.nextInt(6)];
            java.util.Arrays.fill(shape, 1);
          } else {
            shape[random.nextInt(shape.length)] = odd(random);
          }
          return tensor(x, shape, shape, x.type(), x.quantization());
        });
      }
      case 1 -> {
        log.add("type of t" + t);
        TfliteTensorType[] types = TfliteTensorType.values();
        return withTensor(model, t, x -> tensor(x, x.shape(), x.shapeSignature(),
            types[random.nextInt(types.length)], x.quantization()));
      }
      case 2 -> {
        log.add("quantization of t" + t);
        return withTensor(model, t, x -> {
          int n = random.nextInt(4) == 0 ? random.nextInt(5) : x.quantization().scales().length;
          float[] scales = new float[n];
          long[] zps = new long[random.nextBoolean() ? n : 0];
          for (int i = 0; i < n; i++) {
            scales[i] = random.nextBoolean() && i < x.quantization().scales().length
                ? x.quantization().scales()[i] : ODD_FLOATS[random.nextInt(ODD_FLOATS.length)];
          }
          for (int i = 0; i < zps.length; i++) {
            zps[i] = random.nextInt(4) == 0 ? odd(random) : 0;
          }
          return tensor(x, x.shape(), x.shapeSignature(), x.type(),
              new TfliteQuantization(scales, zps, random.nextInt(5) - 1));
        });
      }
      case 3 -> {
        log.add("an operand of op" + o);
        return withOperator(model, o, op -> {
          boolean input = random.nextBoolean() || op.outputs().length == 0;
          int[] operands = input ? op.inputs() : op.outputs();
          int[] changed = random.nextInt(6) == 0
              ? java.util.Arrays.copyOf(operands, random.nextInt(4)) : operands;
          if (changed.length > 0) {
            changed[random.nextInt(changed.length)] = random.nextInt(tensorCount + 1) - 1;
          }
          return operator(op, op.op(), op.builtinCode(), input ? changed : op.inputs(),
              input ? op.outputs() : changed, op.options());
        });
      }
      case 4 -> {
        log.add("options of op" + o);
        return withOperator(model, o, op -> operator(op, op.op(), op.builtinCode(), op.inputs(),
            op.outputs(), randomOptions(random)));
      }
      case 5 -> {
        TfliteBuiltinOperator[] kinds = TfliteBuiltinOperator.values();
        TfliteBuiltinOperator kind = kinds[random.nextInt(kinds.length - 1)];
        log.add("op" + o + " becomes " + kind);
        return withOperator(model, o, op -> operator(op, kind, kind.code(), op.inputs(),
            op.outputs(), op.options()));
      }
      case 6 -> {
        log.add("model input/output");
        int[] io = {random.nextInt(tensorCount)};
        return new TfliteModel(3, "", List.of(new TfliteSubgraph(0, sg.name(), sg.tensors(),
            sg.operators(), random.nextBoolean() ? io : sg.inputs(),
            random.nextBoolean() ? sg.outputs() : io)));
      }
      case 7 -> {
        log.add("drop op" + o);
        List<TfliteOperator> ops = new ArrayList<>(sg.operators());
        ops.remove(o);
        return new TfliteModel(3, "", List.of(new TfliteSubgraph(0, sg.name(), sg.tensors(), ops,
            sg.inputs(), sg.outputs())));
      }
      default -> {
        log.add("constant data of t" + t);
        return withTensor(model, t, x -> new TfliteTensor(x.index(), x.name(), x.type(),
            x.shape(), x.shapeSignature(), x.bufferIndex(),
            x.isConstant() ? null : new TfliteConstantData(new byte[1 + random.nextInt(64)]),
            x.quantization(), x.variable()));
      }
    }
  }

  private static int odd(Random random) {
    return ODD_INTS[random.nextInt(ODD_INTS.length)];
  }

  private static TfliteOptions randomOptions(Random random) {
    TflitePadding padding = random.nextInt(5) == 0 ? null
        : TflitePadding.values()[random.nextInt(2)];
    TfliteActivation act = random.nextInt(6) == 0 ? null
        : TfliteActivation.values()[random.nextInt(TfliteActivation.values().length)];
    return switch (random.nextInt(12)) {
      case 0 -> new TfliteOptions.Conv2D(padding, odd(random), odd(random), act, odd(random),
          odd(random));
      case 1 -> new TfliteOptions.DepthwiseConv2D(padding, odd(random), odd(random), odd(random),
          act, odd(random), odd(random));
      case 2 -> new TfliteOptions.Pool2D(padding, odd(random), odd(random), odd(random),
          odd(random), act);
      case 3 -> new TfliteOptions.FullyConnected(act, random.nextBoolean(), random.nextBoolean(),
          false);
      case 4 -> new TfliteOptions.Softmax(ODD_FLOATS[random.nextInt(ODD_FLOATS.length)]);
      case 5 -> new TfliteOptions.Add(act, false);
      case 6 -> new TfliteOptions.Reshape(new int[] {odd(random)});
      case 7 -> new TfliteOptions.Mul(act);
      case 8 -> new TfliteOptions.Concatenation(odd(random), act);
      case 9 -> new TfliteOptions.Reducer(random.nextBoolean());
      case 10 -> new TfliteOptions.Pad();
      default -> null;
    };
  }

  // ------------------------------------------------------------------ helpers

  private static Set<String> ids(TfliteModel model) {
    Problems problems = new Problems();
    TfliteImporter.importModel(model, "m", problems);
    Set<String> ids = new TreeSet<>();
    problems.all().forEach(p -> ids.add(p.message().id()));
    return ids;
  }

  private static List<String> texts(Problems problems) {
    return problems.all().stream().map(Problem::text).toList();
  }

  private static TfliteTensor tensor(TfliteTensor t, int[] shape, int[] signature,
      TfliteTensorType type, TfliteQuantization quantization) {
    return new TfliteTensor(t.index(), t.name(), type, shape, signature, t.bufferIndex(),
        t.constant(), quantization, t.variable());
  }

  private static TfliteOperator operator(TfliteOperator op, TfliteBuiltinOperator kind, int code,
      int[] inputs, int[] outputs, TfliteOptions options) {
    return new TfliteOperator(op.index(), kind, code, op.customCode(), op.version(), inputs,
        outputs, op.optionsType(), options);
  }

  private static TfliteModel withTensor(TfliteModel model, int index,
      UnaryOperator<TfliteTensor> change) {
    TfliteSubgraph sg = model.mainSubgraph();
    List<TfliteTensor> tensors = new ArrayList<>(sg.tensors());
    tensors.set(index, change.apply(tensors.get(index)));
    return new TfliteModel(3, "", List.of(new TfliteSubgraph(0, sg.name(), tensors,
        sg.operators(), sg.inputs(), sg.outputs())));
  }

  private static TfliteModel withOperator(TfliteModel model, int index,
      UnaryOperator<TfliteOperator> change) {
    TfliteSubgraph sg = model.mainSubgraph();
    List<TfliteOperator> ops = new ArrayList<>(sg.operators());
    ops.set(index, change.apply(ops.get(index)));
    return new TfliteModel(3, "", List.of(new TfliteSubgraph(0, sg.name(), sg.tensors(), ops,
        sg.inputs(), sg.outputs())));
  }
}
