package dev.tinyforge.tflite;

import java.util.List;

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
}
