package dev.tinyforge.tflite;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One subgraph: its tensors, its operators in execution order, and the indices of the tensors
 * that are its inputs and outputs.
 */
public record TfliteSubgraph(
    int index,
    String name,
    List<TfliteTensor> tensors,
    List<TfliteOperator> operators,
    int[] inputs,
    int[] outputs) {

  public TfliteSubgraph {
    Objects.requireNonNull(name, "name");
    tensors = List.copyOf(tensors);
    operators = List.copyOf(operators);
    inputs = inputs.clone();
    outputs = outputs.clone();
  }

  @Override
  public int[] inputs() {
    return inputs.clone();
  }

  @Override
  public int[] outputs() {
    return outputs.clone();
  }

  public TfliteTensor tensor(int tensorIndex) {
    return tensors.get(tensorIndex);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TfliteSubgraph that
        && index == that.index
        && name.equals(that.name)
        && tensors.equals(that.tensors)
        && operators.equals(that.operators)
        && Arrays.equals(inputs, that.inputs)
        && Arrays.equals(outputs, that.outputs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, name, tensors, operators, Arrays.hashCode(inputs),
        Arrays.hashCode(outputs));
  }

  @Override
  public String toString() {
    return "subgraph " + index + " '" + name + "': " + tensors.size() + " tensors, "
        + operators.size() + " operators, inputs " + Arrays.toString(inputs) + ", outputs "
        + Arrays.toString(outputs);
  }
}
