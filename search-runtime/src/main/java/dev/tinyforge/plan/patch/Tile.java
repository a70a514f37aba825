package dev.tinyforge.plan.patch;

/**
 * One layer of one patch: the input region it reads (halo included, clipped to the feature map),
 * the output region it writes, and the padding its window sees in patch-local coordinates. That
 * padding is positive only where the patch touches the feature map's real border, so every
 * output element reads exactly the input elements it reads in the unpatched layer.
 */
public record Tile(Region in, Region out, int padTop, int padLeft) {}
