package dev.tinyforge.kernels;

/**
 * Requantization of int32 accumulators to int8 ({@code tforge_requant}): offsets as the reference
 * kernels use them (inputOffset = -input zero point, outputOffset = +output zero point), one Q31
 * multiplier and shift per output channel, then the activation clamp.
 */
public record Requant(
    int inputOffset, int outputOffset, int actMin, int actMax, int[] multiplier, int[] shift) {}
