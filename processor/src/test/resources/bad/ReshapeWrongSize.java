package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.Reshape;
import dev.tinyforge.annotations.TinyModel;

/** The input holds 4 * 4 * 2 = 32 values; the reshape asks for 25. */
@TinyModel(board = Board.STM32F412, input = {4, 4, 2})
final class ReshapeWrongSize {
  @Reshape(
      shape = {5, 5, 1})
  Layer square;
}
