package dev.tinyforge.graph;

/**
 * Constant int8 weights, symmetric, one scale per output channel ({@code scales.length} is the
 * number of output channels, or 1 for per-tensor), laid out as the kernels expect: conv
 * [out][kh][kw][in], depthwise [kh][kw][out], dense [out][in].
 */
public record Weights(byte[] values, float[] scales) {
  public float scale(int channel) {
    return scales.length == 1 ? scales[0] : scales[channel];
  }
}
