package bad;

import dev.tinyforge.annotations.Add;
import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Conv2D;
import dev.tinyforge.annotations.DepthwiseConv2D;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(board = Board.STM32F412, input = {4, 4, 2})
final class UnknownAddReference {
  @Conv2D(filters = 2, kernel = 1)
  Layer mix;

  @Add(
      with = "nowhere")
  Layer residual;
}
