package dev.tinyforge.firmware;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer profiles: the hook reads the instruction counter after each layer without printing, and
 * the per-layer counts add up to the inference's count, with and without the hook.
 */
class ModelRunnerProfileTest {
  /** One SysTick step on the mps2 machines: the counter's resolution. */
  private static final long TICK = 40;

  @TempDir Path models;
  @TempDir Path work;

  @Test
  void layerCountsAddUpToTheWholeInference() throws Exception {
    int size = 3000; // layer 0 loops over every byte; layer 1 writes one
    GeneratedModel toy = FakeModels.toy(models, size);
    List<byte[]> inputs = ModelRunnerHostTest.randomInputs(2, size, 11);
    ModelRunner runner = Toolchains.runnerFor(CTarget.CORTEX_M7);

    RunResult plain = runner.run(toy, inputs, work.resolve("plain"));
    RunResult profiled = runner.withLayerProfile().run(toy, inputs, work.resolve("profiled"));

    assertThat(profiled.profiles()).hasSize(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      assertThat(profiled.output(i)).isEqualTo(plain.output(i));
      LayerProfile profile = profiled.profiles().get(i);
      assertThat(profile.input()).isEqualTo(i);
      assertThat(profile.layers()).containsExactly(0, 1).inOrder();
      // The readings telescope: layers + tail are the profiled inference, exactly.
      assertThat(profile.rawSum() + profile.tail()).isEqualTo(profile.total());
      assertThat(profile.total()).isEqualTo(profiled.instructions().get(i));
      assertThat(profile.hookInstructions()).isGreaterThan(0.0);
      // Less the hook's calibrated cost, they are the plain inference, within a tick.
      assertThat(Math.abs(profile.estimatedTotal() - plain.instructions().get(i)))
          .isAtMost((double) TICK);
      // Layer 0 does nearly all the work.
      assertThat(profile.instructions(0)).isGreaterThan(10.0 * profile.instructions(1));
    }
  }

  @Test
  void profilesNeedACounterAndExcludeTracing() {
    assertThrows(IllegalStateException.class,
        () -> ModelRunner.on(CTarget.HOST).withLayerProfile());
    ModelRunner traced =
        ModelRunner.on(CTarget.CORTEX_M4).withTrace(List.of(new TracePoint(0, 0, 0, 1)));
    assertThrows(IllegalStateException.class, traced::withLayerProfile);
    assertThrows(IllegalStateException.class,
        () -> ModelRunner.on(CTarget.CORTEX_M4).withLayerProfile()
            .withTrace(List.of(new TracePoint(0, 0, 0, 1))));
  }
}
