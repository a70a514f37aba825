package search;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(board = Board.STM32F746, input = {4})
final class NotSearched {
  @Dense(units = 2) Layer logits;
}
