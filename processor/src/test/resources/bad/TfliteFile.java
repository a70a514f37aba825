package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.TinyModel;

/** Tests place bad/model.tflite on the class path: damaged, not TFLite, not supported. */
@TinyModel(
    board = Board.STM32F746,
    tflite = "model.tflite")
final class TfliteFile {}
