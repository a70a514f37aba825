package dev.tinyforge.graph;

/** Per-tensor asymmetric int8 quantization: real = scale * (q - zeroPoint). */
public record QuantParams(float scale, int zeroPoint) {
  /** The fixed output quantization of int8 softmax in TF Lite. */
  public static final QuantParams SOFTMAX_OUTPUT = new QuantParams(1.0f / 256.0f, -128);
}
