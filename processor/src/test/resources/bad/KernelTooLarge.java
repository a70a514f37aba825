package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Conv2D;
import dev.tinyforge.annotations.DepthwiseConv2D;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.Padding;
import dev.tinyforge.annotations.TinyModel;

/** A 5x5 kernel with VALID padding over a 4x4 input. */
@TinyModel(board = Board.STM32F412, input = {4, 4, 1})
final class KernelTooLarge {
  @Conv2D(
      filters = 2,
      kernel = 5,
      padding = Padding.VALID)
  Layer big;
}
