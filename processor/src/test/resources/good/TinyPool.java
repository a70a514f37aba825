package good;

import dev.tinyforge.annotations.Activation;
import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Conv2D;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.GlobalAvgPool;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.MaxPool2D;
import dev.tinyforge.annotations.Padding;
import dev.tinyforge.annotations.Reshape;
import dev.tinyforge.annotations.TinyModel;

/**
 * Pooling and reshaping on a custom board, with its own C name and seeded weights: strided
 * VALID 1x1 conv, SAME max pool with stride 1, reshape, global average pool, dense.
 */
@TinyModel(board = Board.CUSTOM, sramKb = 8, flashKb = 32, clockMhz = 48, input = {8, 8, 2},
    name = "tiny_pool_net", seed = 3)
final class TinyPool {
  @Conv2D(filters = 4, kernel = 1, stride = 2, padding = Padding.VALID)
  Layer pointwise; // 4x4x4

  @MaxPool2D(pool = 3, stride = 1, padding = Padding.SAME)
  Layer max; // 4x4x4

  @Reshape(shape = {2, 8, 4})
  Layer regrouped;

  @GlobalAvgPool Layer pool; // [4]

  @Dense(units = 2, activation = Activation.RELU6)
  Layer scores;
}
