package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(
    board = Board.NOPE,
    input = {4})
final class UnknownBoard {
  @Dense(units = 2)
  Layer logits;
}
