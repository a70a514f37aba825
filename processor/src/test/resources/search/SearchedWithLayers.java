package search;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.SearchSpace;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(board = Board.STM32F746, input = {28, 28, 1})
@SearchSpace(task = "faces")
final class SearchedWithLayers {
  @Dense(units = 10) Layer logits;
}
