package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.TinyModel;

/** 256 x 128 int8 weights: 32 KiB, more than the 16 KiB given. */
@TinyModel(
    board = Board.CUSTOM,
    sramKb = 64,
    flashKb = 16,
    clockMhz = 64,
    input = {256})
final class FlashOverOverride {
  @Dense(units = 128)
  Layer wide;
}
