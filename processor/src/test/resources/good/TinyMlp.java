package good;

import dev.tinyforge.annotations.Activation;
import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.Softmax;
import dev.tinyforge.annotations.TinyModel;

/** 4 features, 3 hidden units, 2 classes; its TinyMlp.tfw is written by the test. */
@TinyModel(board = Board.NRF52840, input = {4}, inputScale = 0.5, inputZeroPoint = 0)
final class TinyMlp {
  @Dense(units = 3, activation = Activation.RELU)
  Layer hidden;

  @Dense(units = 2)
  Layer logits;

  @Softmax Layer probabilities;
}
