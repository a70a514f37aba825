package dev.tinyforge.parity;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyforge.firmware.CTarget;
import dev.tinyforge.firmware.ModelRunException;
import dev.tinyforge.firmware.ModelRunner;
import dev.tinyforge.firmware.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firmware folder's {@code <name>_budget.ld} holds the linked image to the SRAM budget the
 * model was planned for: the engine alone links on Cortex-M, the same engine beside application
 * data that crowds it out of the budget does not, and the linker says why.
 */
class LinkerBudgetTest {
  /** A 1 KiB board: the engine (a 16-byte arena) fits; 3 KiB more of static RAM does not. */
  private static final String MODEL = """
      package parity;

      import dev.tinyforge.annotations.Board;
      import dev.tinyforge.annotations.Dense;
      import dev.tinyforge.annotations.Layer;
      import dev.tinyforge.annotations.TinyModel;

      @TinyModel(board = Board.CUSTOM, sramKb = 1, flashKb = 16, clockMhz = 16, input = {1, 1, 8},
          name = "one_kib")
      public class OneKib {
        @Dense(units = 8)
        Layer dense;
      }
      """;

  @TempDir static Path work;
  private static GeneratedModels generated;

  @BeforeAll
  static void compileModel() throws Exception {
    generated = GeneratedModels.compile(Map.of("parity.OneKib", MODEL), work);
  }

  @Test
  void theFolderCarriesTheBudgetAsALinkerAssertion() throws Exception {
    String fragment = Files.readString(generated.firmware("one_kib").resolve("one_kib_budget.ld"));
    assertThat(fragment).contains("ASSERT(SIZEOF(.data) + SIZEOF(.bss) <= 1024,");
  }

  @Test
  void theEngineAloneLinksWithinItsBudget() throws Exception {
    assertToolsPresent();
    RunResult result = ModelRunner.on(CTarget.CORTEX_M7)
        .run(generated.firmware("one_kib"), "one_kib", List.of(new byte[8]),
            Files.createDirectories(work.resolve("alone")));
    assertThat(result.outputs()).hasSize(1);
  }

  @Test
  void applicationDataThatCrowdsTheEngineOutFailsTheLink() {
    assertToolsPresent();
    // The layer profile adds about 3 KiB of tables to the image's .bss.
    ModelRunner crowded = ModelRunner.on(CTarget.CORTEX_M7).withLayerProfile();
    ModelRunException failure = assertThrows(ModelRunException.class,
        () -> crowded.run(generated.firmware("one_kib"), "one_kib", List.of(new byte[8]),
            Files.createDirectories(work.resolve("crowded"))));
    assertThat(failure).hasMessageThat().contains("one_kib: .data + .bss exceed the SRAM budget"
        + " of 1024 bytes (CUSTOM) that javac planned the engine for");
  }

  private static void assertToolsPresent() {
    assertWithMessage("Cortex-M7 needs " + CTarget.CORTEX_M7.missingTools())
        .that(CTarget.CORTEX_M7.isAvailable()).isTrue();
  }
}
