package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** "Twin" beside "twin": the same folder on case-insensitive file systems, the same TWIN_H. */
@TinyModel(
    board = Board.STM32F412,
    input = {4},
    name = "Twin")
final class DuplicateNameOtherCase {
  @Dense(units = 3)
  Layer logits;
}
