package good;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.TinyModel;

/** The same model, named relative to the root of the class path. */
@TinyModel(
    tflite = "/models/sine.tflite",
    board = Board.NRF52840,
    name = "sine")
final class HelloWorldFromRoot {}
