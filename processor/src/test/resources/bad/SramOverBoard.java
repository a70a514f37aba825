package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Conv2D;
import dev.tinyforge.annotations.DepthwiseConv2D;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** 256x256x3 in and 256x256x8 out live together: 704 KiB, the board has 256 KiB. */
@TinyModel(
    board = Board.STM32F412,
    input = {256, 256, 3})
final class SramOverBoard {
  @Conv2D(filters = 8, kernel = 1)
  Layer expand;
}
