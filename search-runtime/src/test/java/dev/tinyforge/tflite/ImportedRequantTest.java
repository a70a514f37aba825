package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.engine.Step;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.graph.Weights;
import dev.tinyforge.kernels.Requant;
import dev.tinyforge.quant.QuantizedMultiplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lowering's multipliers for imported models against TF Lite Micro's Prepare, written out here
 * independently: per-tensor FULLY_CONNECTED takes GetQuantizedConvolutionMultipler's
 * (double) (float input_scale * float filter_scale) / (double) output_scale; per-channel FC,
 * CONV_2D and DEPTHWISE_CONV_2D take PopulateConvolutionQuantizationParams' all-double
 * input_scale * filter_scale / output_scale. The goldens alone may not tell the two rules apart
 * (they give the same Q31 multiplier unless the float product rounds across a boundary), so this
 * pins the rule itself, and says for which layers the rule matters.
 */
class ImportedRequantTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "hello_world", "micro_speech", "person_detect", "tinymaix_mnist_resnet_q"})
  void multipliersAreTfliteMicros(String name) throws Exception {
    Problems problems = new Problems();
    Graph graph = TfliteImporter.importModel(SharedModels.read(name), name, problems).graph();
    assertWithMessage(name).that(graph).isNotNull();
    Engine engine = Lowering.lower(graph, new Budget("test", "any", 1L << 30, 1L << 30, 100));
    int checked = 0;
    int ruleMatters = 0;
    for (Step step : engine.steps()) {
      Requant rq = requantOf(step);
      if (rq == null) {
        continue;
      }
      Op op = graph.ops().stream().filter(o -> o.name().equals(step.layer())).findFirst()
          .orElseThrow();
      Weights w = weightsOf(op);
      float in = graph.tensor(op.inputs().get(0)).quant().scale();
      float out = graph.tensor(op.output()).quant().scale();
      boolean perTensorFc = op instanceof Op.FullyConnected && w.scales().length == 1;
      for (int c = 0; c < rq.multiplier().length; c++) {
        float ws = w.scale(c);
        QuantizedMultiplier allDouble =
            QuantizedMultiplier.of((double) in * (double) ws / (double) out);
        float product = in * ws;
        QuantizedMultiplier floatProduct = QuantizedMultiplier.of((double) product / (double) out);
        QuantizedMultiplier expected = perTensorFc ? floatProduct : allDouble;
        assertWithMessage(name + " " + op.name() + " channel " + c + " multiplier")
            .that(rq.multiplier()[c]).isEqualTo(expected.multiplier());
        assertWithMessage(name + " " + op.name() + " channel " + c + " shift")
            .that(rq.shift()[c]).isEqualTo(expected.shift());
        checked++;
        if (!allDouble.equals(floatProduct)) {
          ruleMatters++;
        }
      }
    }
    System.out.println("[tflite-import] " + name + ": " + checked + " channel multipliers equal"
        + " TFLM's Prepare; float-vs-double product differs on " + ruleMatters + " of them");
  }

  private static Requant requantOf(Step step) {
    if (step instanceof Step.Conv conv) {
      return conv.requant();
    } else if (step instanceof Step.Depthwise dw) {
      return dw.requant();
    } else if (step instanceof Step.FullyConnected fc) {
      return fc.requant();
    }
    return null;
  }

  private static Weights weightsOf(Op op) {
    if (op instanceof Op.Conv2d conv) {
      return conv.filter();
    } else if (op instanceof Op.DepthwiseConv2d dw) {
      return dw.filter();
    }
    return ((Op.FullyConnected) op).weights();
  }
}
