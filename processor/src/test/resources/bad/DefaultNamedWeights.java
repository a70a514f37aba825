package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** The test writes a malformed DefaultNamedWeights.tfw beside it. */
@TinyModel(board = Board.STM32F412, input = {4})
final class DefaultNamedWeights {
  @Dense(units = 2)
  Layer logits;
}
