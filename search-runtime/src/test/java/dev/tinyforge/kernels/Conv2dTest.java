package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static dev.tinyforge.kernels.Arena.bytes;

import org.junit.jupiter.api.Test;

/**
 * The hand-worked cases of c-runtime/test/test_conv2d_s8.c (the derivations are written out
 * there), on the Java mirror.
 */
class Conv2dTest {
  private static final int HALF = 1 << 30; // 0.5 in Q31
  private static final int THREE_QUARTERS = 3 << 29; // 0.75 in Q31

  // 3x3x1 input 1..9, zero point 1 -> shifted 0..8
  private static final byte[] NINE = bytes(1, 2, 3, 4, 5, 6, 7, 8, 9);
  // oc0 all ones, oc1 Sobel-x
  private static final byte[] ONES_AND_SOBEL =
      bytes(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, -1, 2, 0, -2, 1, 0, -1);
  // 3x3 kernel, stride 2, dilation 1, padding 1 top and left
  private static final Window STRIDE2_PAD1 = new Window(3, 3, 2, 2, 1, 1, 1, 1);

  /**
   * Sums in bounds: oc0 8 12 20 24, oc1 -6 6 -18 18; bias [-3, 1]; oc0 x 0.25 rounds twice
   * (5 -> 2, 9 -> 3, 17 -> 5, 21 -> 6), oc1 x 0.75 (-4, 5, -13, 14); output zero point 3.
   */
  @Test
  void paddingStride2PerChannel() {
    Requant rq = new Requant(-1, 3, -128, 127,
        new int[] {HALF, THREE_QUARTERS}, new int[] {-1, 0});
    byte[] out = run(NINE, new Dims(3, 3, 1), ONES_AND_SOBEL, new int[] {-3, 1},
        new Dims(2, 2, 2), STRIDE2_PAD1, rq);
    assertThat(out).isEqualTo(bytes(5, -1, 6, 8, 8, -10, 9, 17));
  }

  /** The same layer with a ReLU folded into the clamp (act_min = output zero point 3). */
  @Test
  void reluClamp() {
    Requant rq = new Requant(-1, 3, 3, 127,
        new int[] {HALF, THREE_QUARTERS}, new int[] {-1, 0});
    byte[] out = run(NINE, new Dims(3, 3, 1), ONES_AND_SOBEL, new int[] {-3, 1},
        new Dims(2, 2, 2), STRIDE2_PAD1, rq);
    assertThat(out).isEqualTo(bytes(5, 3, 6, 8, 8, 3, 9, 17));
  }

  /**
   * Shifted input [v, 10 - v] with v = 3y + x; a dilated 2x2 kernel reads v = 0, 2, 6, 8:
   * 184, x 1.0 as (2^30, +1) = 184, - 60 = 124, clamped to 100.
   */
  @Test
  void dilationTwoInputChannelsNullBiasPositiveShift() {
    byte[] input = new byte[18];
    for (int v = 0; v < 9; v++) {
      input[2 * v] = (byte) (v - 2);
      input[2 * v + 1] = (byte) (10 - v - 2);
    }
    Requant rq = new Requant(2, -60, -128, 100, new int[] {HALF}, new int[] {1});
    byte[] out = run(input, new Dims(3, 3, 2), bytes(1, 2, 3, 4, 5, 6, 7, 8), null,
        new Dims(1, 1, 1), new Window(2, 2, 1, 1, 2, 2, 0, 0), rq);
    assertThat(out).isEqualTo(bytes(100));
  }

  @Test
  void matchesTheNaiveKernelOnRandomLayers() {
    RandomLayers.conv2d(3_000);
  }

  /** Runs the kernel with the input at offset 3 and the output right after a gap of 7. */
  private static byte[] run(byte[] input, Dims inDims, byte[] filter, int[] bias, Dims outDims,
      Window win, Requant rq) {
    int inOff = 3;
    int outOff = inOff + input.length + 7;
    Arena arena = new Arena(outOff + outDims.size() + 5).put(inOff, input);
    Conv2d.run(arena.bytes, inOff, inDims, filter, bias, arena.bytes, outOff, outDims, win, rq);
    arena.assertUntouchedOutside(outOff, outDims.size(), inOff, input.length);
    return arena.slice(outOff, outDims.size());
  }
}
