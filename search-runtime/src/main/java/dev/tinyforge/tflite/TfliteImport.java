package dev.tinyforge.tflite;

import dev.tinyforge.graph.Graph;
import java.util.Map;

/**
 * What {@link TfliteImporter} made of a model: the graph (null when the model has errors, which
 * the importer's {@code Problems} then hold), and for every TFLite tensor of subgraph 0 that
 * became a graph tensor, its graph tensor id (activations only: constants live in their ops).
 */
public record TfliteImport(Graph graph, Map<Integer, Integer> graphTensorOfTflite) {
  public TfliteImport {
    graphTensorOfTflite = Map.copyOf(graphTensorOfTflite);
  }

  static TfliteImport failed() {
    return new TfliteImport(null, Map.of());
  }

  public boolean succeeded() {
    return graph != null;
  }

  /** The graph tensor of TFLite tensor {@code tfliteIndex}, or -1 when it has none. */
  public int graphTensor(int tfliteIndex) {
    return graphTensorOfTflite.getOrDefault(tfliteIndex, -1);
  }
}
