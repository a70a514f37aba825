package dev.tinyforge.firmware;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyforge.firmware.ModelRunException.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRunnerHostTest {
  @TempDir Path models;
  @TempDir Path work;

  private ModelRunner runner;

  @BeforeEach
  void setUp() {
    runner = Toolchains.runnerFor(CTarget.HOST);
  }

  @Test
  void runsEveryInputAndReturnsTheOutputsInOrder() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);
    List<byte[]> inputs =
        List.of(
            new byte[] {0, 1, 2, 3},
            new byte[] {127, -128, -1, 42}, // 127 wraps to -128
            new byte[] {-7, 100, 0, -100});

    RunResult result = runner.run(toy, inputs, work);

    assertThat(result.outputs()).hasSize(3);
    for (int i = 0; i < inputs.size(); i++) {
      assertThat(result.output(i)).isEqualTo(FakeModels.toyExpected(inputs.get(i)));
    }
    assertThat(result.output(1)[0]).isEqualTo((byte) -128);
    assertThat(result.stack()).isEmpty();
    assertThat(result.instructions()).isEmpty();
    assertThat(result.target()).isEqualTo(CTarget.HOST);
  }

  @Test
  void writesOnlyIntoTheWorkDirectory() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);
    List<Path> before;
    try (var files = Files.list(toy.directory())) {
      before = files.sorted().toList();
    }

    RunResult result = runner.run(toy, List.of(new byte[4]), work);

    try (var files = Files.list(toy.directory())) {
      assertThat(files.sorted().toList()).isEqualTo(before);
    }
    assertThat(result.buildDirectory().startsWith(work)).isTrue();
    assertThat(Files.exists(result.buildDirectory().resolve("main.c"))).isTrue();
    assertThat(Files.exists(result.buildDirectory().resolve("run.log"))).isTrue();
  }

  @Test
  void handlesAHundredMnistSizedInputs() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 784);
    List<byte[]> inputs = randomInputs(100, 784, 1);

    RunResult result = runner.run(toy, inputs, work);

    assertThat(result.outputs()).hasSize(100);
    for (int i = 0; i < inputs.size(); i++) {
      assertThat(result.output(i)).isEqualTo(FakeModels.toyExpected(inputs.get(i)));
    }
  }

  @Test
  void sanitizedBuildGivesTheSameOutputs() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 8);
    List<byte[]> inputs = randomInputs(5, 8, 2);

    RunResult result = runner.withSanitizers().run(toy, inputs, work);

    for (int i = 0; i < inputs.size(); i++) {
      assertThat(result.output(i)).isEqualTo(FakeModels.toyExpected(inputs.get(i)));
    }
    assertThat(result.buildDirectory().getFileName().toString()).isEqualTo("toy-host-sanitized");
  }

  @Test
  void sanitizerReportsAnOutOfBoundsRead() throws Exception {
    GeneratedModel oob = FakeModels.outOfBoundsRead(models);

    ModelRunException e =
        assertThrows(
            ModelRunException.class,
            () -> runner.withSanitizers().run(oob, List.of(new byte[] {1}), work));

    assertThat(e.failure()).isEqualTo(Failure.SANITIZER_ERROR);
    assertThat(e).hasMessageThat().contains("global-buffer-overflow");
  }

  @Test
  void warningsAreCompileErrorsAndTheMessageShowsTheCompilerOutput() throws Exception {
    GeneratedModel sloppy = FakeModels.warning(models);

    ModelRunException e =
        assertThrows(
            ModelRunException.class, () -> runner.run(sloppy, List.of(new byte[] {1}), work));

    assertThat(e.failure()).isEqualTo(Failure.COMPILE_ERROR);
    assertThat(e).hasMessageThat().contains("unused_on_purpose");
    assertThat(e).hasMessageThat().contains("-Werror");
  }

  @Test
  void anInputOfTheWrongSizeIsACompileErrorNamingIt() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);

    ModelRunException e =
        assertThrows(
            ModelRunException.class,
            () -> runner.run(toy, List.of(new byte[4], new byte[5]), work));

    assertThat(e.failure()).isEqualTo(Failure.COMPILE_ERROR);
    assertThat(e).hasMessageThat().contains("input_1_must_have_TOY_INPUT_BYTES_bytes");
  }

  @Test
  void aSegmentationFaultIsReportedAsACrash() throws Exception {
    GeneratedModel wild = FakeModels.wildPointer(models);

    ModelRunException e =
        assertThrows(
            ModelRunException.class, () -> runner.run(wild, List.of(new byte[] {1}), work));

    assertThat(e.failure()).isEqualTo(Failure.CRASHED);
    assertThat(e).hasMessageThat().contains("SIGSEGV");
  }

  @Test
  void aNonZeroInvokeStatusNamesTheInput() throws Exception {
    GeneratedModel refuse = FakeModels.failingInvoke(models);

    ModelRunException e =
        assertThrows(
            ModelRunException.class, () -> runner.run(refuse, List.of(new byte[] {1}), work));

    assertThat(e.failure()).isEqualTo(Failure.INVOKE_FAILED);
    assertThat(e).hasMessageThat().contains("0 3");
    assertThat(e.exitStatus()).hasValue(2);
  }

  @Test
  void aProgramThatNeverEndsIsKilledAtTheTimeout() throws Exception {
    GeneratedModel spin = FakeModels.endlessLoop(models);

    ModelRunException e =
        assertThrows(
            ModelRunException.class,
            () ->
                runner
                    .withTimeout(Duration.ofSeconds(1))
                    .run(spin, List.of(new byte[] {1}), work));

    assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
  }

  @Test
  void refusesABuildDirectoryInsideTheModelFolder() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> runner.run(toy, List.of(new byte[4]), toy.directory()));

    assertThat(e).hasMessageThat().contains("inside the model folder");
  }

  @Test
  void refusesNoInputs() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);

    assertThrows(IllegalArgumentException.class, () -> runner.run(toy, List.of(), work));
  }

  @Test
  void sanitizersAndMemoryLimitsBelongToTheirTargets() {
    ModelRunner host = ModelRunner.on(CTarget.HOST);
    ModelRunner m7 = ModelRunner.on(CTarget.CORTEX_M7);
    assertThrows(IllegalStateException.class, () -> m7.withSanitizers());
    assertThrows(IllegalStateException.class, () -> host.withStackBytes(4096));
    assertThrows(
        IllegalStateException.class, () -> host.withBoardMemory(1, 1));
  }

  static List<byte[]> randomInputs(int count, int bytes, long seed) {
    Random random = new Random(seed);
    List<byte[]> inputs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] input = new byte[bytes];
      random.nextBytes(input);
      inputs.add(input);
    }
    return inputs;
  }
}
