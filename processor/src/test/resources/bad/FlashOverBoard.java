package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** 1024 x 1100 int8 weights: more than the board's 1 MiB of flash. */
@TinyModel(
    board = Board.STM32F412,
    input = {1024})
final class FlashOverBoard {
  @Dense(units = 1100)
  Layer huge;
}
