package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** Board CUSTOM gives sramKb but neither flashKb nor clockMhz. */
@TinyModel(
    board = Board.CUSTOM,
    sramKb = 64,
    input = {4})
final class CustomBoardWithoutFigures {
  @Dense(units = 2)
  Layer logits;
}
