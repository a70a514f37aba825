package dev.tinyforge.kernels;

import java.util.Arrays;

/**
 * int8 PAD and PADV2 on a 4-D tensor, TF Lite Micro's reference PadImpl: every output element
 * inside the copied box takes its input value, every other one the pad value. The pad value is
 * the output zero point for PAD and the constant operand's raw int8 code for PADV2 (TFLM requires
 * that operand to share the output's quantization), so no arithmetic is involved. Bit-exact with
 * {@code c-runtime/src/pad/tforge_pad_s8.c}. The output must not overlap the input.
 */
public final class Pad {
  private Pad() {}

  /**
   * {@code inShape}, {@code before} and {@code after} have 4 entries each (N, H, W, C for image
   * tensors; a lower-rank tensor is given with leading 1s and zero padding).
   */
  public static void run(
      byte[] in, int inOff, int[] inShape, int[] before, int[] after, byte padValue, byte[] out,
      int outOff) {
    if (inShape.length != 4 || before.length != 4 || after.length != 4) {
      throw new IllegalArgumentException("Pad works on 4-D shapes");
    }
    int[] outShape = outputShape(inShape, before, after);
    int inSize = inShape[0] * inShape[1] * inShape[2] * inShape[3];
    int outSize = outShape[0] * outShape[1] * outShape[2] * outShape[3];
    Aliasing.requireDisjoint("Pad", in, inOff, inSize, out, outOff, outSize);
    int depth = outShape[3];
    int o = outOff;
    for (int n = 0; n < outShape[0]; n++) {
      boolean nIn = n >= before[0] && n < before[0] + inShape[0];
      for (int h = 0; h < outShape[1]; h++) {
        boolean hIn = nIn && h >= before[1] && h < before[1] + inShape[1];
        for (int w = 0; w < outShape[2]; w++) {
          boolean inside = hIn && w >= before[2] && w < before[2] + inShape[2];
          if (!inside) {
            Arrays.fill(out, o, o + depth, padValue);
          } else {
            int row =
                (((n - before[0]) * inShape[1] + (h - before[1])) * inShape[2] + (w - before[2]))
                    * inShape[3];
            Arrays.fill(out, o, o + before[3], padValue);
            System.arraycopy(in, inOff + row, out, o + before[3], inShape[3]);
            Arrays.fill(out, o + before[3] + inShape[3], o + depth, padValue);
          }
          o += depth;
        }
      }
    }
  }

  public static int[] outputShape(int[] inShape, int[] before, int[] after) {
    int[] shape = new int[inShape.length];
    for (int i = 0; i < shape.length; i++) {
      if (before[i] < 0 || after[i] < 0) {
        throw new IllegalArgumentException("negative padding on axis " + i);
      }
      shape[i] = inShape[i] + before[i] + after[i];
    }
    return shape;
  }
}
