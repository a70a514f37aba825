package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.DepthwiseConv2D;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(board = Board.STM32F412, input = {8, 8, 2})
final class ZeroKernel {
  @DepthwiseConv2D(
      kernel = 0)
  Layer depthwise;
}
