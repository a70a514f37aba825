package dev.tinyforge.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tinyforge.processor.Compilations.compile;
import static dev.tinyforge.processor.Compilations.source;
import static dev.tinyforge.processor.ModelOutputs.assertAllWritten;
import static dev.tinyforge.processor.ModelOutputs.assertNothingWritten;

import com.google.testing.compile.Compilation;
import dev.tinyforge.processor.Compilations.Compiled;
import org.junit.jupiter.api.Test;

/** A model with errors gets no files; the other models of the compilation still get all. */
class ModelIsolationTest {
  @Test
  void modelRejectedByADeclarationRuleDoesNotStopAGoodOne() {
    Compiled compiled = compile(source("good/TinyConv.java"), source("bad/NoLayers.java"));
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[TinyModel/NoLayers]");
    assertNothingWritten(compiled, "bad.NoLayers", "no_layers");
    assertAllWritten(compiled, "good.TinyConv", "tiny_conv");
  }

  @Test
  void modelRejectedAfterPlanningDoesNotStopAGoodOne() {
    Compiled compiled = compile(source("bad/SramOverBoard.java"), source("good/TinyConv.java"));
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[TinyModel/SramBudget]");
    assertNothingWritten(compiled, "bad.SramOverBoard", "sram_over_board");
    assertAllWritten(compiled, "good.TinyConv", "tiny_conv");
  }
}
