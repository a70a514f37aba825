package dev.tinyforge.example;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.firmware.CTarget;
import dev.tinyforge.firmware.ModelRunner;
import dev.tinyforge.firmware.RunResult;
import dev.tinyforge.mirror.ModelMirror;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example models' firmware, as `mvn compile` wrote it, against their Java mirrors: 100 random
 * inputs plus the shipped digits on the host (strict warnings, then address and undefined-
 * behaviour sanitizers), and on Cortex-M7 and Cortex-M4 under QEMU.
 */
class ExampleFirmwareParityTest {
  private static final Path FIRMWARE = Path.of("target/generated-sources/annotations/tinyforge");
  private static final int RANDOM_INPUTS = 100;

  @TempDir Path work;

  static Stream<Arguments> modelsAndTargets() {
    List<Arguments> cases = new ArrayList<>();
    for (ModelMirror model : List.of(new DigitsMlpMirror(), new DigitsCnnMirror(),
        new DigitsNasMirror())) {
      cases.add(Arguments.of(model, "host", ModelRunner.on(CTarget.HOST)));
      cases.add(Arguments.of(model, "host-sanitized", ModelRunner.on(CTarget.HOST)
          .withSanitizers()));
      cases.add(Arguments.of(model, "cortex-m7", ModelRunner.on(CTarget.CORTEX_M7)));
      cases.add(Arguments.of(model, "cortex-m4", ModelRunner.on(CTarget.CORTEX_M4)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("modelsAndTargets")
  void firmwareEqualsMirror(ModelMirror model, String where, ModelRunner runner) {
    requireTools(runner.target());
    List<byte[]> inputs = new ArrayList<>(DigitSamples.load().inputsFor(model.inputBytes()));
    Random random = new Random(model.name().hashCode());
    for (int i = 0; i < RANDOM_INPUTS; i++) {
      byte[] input = new byte[model.inputBytes()];
      random.nextBytes(input);
      inputs.add(input);
    }
    RunResult result = runner.run(FIRMWARE.resolve(model.name()), model.name(), inputs, work);
    for (int i = 0; i < inputs.size(); i++) {
      assertWithMessage("%s on %s, input %s", model.name(), where, i)
          .that(result.output(i)).isEqualTo(model.invoke(inputs.get(i)));
    }
    assertThat(result.outputs()).hasSize(inputs.size());
    System.out.printf("%s on %s: %d inputs equal to the mirror%s%n", model.name(), where,
        inputs.size(), result.stack().map(s -> ", stack high-water " + s).orElse(""));
  }

  /** Missing tools fail in CI (.ci/run installs them); elsewhere the case is skipped. */
  private static void requireTools(CTarget target) {
    if (target.isAvailable()) {
      return;
    }
    String message = target + " needs " + target.missingTools();
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(message + " (CI=true: .ci/run installs them)");
    }
    Assumptions.abort(message);
  }
}
