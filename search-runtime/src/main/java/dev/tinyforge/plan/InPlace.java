package dev.tinyforge.plan;

/**
 * An op that writes its output over its input's bytes because the input dies there: an
 * element-wise op (activation, requantization, add or multiply, softmax), whose kernels read
 * element i before they write element i and never read it again, so exact aliasing is safe; or a
 * depthwise convolution with depth multiplier 1, whose in-place kernel computes one channel's
 * output plane into a temporary before writing it over that channel.
 *
 * @param op the op's index in the graph
 * @param layer its name
 * @param input the graph tensor whose bytes it overwrites
 * @param output its output tensor
 */
public record InPlace(int op, String layer, int input, int output) {}
