package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static dev.tinyforge.kernels.Arena.bytes;

import org.junit.jupiter.api.Test;

/** The hand-worked cases of c-runtime/test/test_fully_connected_s8.c, on the Java mirror. */
class FullyConnectedTest {
  private static final int HALF = 1 << 30; // 0.5 in Q31
  private static final byte[] INPUT = bytes(3, -1, 0);
  private static final byte[] WEIGHTS = bytes(1, 2, 3, -2, 5, 7);

  /**
   * Input zero point -1 (offset +1) shifts the input to [4, 0, 1]; acc = [7, -1]; bias [10, -20]
   * gives [17, -21]. ch0 x 0.5: 8.5 -> 9. ch1 x 0.25: high-mul -10.5 -> -10 (ties round up),
   * then -10 / 2 = -5. Output zero point -2: [7, -7].
   */
  @Test
  void perChannelMultipliersBiasAndOffsets() {
    Requant rq = new Requant(1, -2, -128, 127, new int[] {HALF, HALF}, new int[] {0, -1});
    assertThat(run(INPUT, WEIGHTS, new int[] {10, -20}, 2, rq)).isEqualTo(bytes(7, -7));
  }

  /** No bias: acc [7, -1] -> [4 - 2, 0 - 2] = [2, -2], clamped to [-1, 1]. */
  @Test
  void nullBiasAndActivationClamp() {
    Requant rq = new Requant(1, -2, -1, 1, new int[] {HALF, HALF}, new int[] {0, -1});
    assertThat(run(INPUT, WEIGHTS, null, 2, rq)).isEqualTo(bytes(1, -1));
  }

  /** Zero point -128, input 127 -> 255: acc 127*255*3 = 97155 and -128*255*3 = -97920. */
  @Test
  void saturatesToInt8Range() {
    Requant rq = new Requant(128, 0, -128, 127, new int[] {HALF, HALF}, new int[] {0, 0});
    byte[] weights = bytes(127, 127, 127, -128, -128, -128);
    assertThat(run(bytes(127, 127, 127), weights, null, 2, rq)).isEqualTo(bytes(127, -128));
  }

  @Test
  void matchesTheNaiveKernelOnRandomLayers() {
    RandomLayers.fullyConnected(2_000);
  }

  /** Runs the kernel with the input at offset 5 and the output at offset 17 of one arena. */
  private static byte[] run(byte[] input, byte[] weights, int[] bias, int outDepth, Requant rq) {
    int inOff = 5;
    int outOff = 17;
    Arena arena = new Arena(32).put(inOff, input);
    FullyConnected.run(
        arena.bytes, inOff, input.length, weights, bias, arena.bytes, outOff, outDepth, rq);
    arena.assertUntouchedOutside(outOff, outDepth, inOff, input.length);
    return arena.slice(outOff, outDepth);
  }
}
