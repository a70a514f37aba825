package dev.tinyforge.graph;

import java.util.List;

/** An immutable int8 graph: tensors, ops in execution order, one input and one output tensor. */
public record Graph(String name, List<Tensor> tensors, List<Op> ops, int input, int output) {
  public Graph {
    tensors = List.copyOf(tensors);
    ops = List.copyOf(ops);
  }

  public Tensor tensor(int id) {
    return tensors.get(id);
  }

  public Tensor inputTensor() {
    return tensors.get(input);
  }

  public Tensor outputTensor() {
    return tensors.get(output);
  }
}
