package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Conv2D;
import dev.tinyforge.annotations.DepthwiseConv2D;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** 32x32x4 in and 32x32x8 out live together: 12 KiB, more than the 8 KiB given. */
@TinyModel(
    board = Board.STM32F412,
    sramKb = 8,
    input = {32, 32, 4})
final class SramOverOverride {
  @Conv2D(filters = 8, kernel = 1)
  Layer expand;
}
