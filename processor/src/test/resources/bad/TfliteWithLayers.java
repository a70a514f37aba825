package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** The file gives the layers and the input: declaring them as well is an error. */
@TinyModel(
    board = Board.STM32F746,
    tflite = "hello_world.tflite",
    input = {1})
final class TfliteWithLayers {
  @Dense(units = 16)
  Layer hidden;
  @Dense(units = 1)
  Layer out;
}
