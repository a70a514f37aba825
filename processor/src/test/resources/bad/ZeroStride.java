package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Conv2D;
import dev.tinyforge.annotations.DepthwiseConv2D;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(board = Board.STM32F412, input = {8, 8, 1})
final class ZeroStride {
  @Conv2D(
      filters = 2,
      stride = 0)
  Layer stem;
}
