package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(
    board = Board.STM32F412,
    input = {4},
    name = "digits-net")
final class InvalidCName {
  @Dense(units = 2)
  Layer logits;
}
