package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** A model whose only field carries no layer annotation. */
@TinyModel(board = Board.STM32F412, input = {4})
final class NoLayers {
  Layer forgotten;
}
