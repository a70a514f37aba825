package dev.tinyforge.tflite;

import java.util.Arrays;

/**
 * The builtin options of an operator that TinyForge reads (the {@code BuiltinOptions} union of
 * schema.fbs). Fields keep the schema's names and defaults; options of other types read as null.
 */
public sealed interface TfliteOptions {

  /** Conv2DOptions (union type 1). */
  record Conv2D(
      TflitePadding padding,
      int strideW,
      int strideH,
      TfliteActivation activation,
      int dilationW,
      int dilationH)
      implements TfliteOptions {}

  /** DepthwiseConv2DOptions (union type 2). */
  record DepthwiseConv2D(
      TflitePadding padding,
      int strideW,
      int strideH,
      int depthMultiplier,
      TfliteActivation activation,
      int dilationW,
      int dilationH)
      implements TfliteOptions {}

  /** Pool2DOptions (union type 5), for AVERAGE_POOL_2D and MAX_POOL_2D. */
  record Pool2D(
      TflitePadding padding,
      int strideW,
      int strideH,
      int filterWidth,
      int filterHeight,
      TfliteActivation activation)
      implements TfliteOptions {}

  /** FullyConnectedOptions (union type 8). */
  record FullyConnected(
      TfliteActivation activation,
      boolean shuffled4x16Weights,
      boolean keepNumDims,
      boolean asymmetricQuantizeInputs)
      implements TfliteOptions {}

  /** SoftmaxOptions (union type 9). */
  record Softmax(float beta) implements TfliteOptions {}

  /** ConcatenationOptions (union type 10); a negative axis counts from the last dimension. */
  record Concatenation(int axis, TfliteActivation activation) implements TfliteOptions {}

  /** AddOptions (union type 11). */
  record Add(TfliteActivation activation, boolean potScaleInt16) implements TfliteOptions {}

  /** ReshapeOptions (union type 17); newer converters pass the shape as a second input instead. */
  record Reshape(int[] newShape) implements TfliteOptions {
    public Reshape {
      newShape = newShape.clone();
    }

    @Override
    public int[] newShape() {
      return newShape.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Reshape that && Arrays.equals(newShape, that.newShape);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(newShape);
    }

    @Override
    public String toString() {
      return "Reshape[newShape=" + Arrays.toString(newShape) + "]";
    }
  }

  /** MulOptions (union type 21). */
  record Mul(TfliteActivation activation) implements TfliteOptions {}

  /** PadOptions (union type 22): no fields. */
  record Pad() implements TfliteOptions {}

  /** ReducerOptions (union type 27), for MEAN and the other reductions. */
  record Reducer(boolean keepDims) implements TfliteOptions {}

  /** SqueezeOptions (union type 30); empty squeezes every dimension of size 1. */
  record Squeeze(int[] squeezeDims) implements TfliteOptions {
    public Squeeze {
      squeezeDims = squeezeDims.clone();
    }

    @Override
    public int[] squeezeDims() {
      return squeezeDims.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Squeeze that && Arrays.equals(squeezeDims, that.squeezeDims);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(squeezeDims);
    }

    @Override
    public String toString() {
      return "Squeeze[squeezeDims=" + Arrays.toString(squeezeDims) + "]";
    }
  }

  /** PadV2Options (union type 43): no fields. */
  record PadV2() implements TfliteOptions {}
}
