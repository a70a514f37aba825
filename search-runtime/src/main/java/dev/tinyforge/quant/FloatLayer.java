package dev.tinyforge.quant;

/**
 * The trained float constants of one layer, in the layout of its int8 kernel: conv
 * {@code [out][kh][kw][in]}, depthwise {@code [kh][kw][out]}, dense {@code [out][in]}; one bias
 * per output channel. Batch normalization, if the network had it, is already folded in.
 */
public record FloatLayer(String name, float[] weights, float[] bias) {}
