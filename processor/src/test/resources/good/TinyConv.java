package good;

import dev.tinyforge.annotations.Activation;
import dev.tinyforge.annotations.Add;
import dev.tinyforge.annotations.AvgPool2D;
import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Conv2D;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.DepthwiseConv2D;
import dev.tinyforge.annotations.Flatten;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.Softmax;
import dev.tinyforge.annotations.TinyModel;

/** A tiny residual conv net on 6x6 pixels, with seeded weights (no weights file). */
@TinyModel(board = Board.STM32F412, input = {6, 6, 1}, seed = 7)
final class TinyConv {
  @Conv2D(filters = 2, kernel = 3, activation = Activation.RELU)
  Layer conv; // 6x6x2

  @DepthwiseConv2D(kernel = 3, activation = Activation.RELU6)
  Layer depthwise; // 6x6x2

  @Add(with = "conv")
  Layer residual; // 6x6x2

  @AvgPool2D(pool = 2)
  Layer pool; // 3x3x2

  @Flatten Layer features; // 18

  @Dense(units = 3)
  Layer logits;

  @Softmax Layer probabilities;
}
