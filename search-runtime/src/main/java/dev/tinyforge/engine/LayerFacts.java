package dev.tinyforge.engine;

/**
 * What a person wants to know of one layer: its op, output shape ({h, w, c}), multiply-
 * accumulates, parameter count, constant bytes in flash, where its output lives in the arena, and
 * the bytes live in the arena while it runs.
 */
public record LayerFacts(
    String name,
    String op,
    int[] outputShape,
    long macs,
    long params,
    long constantBytes,
    int outputOffset,
    int outputBytes,
    int bytesLive) {}
