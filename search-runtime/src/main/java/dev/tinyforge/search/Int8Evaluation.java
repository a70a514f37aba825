package dev.tinyforge.search;

import dev.tinyforge.build.FileWeights;
import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.data.Digits;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.EngineInterpreter;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.spec.ModelSpec;
import dev.tinyforge.weights.WeightsFile;

/**
 * A quantized network as the firmware runs it: built by {@code GraphBuilder} from its spec and
 * weights file, lowered, and run by {@link EngineInterpreter} (bit-exact with the generated C).
 */
public final class Int8Evaluation {
  private Int8Evaluation() {}

  public static Engine engine(ModelSpec spec, WeightsFile weights, Budget budget) {
    Problems problems = new Problems();
    FileWeights source = new FileWeights(spec.name() + ".tfw", weights);
    Graph graph = GraphBuilder.build(spec, source, problems);
    if (graph != null) {
      source.checkAllUsed(problems);
    }
    if (graph == null || problems.hasErrors()) {
      throw new IllegalArgumentException("the quantized network does not build: " + problems.all());
    }
    return Lowering.lower(graph, budget);
  }

  /** Top-1 accuracy on {@code data} (at the network's resolution); ties go to the lower class. */
  public static double accuracy(Engine engine, Digits data) {
    EngineInterpreter interpreter = new EngineInterpreter(engine);
    int correct = 0;
    for (int n = 0; n < data.count(); n++) {
      if (argMax(interpreter.invoke(data.int8Input(n))) == data.labels()[n]) {
        correct++;
      }
    }
    return (double) correct / data.count();
  }

  public static int argMax(byte[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }
}
