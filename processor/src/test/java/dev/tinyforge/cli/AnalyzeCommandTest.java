package dev.tinyforge.cli;

import static com.google.common.truth.Truth.assertThat;
import static dev.tinyforge.cli.GenerateCommandTest.assertClearError;
import static dev.tinyforge.cli.GenerateCommandTest.shared;

import org.junit.jupiter.api.Test;

/** {@code tinyforge analyze}: the layer table and the budgets, without writing anything. */
class AnalyzeCommandTest {
  @Test
  void helloWorldShowsItsLayersAndFits() {
    CliRun run = CliRun.of("analyze", "--tflite", shared("hello_world"), "--board", "STM32F412");

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("on STM32F412 (Cortex-M4, 100 MHz): 3 layers");
    assertThat(run.out()).containsMatch("layer +op +output shape +MACs +params +bytes live");
    // 1 -> 16 -> 16 -> 1: 16 + 256 + 16 MACs; params count weights and biases.
    assertThat(run.out()).containsMatch("fully_connected_0 +dense +1x1x16 +16 +32 ");
    assertThat(run.out()).containsMatch("fully_connected_1 +dense +1x1x16 +256 +272 ");
    assertThat(run.out()).containsMatch("fully_connected_2 +dense +1x1x1 +16 +17 ");
    assertThat(run.out()).contains("MACs        288");
    assertThat(run.out()).containsMatch("peak SRAM .* of 256.0 KiB: fits");
    assertThat(run.out()).containsMatch("flash .* of 1.00 MiB: fits");
  }

  @Test
  void personDetectOverACustomBoardShowsTheTableAndFails() {
    CliRun run = CliRun.of("analyze", "--tflite", shared("person_detect"), "--board", "custom",
        "--sram-kb", "16", "--flash-kb", "1024", "--clock-mhz", "100");

    assertClearError(run, "TinyModel/SramBudget");
    assertThat(run.out()).contains("on CUSTOM (custom, 100 MHz): ");
    assertThat(run.out()).containsMatch("peak SRAM .* of 16.0 KiB: does NOT fit \\(over by ");
    assertThat(run.out()).contains("conv_2d_0");
  }

  @Test
  void anOverrideChangesTheBudget() {
    CliRun run = CliRun.of("analyze", "--tflite", shared("micro_speech"), "--board",
        "NRF52840", "--flash-kb", "16");

    assertClearError(run, "TinyModel/FlashBudget");
    assertThat(run.out()).containsMatch("flash .* of 16.0 KiB: does NOT fit");
  }

  @Test
  void aMissingFileIsAClearError() {
    CliRun run = CliRun.of("analyze", "--tflite", "no/such/model.tflite", "--board", "STM32F746");

    assertClearError(run, "Tflite/Missing");
    assertThat(run.out()).isEmpty();
  }
}
