package dev.tinyforge.example;

import dev.tinyforge.annotations.Activation;
import dev.tinyforge.annotations.Add;
import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Conv2D;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.DepthwiseConv2D;
import dev.tinyforge.annotations.GlobalAvgPool;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.Softmax;
import dev.tinyforge.annotations.TinyModel;

/**
 * A small MobileNetV2-style network for 28x28 digits: a strided stem, a depthwise-separable
 * block, and an inverted-residual block with its skip connection.
 */
@TinyModel(board = Board.STM32F746, input = {28, 28, 1})
final class DigitsCnn {
  @Conv2D(filters = 8, kernel = 3, stride = 2, activation = Activation.RELU6)
  Layer stem; // 14x14x8

  @DepthwiseConv2D(kernel = 3, activation = Activation.RELU6)
  Layer block1Depthwise;

  @Conv2D(filters = 16, kernel = 1)
  Layer block1Project; // 14x14x16

  @Conv2D(filters = 48, kernel = 1, activation = Activation.RELU6)
  Layer block2Expand;

  @DepthwiseConv2D(kernel = 5, activation = Activation.RELU6)
  Layer block2Depthwise;

  @Conv2D(filters = 16, kernel = 1)
  Layer block2Project;

  @Add(with = "block1Project")
  Layer block2Residual;

  @Conv2D(filters = 32, kernel = 3, stride = 2, activation = Activation.RELU6)
  Layer head; // 7x7x32

  @GlobalAvgPool Layer pool;

  @Dense(units = 10)
  Layer logits;

  @Softmax Layer probabilities;
}
