package good;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.TinyModel;

/** TF Lite Micro's hello_world (y = sin x), imported from its trained int8 model. */
@TinyModel(
    tflite = "hello_world.tflite",
    board = Board.STM32F412)
final class HelloWorld {}
