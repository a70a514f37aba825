package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.quant.QuantizedMultiplier;
import dev.tinyforge.tflite.TfliteActivation;
import dev.tinyforge.tflite.TfliteBuiltinOperator;
import dev.tinyforge.tflite.TfliteModel;
import dev.tinyforge.tflite.TfliteOperator;
import dev.tinyforge.tflite.TfliteOptions;
import dev.tinyforge.tflite.TfliteReader;
import dev.tinyforge.tflite.TfliteTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * hello_world's three FULLY_CONNECTED layers, read with the TFLite reader and run with
 * {@link FullyConnected#run}, prepared as TF Lite Micro's per-tensor FC does: the effective scale
 * is (double) (input_scale * filter_scale in float) / (double) output_scale. Must reproduce TFLM's
 * goldens for x = -96, -63, -34, 0.
 */
class HelloWorldGoldenTest {
  private static final Map<String, Integer> CASES =
      Map.of("x-96", 89, "x-63", 125, "x-34", 93, "x0", 4);

  @Test
  void threeFullyConnectedLayersGiveTheGoldens() throws Exception {
    Path folder = Goldens.modelsDir().resolve("hello_world");
    TfliteModel model = TfliteReader.read(folder.resolve("model.tflite"));
    assertWithMessage("operators").that(model.operators()).hasSize(3);
    for (Map.Entry<String, Integer> entry : CASES.entrySet()) {
      byte[] input = Files.readAllBytes(folder.resolve("inputs").resolve(entry.getKey() + ".bin"));
      byte[] golden =
          Files.readAllBytes(folder.resolve("outputs").resolve(entry.getKey() + ".bin"));
      byte[] output = run(model, input);
      assertWithMessage(entry.getKey()).that(output).isEqualTo(golden);
      assertWithMessage(entry.getKey() + " (README)").that((int) output[0])
          .isEqualTo(entry.getValue());
    }
  }

  private static byte[] run(TfliteModel model, byte[] input) {
    byte[] activation = input;
    for (TfliteOperator op : model.operators()) {
      assertWithMessage(op.toString()).that(op.op())
          .isEqualTo(TfliteBuiltinOperator.FULLY_CONNECTED);
      TfliteTensor in = model.tensors().get(op.inputs()[0]);
      TfliteTensor filter = model.tensors().get(op.inputs()[1]);
      int biasIndex = op.inputs().length > 2 ? op.inputs()[2] : TfliteOperator.ABSENT;
      TfliteTensor out = model.tensors().get(op.outputs()[0]);
      int outDepth = filter.shape()[0];
      int inDepth = filter.shape()[1];
      float inScale = in.quantization().scale();
      float filterScale = filter.quantization().scale();
      float outScale = out.quantization().scale();
      int inZp = (int) in.quantization().zeroPoint();
      int outZp = (int) out.quantization().zeroPoint();
      // TFLM's GetQuantizedConvolutionMultipler: the float product, widened, then divided.
      float product = inScale * filterScale;
      QuantizedMultiplier m = QuantizedMultiplier.of((double) product / (double) outScale);
      TfliteActivation act = ((TfliteOptions.FullyConnected) op.options()).activation();
      ActivationRange range = ActivationRange.of(Activation.valueOf(act.name()), outScale, outZp);
      int[] multipliers = new int[outDepth];
      int[] shifts = new int[outDepth];
      java.util.Arrays.fill(multipliers, m.multiplier());
      java.util.Arrays.fill(shifts, m.shift());
      Requant rq = new Requant(-inZp, outZp, range.min(), range.max(), multipliers, shifts);
      int[] bias = biasIndex == TfliteOperator.ABSENT ? null : ints(model.tensors().get(biasIndex));
      byte[] result = new byte[outDepth];
      FullyConnected.run(activation, 0, inDepth, filter.data(), bias, result, 0, outDepth, rq);
      activation = result;
    }
    return activation;
  }

  private static int[] ints(TfliteTensor tensor) {
    ByteBuffer buffer = tensor.constant().asReadOnlyBuffer();
    int[] values = new int[buffer.remaining() / 4];
    for (int i = 0; i < values.length; i++) {
      values[i] = buffer.getInt();
    }
    return values;
  }
}
