package dev.tinyforge.build;

import dev.tinyforge.annotations.Padding;

/**
 * One axis of a sliding window under TF Lite's padding rules: SAME gives ceil(in / stride)
 * outputs with the padding split evenly (the extra row at the end), VALID only whole windows.
 */
record WindowGeometry(int outputs, int padBefore, int paddedInput) {

  /** The geometry, or null when the window does not fit the (padded) input. */
  static WindowGeometry of(Padding padding, int input, int kernel, int stride) {
    if (padding == Padding.SAME) {
      int outputs = (input + stride - 1) / stride;
      int padTotal = Math.max((outputs - 1) * stride + kernel - input, 0);
      return new WindowGeometry(outputs, padTotal / 2, input + padTotal);
    }
    if (kernel > input) {
      return null;
    }
    return new WindowGeometry((input - kernel) / stride + 1, 0, input);
  }
}
