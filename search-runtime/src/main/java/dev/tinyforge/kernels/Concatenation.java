package dev.tinyforge.kernels;

/**
 * int8 CONCATENATION, TF Lite Micro's reference: with one scale and zero point on every input and
 * the output (TFLM's int8 kernel requires it and does not requantize) it is a copy. For each of
 * {@code rows} outer rows (the product of the dimensions before the axis) input i contributes
 * {@code chunks[i]} bytes (its size along the axis times the product of the dimensions after it;
 * on the last axis, its channel count). Bit-exact with {@code
 * c-runtime/src/concat/tforge_concatenation_s8.c}. The output must not overlap any input.
 */
public final class Concatenation {
  private Concatenation() {}

  public static void run(
      byte[][] ins, int[] inOffs, int[] chunks, int rows, byte[] out, int outOff) {
    if (ins.length != inOffs.length || ins.length != chunks.length) {
      throw new IllegalArgumentException("one offset and one chunk size per input");
    }
    int outRow = 0;
    for (int chunk : chunks) {
      outRow += chunk;
    }
    for (int i = 0; i < ins.length; i++) {
      Aliasing.requireDisjoint(
          "Concatenation", ins[i], inOffs[i], rows * chunks[i], out, outOff, rows * outRow);
    }
    int o = outOff;
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < ins.length; i++) {
        System.arraycopy(ins[i], inOffs[i] + r * chunks[i], out, o, chunks[i]);
        o += chunks[i];
      }
    }
  }

  /** TFLM's int8 Prepare check: every input has the output's float32 scale and zero point. */
  public static void requireSameQuantization(
      float[] inScales, int[] inZeroPoints, float outScale, int outZeroPoint) {
    for (int i = 0; i < inScales.length; i++) {
      if (inScales[i] != outScale || inZeroPoints[i] != outZeroPoint) {
        throw new IllegalArgumentException(
            "int8 CONCATENATION input " + i + " has scale " + inScales[i] + " zp "
                + inZeroPoints[i] + ", the output " + outScale + " zp " + outZeroPoint
                + "; TF Lite Micro does not requantize");
      }
    }
  }
}
