package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.TinyModel;

/** person_detect's activations need about 54 KiB at their peak; this board has 32 KiB. */
@TinyModel(
    board = Board.CUSTOM,
    sramKb = 32,
    flashKb = 1024,
    clockMhz = 100,
    tflite = "person_detect.tflite")
final class TfliteOverBudget {}
