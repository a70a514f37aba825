package dev.tinyforge.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tinyforge.processor.Compilations.compile;
import static dev.tinyforge.processor.Compilations.source;
import static dev.tinyforge.processor.ModelOutputs.assertNothingWritten;
import static dev.tinyforge.processor.ModelOutputs.assertNothingWrittenAtAll;

import com.google.testing.compile.Compilation;
import dev.tinyforge.processor.Compilations.Compiled;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The board and the SRAM and flash figures given in {@code @TinyModel}. */
class BoardFiguresTest {
  @Test
  void customBoardWithoutAllItsFiguresIsReportedOnBoard() {
    JavaFileObject source = source("bad/CustomBoardWithoutFigures.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[TinyModel/CustomBoard]")
        .inFile(source).onLineContaining("board = Board.CUSTOM");
    assertThat(compilation).hadErrorContaining("set sramKb, flashKb and clockMhz");
    assertNothingWritten(compiled, "bad.CustomBoardWithoutFigures",
        "custom_board_without_figures");
  }

  @Test
  void zeroSramKbIsReportedOnSramKb() {
    JavaFileObject source = source("bad/ZeroSramKb.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/SramKb] sramKb must be a positive number of KiB, got 0;"
            + " leave it out to use the STM32F412's 256 KiB")
        .inFile(source).onLineContaining("sramKb = 0");
    assertNothingWritten(compiled, "bad.ZeroSramKb", "zero_sram_kb");
  }

  @Test
  void negativeFlashKbIsReportedOnFlashKb() {
    JavaFileObject source = source("bad/NegativeFlashKb.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/FlashKb] flashKb must be a positive number of KiB,"
            + " got -1; leave it out to use the STM32F412's 1024 KiB")
        .inFile(source).onLineContaining("flashKb = -1");
    assertNothingWritten(compiled, "bad.NegativeFlashKb", "negative_flash_kb");
  }

  /**
   * An unknown board cannot reach the processor's rules: Board is an enum, so javac itself
   * rejects the constant. javac then runs no annotation processing at all (a good model in the
   * same compilation gets no files either), so the processor neither crashes nor adds noise.
   */
  @Test
  void unknownBoardIsJavacsOwnErrorAndTheProcessorDoesNotCrash() {
    JavaFileObject source = source("bad/UnknownBoard.java");
    Compiled compiled = compile(source, source("good/TinyConv.java"));
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(source).onLineContaining("board = Board.NOPE");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertNothingWrittenAtAll(compiled);
  }
}
