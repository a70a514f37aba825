package dev.tinyforge.firmware;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyforge.firmware.ModelRunException.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tracing: the runner defines the engine's TFORGE_AFTER_LAYER hook so the arena can be read
 * between layers, on the host and on Cortex-M (semihosting), with the toy model's two layers.
 */
class ModelRunnerTraceTest {
  @TempDir Path models;
  @TempDir Path work;

  @ParameterizedTest
  @EnumSource(CTarget.class)
  void printsTheAskedForRegionsAtTheMomentAfterTheirLayer(CTarget target) throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);
    List<byte[]> inputs = List.of(new byte[] {1, 2, 4, 8}, new byte[] {16, 32, 64, -128});
    // The parity byte arena[4] after layer 0 of input 1 is still input 0's: 1^2^4^8 = 15.
    TracePoint whole0 = new TracePoint(0, 1, 0, 5);
    TracePoint stale1 = new TracePoint(1, 0, 4, 1);
    TracePoint fresh1 = new TracePoint(1, 1, 4, 1);
    TracePoint values1 = new TracePoint(1, 0, 1, 3);
    List<TracePoint> points = List.of(fresh1, whole0, stale1, values1);

    RunResult result = Toolchains.runnerFor(target).withTrace(points).run(toy, inputs, work);

    assertThat(result.traced(whole0)).isEqualTo(new byte[] {2, 3, 5, 9, 15});
    assertThat(result.traced(stale1)).isEqualTo(new byte[] {15});
    assertThat(result.traced(fresh1)).isEqualTo(new byte[] {(byte) (16 ^ 32 ^ 64 ^ -128)});
    assertThat(result.traced(values1)).isEqualTo(new byte[] {33, 65, -127});
    assertThat(result.traces().stream().map(TracedBytes::point).toList())
        .containsExactlyElementsIn(points)
        .inOrder();
    for (int i = 0; i < inputs.size(); i++) {
      assertThat(result.output(i)).isEqualTo(FakeModels.toyExpected(inputs.get(i)));
    }
  }

  @ParameterizedTest
  @EnumSource(CTarget.class)
  void aRegionLongerThanOnePrintIsWholeAndInOrder(CTarget target) throws Exception {
    int size = 1000; // several 128-byte pieces and a short last one
    GeneratedModel toy = FakeModels.toy(models, size);
    byte[] input = ModelRunnerHostTest.randomInputs(1, size, 7).get(0);
    TracePoint all = new TracePoint(0, 1, 0, size + 1);

    RunResult result = Toolchains.runnerFor(target).withTrace(List.of(all)).run(
        toy, List.of(input), work);

    assertThat(result.traced(all)).isEqualTo(FakeModels.toyExpected(input));
  }

  @Test
  void aLayerTheModelNeverAnnouncesIsAnError() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);
    TracePoint never = new TracePoint(0, 7, 0, 1);
    ModelRunner runner = Toolchains.runnerFor(CTarget.HOST).withTrace(List.of(never));

    ModelRunException e =
        assertThrows(ModelRunException.class, () -> runner.run(toy, List.of(new byte[4]), work));

    assertThat(e.failure()).isEqualTo(Failure.MALFORMED_OUTPUT);
    assertThat(e).hasMessageThat().contains("after layer 7");
  }

  @Test
  void aPointBeyondTheInputsIsRefusedBeforeBuilding() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);
    ModelRunner runner =
        Toolchains.runnerFor(CTarget.HOST).withTrace(List.of(new TracePoint(1, 0, 0, 1)));

    assertThrows(
        IllegalArgumentException.class, () -> runner.run(toy, List.of(new byte[4]), work));
    assertThrows(IllegalArgumentException.class, () -> new TracePoint(0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TracePoint(0, -1, 0, 1));
  }

  @Test
  void withoutTracingTheHookStaysTheModelsOwnNoOp() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);

    RunResult result = Toolchains.runnerFor(CTarget.HOST).run(toy, List.of(new byte[4]), work);

    assertThat(result.traces()).isEmpty();
    assertThat(Files.exists(result.buildDirectory().resolve("harness_trace.h"))).isFalse();
    String main = Files.readString(result.buildDirectory().resolve("main.c"));
    assertThat(main).doesNotContain("tforge_harness_after_layer");
  }
}
