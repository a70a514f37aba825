package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.Softmax;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(board = Board.STM32F412, input = {4})
final class TwoLayerAnnotations {
  @Dense(units = 2)
  Layer logits;

  @Dense(units = 2)
  @Softmax
  Layer both;
}
