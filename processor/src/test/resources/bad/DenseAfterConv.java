package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Conv2D;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.DepthwiseConv2D;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** A dense layer straight after a convolution: a @Flatten is missing. */
@TinyModel(board = Board.STM32F412, input = {8, 8, 1})
final class DenseAfterConv {
  @Conv2D(filters = 4)
  Layer features;

  @Dense(units = 10)
  Layer logits;
}
