package dev.tinyforge.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tinyforge.processor.Compilations.compile;
import static dev.tinyforge.processor.Compilations.source;
import static dev.tinyforge.processor.ModelOutputs.assertAllWritten;
import static dev.tinyforge.processor.ModelOutputs.assertNothingWritten;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import dev.tinyforge.processor.Compilations.Compiled;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The model as a whole: its input, its C name, its layer fields. */
class ModelDeclarationTest {
  @Test
  void missingInputShapeIsReportedOnTheAnnotation() {
    JavaFileObject source = source("bad/MissingInputShape.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/InputShape] the input shape is missing; give input ="
            + " {height, width, channels} or input = {features}")
        .inFile(source).onLineContaining("@TinyModel(board = Board.STM32F412)");
    assertNothingWritten(compiled, "bad.MissingInputShape", "missing_input_shape");
  }

  @Test
  void annotationOnARecordIsReportedNotIgnored() {
    JavaFileObject source = source("bad/ModelOnRecord.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/NotAClass] @TinyModel goes on a class whose Layer fields"
            + " declare the layers; ModelOnRecord is a record")
        .inFile(source).onLineContaining("record ModelOnRecord");
    assertNothingWritten(compiled, "bad.ModelOnRecord", "model_on_record");
  }

  @Test
  void invalidCNameIsReportedOnName() {
    JavaFileObject source = source("bad/InvalidCName.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/Name] name \"digits-net\" is not a C identifier")
        .inFile(source).onLineContaining("name = \"digits-net\"");
    assertNothingWritten(compiled, "bad.InvalidCName", "digits-net");
  }

  @Test
  void secondModelWithTheSameCNameIsReportedOnItsNameAndTheFirstIsKept() {
    JavaFileObject first = source("bad/DuplicateNameFirst.java");
    JavaFileObject second = source("bad/DuplicateNameSecond.java");
    Compiled compiled = compile(second, first);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/DuplicateName] the C name \"twin\" is already used by"
            + " bad.DuplicateNameFirst")
        .inFile(second).onLineContaining("name = \"twin\"");
    assertAllWritten(compiled, "bad.DuplicateNameFirst", "twin");
    // The firmware folder "twin" is the first model's; the second gets no mirror, no constants.
    Truth.assertThat(compiled.created()).containsNoneOf(
        "/SOURCE_OUTPUT/bad/DuplicateNameSecondMirror.java",
        "/CLASS_OUTPUT/bad/DuplicateNameSecondMirror.bin");
  }

  @Test
  void cNamesThatDifferOnlyInCaseAreDuplicates() {
    JavaFileObject first = source("bad/DuplicateNameFirst.java");
    JavaFileObject otherCase = source("bad/DuplicateNameOtherCase.java");
    Compiled compiled = compile(first, otherCase);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/DuplicateName] the C name \"Twin\" is already used by"
            + " bad.DuplicateNameFirst")
        .inFile(otherCase).onLineContaining("name = \"Twin\"");
    assertAllWritten(compiled, "bad.DuplicateNameFirst", "twin");
    assertNothingWritten(compiled, "bad.DuplicateNameOtherCase", "Twin");
  }

  @Test
  void modelWithoutLayersIsReportedOnTheAnnotation() {
    JavaFileObject source = source("bad/NoLayers.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[TinyModel/NoLayers] NoLayers declares no layers")
        .inFile(source).onLineContaining("@TinyModel(");
    assertNothingWritten(compiled, "bad.NoLayers", "no_layers");
  }

  @Test
  void fieldWithTwoLayerAnnotationsIsReportedOnTheField() {
    JavaFileObject source = source("bad/TwoLayerAnnotations.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Layer/TwoAnnotations] field 'both' carries @Dense and @Softmax")
        .inFile(source).onLineContaining("Layer both;");
    assertNothingWritten(compiled, "bad.TwoLayerAnnotations", "two_layer_annotations");
  }
}
