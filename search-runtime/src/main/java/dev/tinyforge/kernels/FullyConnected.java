package dev.tinyforge.kernels;

/**
 * int8 fully connected layer, bit-exact with TF Lite Micro's reference
 * {@code FullyConnectedPerChannel} and with {@code tforge_fully_connected_s8}.
 *
 * <p>Weights are {@code [outDepth][inDepth]}, symmetric (no weight offset). Activations live at
 * offsets inside byte arrays because the mirror runs a whole model in one arena, like the C.
 */
public final class FullyConnected {
  private FullyConnected() {}

  /**
   * @param bias one int32 per output, or {@code null} for none
   * @param rq offsets, clamp and one multiplier/shift per output
   */
  public static void run(
      byte[] in,
      int inOff,
      int inDepth,
      byte[] weights,
      int[] bias,
      byte[] out,
      int outOff,
      int outDepth,
      Requant rq) {
    for (int o = 0; o < outDepth; o++) {
      int row = o * inDepth;
      // int arithmetic wraps like the reference's int32 accumulator does on every real target.
      int acc = 0;
      for (int i = 0; i < inDepth; i++) {
        acc += weights[row + i] * (in[inOff + i] + rq.inputOffset());
      }
      out[outOff + o] = Requantizer.toInt8(acc, bias, o, rq);
    }
  }
}
