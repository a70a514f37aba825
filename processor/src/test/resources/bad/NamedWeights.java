package bad;

import dev.tinyforge.annotations.Activation;
import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.Softmax;
import dev.tinyforge.annotations.TinyModel;

/** The test writes model.tfw beside it: malformed, mismatched, or not at all. */
@TinyModel(
    board = Board.STM32F412,
    input = {4},
    weights = "model.tfw")
final class NamedWeights {
  @Dense(units = 3, activation = Activation.RELU)
  Layer hidden;

  @Dense(units = 2)
  Layer logits;

  @Softmax Layer probabilities;
}
