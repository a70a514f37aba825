package dev.tinyforge.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tinyforge.processor.Compilations.compile;
import static dev.tinyforge.processor.Compilations.source;
import static dev.tinyforge.processor.ModelOutputs.assertNothingWritten;

import com.google.testing.compile.Compilation;
import dev.tinyforge.processor.Compilations.Compiled;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Planned SRAM and flash against the budget: on the member that set the budget, or on
 * {@code board} when the budget is the board's own.
 */
class BudgetTest {
  @Test
  void sramOverTheBoardsSaysByHowMuchAndNamesThePeakLayer() {
    JavaFileObject source = source("bad/SramOverBoard.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/SramBudget] the model needs 704.0 KiB of SRAM but"
            + " STM32F412 has 256.0 KiB (over by 448.0 KiB); the peak is at layer 'expand'"
            + " (704.0 KiB live)")
        .inFile(source).onLineContaining("board = Board.STM32F412");
    assertNothingWritten(compiled, "bad.SramOverBoard", "sram_over_board");
  }

  @Test
  void sramOverAnOverrideIsReportedOnSramKb() {
    JavaFileObject source = source("bad/SramOverOverride.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/SramBudget] the model needs 12.0 KiB of SRAM but"
            + " STM32F412 has 8.0 KiB (over by 4.0 KiB); the peak is at layer 'expand'")
        .inFile(source).onLineContaining("sramKb = 8");
    assertNothingWritten(compiled, "bad.SramOverOverride", "sram_over_override");
  }

  @Test
  void flashOverTheBoardsSaysByHowMuchAndNamesTheLargestLayer() {
    JavaFileObject source = source("bad/FlashOverBoard.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[TinyModel/FlashBudget] the model needs ")
        .inFile(source).onLineContaining("board = Board.STM32F412");
    assertThat(compilation).hadErrorContaining("but STM32F412 has 1.00 MiB (over by ");
    assertThat(compilation).hadErrorContaining("the largest layer is 'huge'");
    assertNothingWritten(compiled, "bad.FlashOverBoard", "flash_over_board");
  }

  @Test
  void flashOverAnOverrideIsReportedOnFlashKb() {
    JavaFileObject source = source("bad/FlashOverOverride.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // 256 x 128 weights + 128 biases x 4 B + 128 channels x 8 B of requantization = 33.5 KiB;
    // code: 200 B of engine + 40 B for the call + 750 B of tforge_fully_connected_fast_s8.
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/FlashBudget] the model needs 34.5 KiB of flash (weights"
            + " 33.5 KiB, code about 990 B) but CUSTOM has 16.0 KiB (over by 18.5 KiB); the"
            + " largest layer is 'wide' (33.5 KiB of weights). Use fewer channels or units")
        .inFile(source).onLineContaining("flashKb = 16");
    assertNothingWritten(compiled, "bad.FlashOverOverride", "flash_over_override");
  }
}
