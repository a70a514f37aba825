package dev.tinyforge.tflite;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor of a subgraph, as the file declares it.
 *
 * @param index position in the subgraph's tensor list (operators refer to tensors by it)
 * @param name the converter's name, for people; may be empty
 * @param shape dimensions, outermost first (NHWC for activations); empty for a scalar
 * @param shapeSignature the shape with -1 for dimensions unknown until run time; equals
 *     {@code shape} when the file gives none
 * @param bufferIndex index into the model's buffers; 0 is the always-empty buffer
 * @param constant the constant data, or null when the tensor is computed at run time
 * @param variable true for a variable (state) tensor
 */
public record TfliteTensor(
    int index,
    String name,
    TfliteTensorType type,
    int[] shape,
    int[] shapeSignature,
    int bufferIndex,
    TfliteConstantData constant,
    TfliteQuantization quantization,
    boolean variable) {

  public TfliteTensor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(quantization, "quantization");
    shape = shape.clone();
    shapeSignature = shapeSignature.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public int[] shapeSignature() {
    return shapeSignature.clone();
  }

  public int rank() {
    return shape.length;
  }

  public boolean isConstant() {
    return constant != null;
  }

  /** A copy of the constant bytes, or null when the tensor is not constant. */
  public byte[] data() {
    return constant == null ? null : constant.toByteArray();
  }

  /** Product of the dimensions (1 for a scalar). */
  public long elementCount() {
    long count = 1;
    for (int dimension : shape) {
      count = Math.multiplyExact(count, (long) dimension);
    }
    return count;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TfliteTensor that
        && index == that.index
        && name.equals(that.name)
        && type == that.type
        && Arrays.equals(shape, that.shape)
        && Arrays.equals(shapeSignature, that.shapeSignature)
        && bufferIndex == that.bufferIndex
        && Objects.equals(constant, that.constant)
        && quantization.equals(that.quantization)
        && variable == that.variable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, name, type, Arrays.hashCode(shape), bufferIndex, quantization);
  }

  @Override
  public String toString() {
    return "t" + index + " '" + name + "' " + type + " " + Arrays.toString(shape)
        + (constant == null ? "" : " const(" + constant + ")") + " " + quantization;
  }
}
