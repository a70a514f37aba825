package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Facts about the three reference models, as the shared models README states them. */
class TfliteReaderKnownModelsTest {

  @Test
  void personDetect() throws Exception {
    TfliteModel model = SharedModels.read("person_detect");

    assertThat(TfliteReaderSharedModelsTest.opCounts(model)).containsExactly(
        "CONV_2D", 14, "DEPTHWISE_CONV_2D", 14, "AVERAGE_POOL_2D", 1, "RESHAPE", 1, "SOFTMAX", 1);
    checkTensor(
        model.tensors().get(model.inputs()[0]), new int[] {1, 96, 96, 1}, 0.00784313772, -1);
    checkTensor(model.tensors().get(model.outputs()[0]), new int[] {1, 2}, 0.00390625, -128);

    // "per-channel weights": one scale per output channel of every convolution.
    for (TfliteOperator op : model.operators()) {
      if (op.op() == TfliteBuiltinOperator.CONV_2D
          || op.op() == TfliteBuiltinOperator.DEPTHWISE_CONV_2D) {
        TfliteTensor weights = model.tensors().get(op.inputs()[1]);
        int channelDimension = op.op() == TfliteBuiltinOperator.CONV_2D ? 0 : 3;
        assertWithMessage(op.toString()).that(weights.isConstant()).isTrue();
        assertWithMessage(op.toString()).that(weights.type()).isEqualTo(TfliteTensorType.INT8);
        assertWithMessage(op.toString()).that(weights.quantization().quantizedDimension())
            .isEqualTo(channelDimension);
        assertWithMessage(op.toString()).that(weights.quantization().scales())
            .hasLength(weights.shape()[channelDimension]);
        assertWithMessage(op.toString()).that(weights.data())
            .hasLength((int) weights.elementCount());
      }
    }
  }

  @Test
  void microSpeech() throws Exception {
    TfliteModel model = SharedModels.read("micro_speech");

    assertThat(model.operators().stream().map(TfliteOperator::opName).toList()).containsExactly(
        "RESHAPE", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "SOFTMAX").inOrder();
    checkTensor(model.tensors().get(model.inputs()[0]), new int[] {1, 1960}, 0.101715684, -128);
    checkTensor(model.tensors().get(model.outputs()[0]), new int[] {1, 4}, 0.00390625, -128);

    // "DEPTHWISE_CONV_2D (10x8, depth multiplier 8, stride 2)"
    TfliteOperator depthwise = model.operators().get(1);
    TfliteOptions.DepthwiseConv2D options = (TfliteOptions.DepthwiseConv2D) depthwise.options();
    assertThat(options.depthMultiplier()).isEqualTo(8);
    assertThat(options.strideW()).isEqualTo(2);
    assertThat(options.strideH()).isEqualTo(2);
    assertThat(options.dilationW()).isEqualTo(1);
    assertThat(options.dilationH()).isEqualTo(1);
    TfliteTensor filter = model.tensors().get(depthwise.inputs()[1]);
    assertThat(filter.shape()).isEqualTo(new int[] {1, 10, 8, 8});

    // "FULLY_CONNECTED (4000 -> 4)"
    TfliteTensor weights = model.tensors().get(model.operators().get(2).inputs()[1]);
    assertThat(weights.shape()).isEqualTo(new int[] {4, 4000});
    assertThat(weights.data()).hasLength(16_000);
  }

  @Test
  void helloWorld() throws Exception {
    TfliteModel model = SharedModels.read("hello_world");

    assertThat(model.description()).isEqualTo("MLIR Converted.");
    assertThat(TfliteReaderSharedModelsTest.opCounts(model))
        .isEqualTo(Map.of("FULLY_CONNECTED", 3));
    checkTensor(model.tensors().get(model.inputs()[0]), new int[] {1, 1}, 0.0244801156, -128);
    checkTensor(model.tensors().get(model.outputs()[0]), new int[] {1, 1}, 0.00829095673, 5);

    // "3 FULLY_CONNECTED (1 -> 16 -> 16 -> 1, ReLU)": weights [out, in], ReLU on the hidden layers.
    int[][] weightShapes = {{16, 1}, {16, 16}, {1, 16}};
    TfliteActivation[] activations = {
      TfliteActivation.RELU, TfliteActivation.RELU, TfliteActivation.NONE
    };
    for (int i = 0; i < 3; i++) {
      TfliteOperator op = model.operators().get(i);
      assertThat(model.tensors().get(op.inputs()[1]).shape()).isEqualTo(weightShapes[i]);
      TfliteTensor bias = model.tensors().get(op.inputs()[2]);
      assertThat(bias.type()).isEqualTo(TfliteTensorType.INT32);
      assertThat(bias.shape()).isEqualTo(new int[] {weightShapes[i][0]});
      assertThat(((TfliteOptions.FullyConnected) op.options()).activation())
          .isEqualTo(activations[i]);
    }
  }

  private static void checkTensor(TfliteTensor tensor, int[] shape, double scale, long zeroPoint) {
    assertWithMessage(tensor.toString()).that(tensor.type()).isEqualTo(TfliteTensorType.INT8);
    assertWithMessage(tensor.toString()).that(tensor.shape()).isEqualTo(shape);
    assertWithMessage(tensor.toString()).that((double) tensor.quantization().scale())
        .isWithin(scale * 1e-8).of(scale);
    assertWithMessage(tensor.toString()).that(tensor.quantization().zeroPoint())
        .isEqualTo(zeroPoint);
  }
}
