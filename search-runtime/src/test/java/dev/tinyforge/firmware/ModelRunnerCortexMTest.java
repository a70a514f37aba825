package dev.tinyforge.firmware;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.tinyforge.firmware.ModelRunnerHostTest.randomInputs;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyforge.firmware.ModelRunException.Failure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The host's checks on QEMU's Cortex-M7 and Cortex-M4, plus what only they measure. */
class ModelRunnerCortexMTest {
  @TempDir Path models;
  @TempDir Path work;

  @ParameterizedTest
  @EnumSource(names = {"CORTEX_M7", "CORTEX_M4"})
  void returnsTheSameBytesAsTheHostComputes(CTarget target) throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);
    List<byte[]> inputs =
        List.of(
            new byte[] {0, 1, 2, 3},
            new byte[] {127, -128, -1, 42},
            new byte[] {-7, 100, 0, -100});

    RunResult result = Toolchains.runnerFor(target).run(toy, inputs, work);

    assertThat(result.outputs()).hasSize(3);
    for (int i = 0; i < inputs.size(); i++) {
      assertThat(result.output(i)).isEqualTo(FakeModels.toyExpected(inputs.get(i)));
    }
    assertThat(result.target()).isEqualTo(target);
    assertThat(result.buildDirectory().getFileName().toString()).isEqualTo("toy-" + target.slug());
  }

  @ParameterizedTest
  @EnumSource(names = {"CORTEX_M7", "CORTEX_M4"})
  void reportsAPlausibleStackHighWaterMark(CTarget target) throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 16);

    RunResult result = Toolchains.runnerFor(target).run(toy, List.of(new byte[16]), work);

    StackUsage stack = result.stack().orElseThrow();
    // main's frame, the call into toy_invoke and a semihosting call: tens of bytes, not kilobytes.
    assertThat(stack.highWaterBytes()).isGreaterThan(16);
    assertThat(stack.highWaterBytes()).isLessThan(1024);
    assertThat(stack.reservedBytes()).isEqualTo(16 * 1024);
  }

  @Test
  void theStackMarkGrowsWithWhatTheModelPutsOnTheStack() throws Exception {
    ModelRunner runner = Toolchains.runnerFor(CTarget.CORTEX_M7);
    GeneratedModel hog = FakeModels.stackHog(models, 3000);

    StackUsage stack = runner.run(hog, List.of(new byte[] {5}), work).stack().orElseThrow();

    assertThat(stack.highWaterBytes()).isAtLeast(3000);
    assertThat(stack.highWaterBytes()).isLessThan(3000 + 512);
  }

  @Test
  void usingTheWholeStackIsReportedAsAnOverflow() throws Exception {
    ModelRunner runner = Toolchains.runnerFor(CTarget.CORTEX_M7).withStackBytes(2048);
    GeneratedModel hog = FakeModels.stackHog(models, 3000);

    ModelRunException e =
        assertThrows(
            ModelRunException.class, () -> runner.run(hog, List.of(new byte[] {5}), work));

    assertWithMessage(e.getMessage()).that(e.failure()).isEqualTo(Failure.STACK_OVERFLOW);
    assertThat(e.exitStatus()).hasValue(241);
  }

  @ParameterizedTest
  @EnumSource(names = {"CORTEX_M7", "CORTEX_M4"})
  void countsExecutedInstructionsExactlyAndRepeatably(CTarget target) throws Exception {
    ModelRunner runner = Toolchains.runnerFor(target);
    byte[] input = randomInputs(1, 784, 3).get(0);

    RunResult small = runner.run(FakeModels.toy(models, 16), List.of(new byte[16]), work);
    RunResult large = runner.run(FakeModels.toy(models, 784), List.of(input, input), work);
    RunResult again = runner.run(FakeModels.toy(models, 784), List.of(input, input), work);

    long smallCount = small.instructionsOf(0).orElseThrow();
    long largeCount = large.instructionsOf(0).orElseThrow();
    assertThat(smallCount).isGreaterThan(0L);
    // -icount makes the count a property of the program, not of the machine's load.
    assertThat(again.instructions()).isEqualTo(large.instructions());
    // The same work twice in one run: equal up to where it starts within a 40-instruction tick.
    assertThat(Math.abs(large.instructionsOf(1).orElseThrow() - largeCount)).isAtMost(40L);
    // About 784 / 16 = 49 times the loop work; at least 20x leaves room for fixed costs.
    assertThat(largeCount).isGreaterThan(20 * smallCount);
    assertThat(smallCount % 40).isEqualTo(0L); // one SysTick tick is 40 instructions on mps2
  }

  @Test
  void handlesAHundredMnistSizedInputsFromFlash() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 784);
    List<byte[]> inputs = randomInputs(100, 784, 4);

    RunResult result = Toolchains.runnerFor(CTarget.CORTEX_M7).run(toy, inputs, work);

    assertThat(result.outputs()).hasSize(100);
    for (int i = 0; i < inputs.size(); i++) {
      assertThat(result.output(i)).isEqualTo(FakeModels.toyExpected(inputs.get(i)));
    }
    assertThat(result.instructions()).hasSize(100);
  }

  @Test
  void aHardFaultGivesTheFaultRegistersAndADistinctStatus() throws Exception {
    GeneratedModel wild = FakeModels.wildPointer(models);
    ModelRunner runner = Toolchains.runnerFor(CTarget.CORTEX_M7);

    ModelRunException e =
        assertThrows(
            ModelRunException.class, () -> runner.run(wild, List.of(new byte[] {1}), work));

    assertThat(e.failure()).isEqualTo(Failure.CRASHED);
    assertThat(e.exitStatus()).hasValue(240);
    // A precise data bus error (CFSR.PRECISERR | BFARVALID) at the wild address.
    assertThat(e).hasMessageThat().contains("CFSR=0x00008200");
    assertThat(e).hasMessageThat().contains("BFAR=0x50000000");
  }

  @Test
  void aModelThatDoesNotFitTheBoardFailsToLink() throws Exception {
    GeneratedModel toy = FakeModels.toy(models, 4);
    // 16 KiB of stack cannot fit 8 KiB of SRAM.
    ModelRunner runner = Toolchains.runnerFor(CTarget.CORTEX_M4).withBoardMemory(1 << 20, 8 << 10);

    ModelRunException e =
        assertThrows(ModelRunException.class, () -> runner.run(toy, List.of(new byte[4]), work));

    assertThat(e.failure()).isEqualTo(Failure.COMPILE_ERROR);
    assertThat(e).hasMessageThat().contains("does not fit RAM_SIZE");
  }

  @Test
  void withoutCRuntimeOnTheClassPathTheDefaultSourcesSayWhatIsMissing() throws Exception {
    // search-runtime's own test class path has no c-runtime jar: the default must fail clearly.
    GeneratedModel toy = FakeModels.toy(models, 4);

    ModelRunException e =
        assertThrows(
            ModelRunException.class,
            () -> ModelRunner.on(CTarget.CORTEX_M4).run(toy, List.of(new byte[4]), work));

    assertThat(e.failure()).isEqualTo(Failure.TOOLCHAIN_MISSING);
    assertThat(e).hasMessageThat().contains("tinyforge/c/bare-metal/");
  }

  @Test
  void anEndlessLoopIsKilledAtTheTimeout() throws Exception {
    GeneratedModel spin = FakeModels.endlessLoop(models);
    ModelRunner runner = Toolchains.runnerFor(CTarget.CORTEX_M4).withTimeout(Duration.ofSeconds(2));

    ModelRunException e =
        assertThrows(
            ModelRunException.class, () -> runner.run(spin, List.of(new byte[] {1}), work));

    assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
  }
}
