package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static dev.tinyforge.kernels.Arena.bytes;

import org.junit.jupiter.api.Test;

/**
 * The hand-worked cases of c-runtime/test/test_depthwise_conv2d_s8.c (the derivations are written
 * out there), on the Java mirror.
 */
class DepthwiseConv2dTest {
  private static final int HALF = 1 << 30; // 0.5 in Q31
  private static final int THREE_QUARTERS = 3 << 29; // 0.75 in Q31
  private static final int ONE_THIRD = 1431655765; // round(2^32 / 3): 1/3 = (2/3) x 2^-1

  /**
   * Depth multiplier 2, 2x2 kernel, padding 1: in-bounds sums [1 1 0 2] [3 4 1 3] [4 3 -1 3]
   * [10 9 -1 -1]; bias [0 100 -3 7]; x 0.5, 0.125, 1.5 (shift +1), 1/3; output zero point -1;
   * clamp [-5, 12].
   */
  @Test
  void depthMultiplierTwoPaddingPerChannel() {
    byte[] input = bytes(6, 4, 7, 3, 8, 2, 9, 1);
    byte[] filter = bytes(1, -1, 2, 0, 1, 0, 1, 3, 1, 2, -1, 1, 1, 1, 0, -2);
    Requant rq = new Requant(-5, -1, -5, 12,
        new int[] {HALF, HALF, THREE_QUARTERS, ONE_THIRD}, new int[] {0, -2, 1, -1});
    byte[] out = run(input, new Dims(2, 2, 2), filter, new int[] {0, 100, -3, 7},
        new Dims(2, 2, 4), 2, new Window(2, 2, 1, 1, 1, 1, 1, 1), rq);
    assertThat(out).isEqualTo(bytes(0, 12, -5, 2, 1, 12, -4, 3, 1, 12, -5, 3, 4, 12, -5, 1));
  }

  /** 5x5 input 0..24, all-ones 3x3 kernel, dilation 2, stride 2, padding 2: 24 42 66 108 x 0.5. */
  @Test
  void stride2Dilation2NullBias() {
    byte[] input = new byte[25];
    for (int i = 0; i < 25; i++) {
      input[i] = (byte) i;
    }
    Requant rq = new Requant(0, 0, -128, 127, new int[] {HALF}, new int[] {0});
    byte[] out = run(input, new Dims(5, 5, 1), bytes(1, 1, 1, 1, 1, 1, 1, 1, 1), null,
        new Dims(2, 2, 1), 1, new Window(3, 3, 2, 2, 2, 2, 2, 2), rq);
    assertThat(out).isEqualTo(bytes(12, 21, 33, 54));
  }

  @Test
  void matchesTheNaiveKernelOnRandomLayers() {
    RandomLayers.depthwiseConv2d(3_000);
  }

  @Test
  void inPlaceMatchesTheNaiveKernelAndLeavesTheRestOfTheArena() {
    // Bytes past the output (input pixels the smaller output does not reach) keep the input.
    assertThat(RandomLayers.depthwiseConv2dInPlace(3_000)).isAtLeast(1_000);
  }

  private static byte[] run(byte[] input, Dims inDims, byte[] filter, int[] bias, Dims outDims,
      int depthMultiplier, Window win, Requant rq) {
    int inOff = 4;
    int outOff = inOff + input.length + 6;
    Arena arena = new Arena(outOff + outDims.size() + 3).put(inOff, input);
    DepthwiseConv2d.run(arena.bytes, inOff, inDims, filter, bias, arena.bytes, outOff, outDims,
        depthMultiplier, win, rq);
    arena.assertUntouchedOutside(outOff, outDims.size(), inOff, input.length);
    return arena.slice(outOff, outDims.size());
  }
}
