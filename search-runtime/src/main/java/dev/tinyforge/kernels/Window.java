package dev.tinyforge.kernels;

/** A sliding window: kernel, stride, dilation, leading padding ({@code tforge_window}). */
public record Window(
    int kernelH,
    int kernelW,
    int strideH,
    int strideW,
    int dilationH,
    int dilationW,
    int padTop,
    int padLeft) {}
