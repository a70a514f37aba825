package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.MaxPool2D;
import dev.tinyforge.annotations.TinyModel;

/** A zero pool size with the default stride (0: the pool size). */
@TinyModel(board = Board.STM32F412, input = {8, 8, 2})
final class ZeroPool {
  @MaxPool2D(
      pool = 0)
  Layer max;
}
