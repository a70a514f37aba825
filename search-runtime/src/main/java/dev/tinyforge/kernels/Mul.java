package dev.tinyforge.kernels;

import dev.tinyforge.quant.FixedPoint;

/**
 * int8 multiplication, TF Lite Micro's reference recipe (MulElementwise / BroadcastMul4DSlow do
 * the same per element): (in1 - zp1) * (in2 - zp2), at most 255 * 255 in magnitude, is
 * requantized by one multiplier, offset and clamped. Bit-exact with {@code
 * c-runtime/src/mul/tforge_mul_s8.c} and {@code tforge_mul_broadcast_s8.c}.
 */
public final class Mul {
  private Mul() {}

  /** Element-wise over {@code size} elements; the output may be exactly one input (in place). */
  public static void run(
      byte[] in1, int off1, byte[] in2, int off2, byte[] out, int outOff, int size, MulParams p) {
    Aliasing.requireSameOrDisjoint("Mul", in1, off1, size, out, outOff, size);
    Aliasing.requireSameOrDisjoint("Mul", in2, off2, size, out, outOff, size);
    for (int i = 0; i < size; i++) {
      out[outOff + i] = one(in1[off1 + i], in2[off2 + i], p);
    }
  }

  /**
   * Input 2 has {@code depth} elements repeated for each of {@code rows} rows of input 1: a
   * per-channel constant ([1,1,1,C] against [1,H,W,C]: rows = H*W, depth = C) or a scalar
   * (depth = 1, rows = the element count). The output may be exactly input 1; input 2 is only read
   * and must not overlap it.
   */
  public static void runBroadcast(
      byte[] in1, int off1, byte[] in2, int off2, byte[] out, int outOff, int rows, int depth,
      MulParams p) {
    int size = rows * depth;
    Aliasing.requireSameOrDisjoint("Mul", in1, off1, size, out, outOff, size);
    Aliasing.requireDisjoint("Mul", in2, off2, depth, out, outOff, size);
    for (int r = 0; r < rows; r++) {
      int base = r * depth;
      for (int c = 0; c < depth; c++) {
        out[outOff + base + c] = one(in1[off1 + base + c], in2[off2 + c], p);
      }
    }
  }

  private static byte one(byte a, byte b, MulParams p) {
    int product = (p.input1Offset() + a) * (p.input2Offset() + b);
    int result =
        FixedPoint.requantize(product, p.outputMultiplier(), p.outputShift()) + p.outputOffset();
    return (byte) FixedPoint.clamp(result, p.actMin(), p.actMax());
  }
}
