package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.TinyModel;

/** person_detect needs about 22 KiB at its peak even in patches; this board has 16 KiB. */
@TinyModel(
    board = Board.CUSTOM,
    sramKb = 16,
    flashKb = 1024,
    clockMhz = 100,
    tflite = "person_detect.tflite")
final class TfliteOverBudget {}
