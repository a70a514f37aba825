package dev.tinyforge.tflite;

import java.util.List;

/**
 * A TFLite model as read from its file: every subgraph, with subgraph 0 the main one. Most models
 * for microcontrollers have exactly one subgraph; callers that need that check
 * {@link #subgraphCount()}.
 *
 * @param schemaVersion the schema version in the file (always 3: others are rejected)
 * @param description the converter's description, e.g. "MLIR Converted."; empty when absent
 */
public record TfliteModel(int schemaVersion, String description, List<TfliteSubgraph> subgraphs) {

  public TfliteModel {
    subgraphs = List.copyOf(subgraphs);
    if (subgraphs.isEmpty()) {
      throw new IllegalArgumentException("a model has at least one subgraph");
    }
  }

  public int subgraphCount() {
    return subgraphs.size();
  }

  /** Subgraph 0, where inference starts. */
  public TfliteSubgraph mainSubgraph() {
    return subgraphs.get(0);
  }

  /** The tensors of the main subgraph. */
  public List<TfliteTensor> tensors() {
    return mainSubgraph().tensors();
  }

  /** The operators of the main subgraph, in execution order. */
  public List<TfliteOperator> operators() {
    return mainSubgraph().operators();
  }

  /** Tensor indices of the main subgraph's inputs. */
  public int[] inputs() {
    return mainSubgraph().inputs();
  }

  /** Tensor indices of the main subgraph's outputs. */
  public int[] outputs() {
    return mainSubgraph().outputs();
  }
}
