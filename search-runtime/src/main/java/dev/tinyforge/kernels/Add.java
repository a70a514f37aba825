package dev.tinyforge.kernels;

import dev.tinyforge.quant.FixedPoint;

/**
 * int8 element-wise addition, TF Lite Micro's reference recipe (AddFunc): each input, with its
 * zero point removed, is shifted left by {@link AddParams#leftShift()} and scaled to the common
 * scale; the sum is requantized to the output, offset and clamped. Bit-exact with {@code
 * c-runtime/src/add/tforge_add_s8.c}. Broadcasting is the caller's loop: a constant along the last
 * axis is one call per pixel with the same input2 offset.
 */
public final class Add {
  private Add() {}

  /**
   * The output may be exactly one of the inputs (same array and offset: in-place) or disjoint from
   * both; a partial overlap is rejected.
   */
  public static void run(
      byte[] in1, int off1, byte[] in2, int off2, byte[] out, int outOff, int size, AddParams p) {
    Aliasing.requireSameOrDisjoint("Add", in1, off1, size, out, outOff, size);
    Aliasing.requireSameOrDisjoint("Add", in2, off2, size, out, outOff, size);
    for (int i = 0; i < size; i++) {
      int a = (p.input1Offset() + in1[off1 + i]) * (1 << p.leftShift());
      int b = (p.input2Offset() + in2[off2 + i]) * (1 << p.leftShift());
      int scaledA = FixedPoint.requantize(a, p.input1Multiplier(), p.input1Shift());
      int scaledB = FixedPoint.requantize(b, p.input2Multiplier(), p.input2Shift());
      int sum = scaledA + scaledB;
      int result =
          FixedPoint.requantize(sum, p.outputMultiplier(), p.outputShift()) + p.outputOffset();
      out[outOff + i] = (byte) FixedPoint.clamp(result, p.actMin(), p.actMax());
    }
  }
}
