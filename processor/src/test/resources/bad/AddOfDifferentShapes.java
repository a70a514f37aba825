package bad;

import dev.tinyforge.annotations.Add;
import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Conv2D;
import dev.tinyforge.annotations.DepthwiseConv2D;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** The residual adds a 4x4x3 tensor to the 4x4x2 input. */
@TinyModel(board = Board.STM32F412, input = {4, 4, 2})
final class AddOfDifferentShapes {
  @Conv2D(filters = 3, kernel = 1)
  Layer widen;

  @Add(
      with = "input")
  Layer residual;
}
