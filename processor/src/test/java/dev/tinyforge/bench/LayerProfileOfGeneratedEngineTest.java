package dev.tinyforge.bench;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tinyforge.annotations.Padding;
import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.build.SeededWeights;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.emit.GeneratedFile;
import dev.tinyforge.emit.c.CEngineEmitter;
import dev.tinyforge.emit.c.CRuntimeSources;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.LayerFacts;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.firmware.CTarget;
import dev.tinyforge.firmware.GeneratedModel;
import dev.tinyforge.firmware.LayerProfile;
import dev.tinyforge.firmware.ModelRunner;
import dev.tinyforge.firmware.RunResult;
import dev.tinyforge.kernels.Activation;
import dev.tinyforge.spec.LayerSpec;
import dev.tinyforge.spec.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's per-layer profile on a real generated engine (small, so the build's tests stay
 * fast): every kernel layer is announced once, in order, and the layers' instructions add up to
 * the plain inference's count within one SysTick step.
 */
class LayerProfileOfGeneratedEngineTest {
  private static final Budget BOARD =
      new Budget("STM32F746", "Cortex-M7", 320 << 10, 1 << 20, 216);

  @TempDir Path work;

  @Test
  void layersAddUpToTheInferenceOnCortexM7() throws Exception {
    CTarget target = CTarget.CORTEX_M7;
    if (!target.isAvailable()) {
      String message = target + " needs " + target.missingTools();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    ModelSpec spec = new ModelSpec("profiled_net", new int[] {12, 12, 2}, 1 / 255f, -128,
        List.of(
            new LayerSpec.Conv2d("stem", 8, 3, 2, Padding.SAME, Activation.RELU6),
            new LayerSpec.DepthwiseConv2d("dw", 3, 1, 1, Padding.SAME, Activation.RELU6),
            new LayerSpec.Conv2d("project", 8, 1, 1, Padding.SAME, Activation.NONE),
            new LayerSpec.Add("residual", "stem", Activation.NONE),
            new LayerSpec.GlobalAvgPool("pool"),
            new LayerSpec.Reshape("flat", new int[0]),
            new LayerSpec.Dense("logits", 4, Activation.NONE),
            new LayerSpec.Softmax("probabilities")));
    Engine engine = Lowering.lower(
        GraphBuilder.build(spec, new SeededWeights(3), new Problems()), BOARD);
    for (GeneratedFile file :
        new CEngineEmitter(new CRuntimeSources(getClass().getClassLoader())).emit(engine)) {
      Path path = work.resolve("fw").resolve(file.path());
      Files.createDirectories(path.getParent());
      Files.write(path, file.content());
    }
    GeneratedModel model = new GeneratedModel(work.resolve("fw/profiled_net"), "profiled_net");
    byte[] input = new byte[12 * 12 * 2];
    new SplittableRandom(5).nextBytes(input);

    ModelRunner runner = ModelRunner.on(target);
    RunResult plain = runner.run(model, List.of(input), work.resolve("plain"));
    RunResult profiled = runner.withLayerProfile().run(model, List.of(input),
        work.resolve("profiled"));

    assertThat(profiled.output(0)).isEqualTo(plain.output(0));
    LayerProfile profile = profiled.profiles().get(0);
    List<String> names = engine.layers().stream().map(LayerFacts::name).toList();
    assertThat(profile.layers().stream().map(names::get).toList())
        .containsExactly("stem", "dw", "project", "residual", "pool", "logits", "probabilities")
        .inOrder();
    for (int k = 0; k < profile.layers().size(); k++) {
      assertThat(profile.instructions(k)).isGreaterThan(0.0);
    }
    assertThat(profile.rawSum() + profile.tail()).isEqualTo(profile.total());
    assertThat(Math.abs(profile.estimatedTotal() - plain.instructions().get(0)))
        .isAtMost(40.0);
  }
}
