package dev.tinyforge.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tinyforge.processor.Compilations.compile;
import static dev.tinyforge.processor.Compilations.source;
import static dev.tinyforge.processor.ModelOutputs.assertNothingWritten;

import com.google.testing.compile.Compilation;
import dev.tinyforge.processor.Compilations.Compiled;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Layers whose shapes do not chain, or whose parameters cannot work. */
class LayerShapeTest {
  @Test
  void denseAfterConvWithoutFlattenNamesTheLayerAndBothShapes() {
    JavaFileObject source = source("bad/DenseAfterConv.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Layer/ShapeMismatch] dense 'logits' cannot take its input: it"
            + " needs a vector but the previous layer 'features' gives 8x8x4; add a @Flatten"
            + " layer before it")
        .inFile(source).onLineContaining("@Dense(units = 10)");
    assertNothingWritten(compiled, "bad.DenseAfterConv", "dense_after_conv");
  }

  @Test
  void reshapeToAnotherSizeIsReportedOnShape() {
    JavaFileObject source = source("bad/ReshapeWrongSize.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Layer/ShapeMismatch] reshape 'square' cannot take its input: the"
            + " new shape 5x5x1 holds 25 values but the model input gives 4x4x2 = 32")
        .inFile(source).onLineContaining("shape = {5, 5, 1}");
    assertNothingWritten(compiled, "bad.ReshapeWrongSize", "reshape_wrong_size");
  }

  @Test
  void addOfTwoShapesIsReportedOnWith() {
    JavaFileObject source = source("bad/AddOfDifferentShapes.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Layer/ShapeMismatch] add 'residual' cannot take its input: both"
            + " inputs need one shape, but the previous layer 'widen' gives 4x4x3 and 'input'"
            + " gives 4x4x2")
        .inFile(source).onLineContaining("with = \"input\"");
    assertNothingWritten(compiled, "bad.AddOfDifferentShapes", "add_of_different_shapes");
  }

  @Test
  void kernelLargerThanTheValidInputIsReportedOnKernel() {
    JavaFileObject source = source("bad/KernelTooLarge.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Layer/KernelTooLarge] conv2d 'big': a 5x5 window does not fit the"
            + " 4x4x1 input padded to 4x4; use padding = SAME")
        .inFile(source).onLineContaining("kernel = 5");
    assertNothingWritten(compiled, "bad.KernelTooLarge", "kernel_too_large");
  }

  @Test
  void zeroStrideIsReportedOnStride() {
    JavaFileObject source = source("bad/ZeroStride.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Layer/Parameter] conv2d 'stem': stride must be at least 1, got 0")
        .inFile(source).onLineContaining("stride = 0");
    assertNothingWritten(compiled, "bad.ZeroStride", "zero_stride");
  }

  @Test
  void zeroKernelIsReportedOnKernel() {
    JavaFileObject source = source("bad/ZeroKernel.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Layer/Parameter] depthwise_conv2d 'depthwise': kernel must be at"
            + " least 1, got 0")
        .inFile(source).onLineContaining("kernel = 0");
    assertNothingWritten(compiled, "bad.ZeroKernel", "zero_kernel");
  }

  /** Stride 0 means "the pool size": only the pool size is wrong, so only it is reported. */
  @Test
  void zeroPoolIsReportedOnPoolAlone() {
    JavaFileObject source = source("bad/ZeroPool.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Layer/Parameter] max_pool2d 'max': pool must be at least 1, got 0")
        .inFile(source).onLineContaining("pool = 0");
    assertNothingWritten(compiled, "bad.ZeroPool", "zero_pool");
  }

  @Test
  void addWithAnUnknownReferenceIsReportedOnWithAndListsTheNames() {
    JavaFileObject source = source("bad/UnknownAddReference.java");
    Compiled compiled = compile(source);
    Compilation compilation = compiled.compilation();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Layer/UnknownReference] add 'residual': with = \"nowhere\" names"
            + " no earlier layer; it can name \"input\" or one of: input, mix")
        .inFile(source).onLineContaining("with = \"nowhere\"");
    assertNothingWritten(compiled, "bad.UnknownAddReference", "unknown_add_reference");
  }
}
