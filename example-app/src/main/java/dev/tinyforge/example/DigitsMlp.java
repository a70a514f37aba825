package dev.tinyforge.example;

import dev.tinyforge.annotations.Activation;
import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.Dense;
import dev.tinyforge.annotations.Flatten;
import dev.tinyforge.annotations.Layer;
import dev.tinyforge.annotations.Softmax;
import dev.tinyforge.annotations.TinyModel;

/** A multi-layer perceptron for 28x28 digits: 784 pixels, 64 hidden units, 10 classes. */
@TinyModel(board = Board.STM32F746, input = {28, 28, 1})
final class DigitsMlp {
  @Flatten Layer pixels;

  @Dense(units = 64, activation = Activation.RELU)
  Layer hidden;

  @Dense(units = 10)
  Layer logits;

  @Softmax Layer probabilities;
}
