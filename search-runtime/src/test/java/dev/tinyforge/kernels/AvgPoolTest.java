package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static dev.tinyforge.kernels.Bytes.window;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvgPoolTest {
  private static final byte[] ONE_TO_NINE = Bytes.of(1, 2, 3, 4, 5, 6, 7, 8, 9); // 3x3x1

  private static byte[] pool(byte[] in, Dims inDims, Dims outDims, Window win, int lo, int hi) {
    byte[] out = new byte[outDims.size()];
    AvgPool.run(in, 0, inDims, out, 0, outDims, win, lo, hi);
    return out;
  }

  @Test
  void validTwoByTwoAveragesFourTaps() {
    // 1+2+4+5 = 12 -> 3; 2+3+5+6 = 16 -> 4; 4+5+7+8 = 24 -> 6; 5+6+8+9 = 28 -> 7
    byte[] out =
        pool(ONE_TO_NINE, new Dims(3, 3, 1), new Dims(2, 2, 1), window(2, 1, 0, 0), -128, 127);
    assertThat(out).isEqualTo(Bytes.of(3, 4, 6, 7));
  }

  @Test
  void samePaddingDividesByTheInBoundsTapsOnly() {
    // corner: 1+2+4+5 = 12 over 4 taps = 3 (not 12/9); edge: 1+..+6 = 21 over 6 = 3.5 -> 4;
    // centre: 45 over 9 = 5. Padding counted as zeros would give 1, 2, 5.
    byte[] out =
        pool(ONE_TO_NINE, new Dims(3, 3, 1), new Dims(3, 3, 1), window(3, 1, 1, 1), -128, 127);
    assertThat(out).isEqualTo(Bytes.of(3, 4, 4, 5, 5, 6, 6, 7, 7));
  }

  @Test
  void roundsHalfAwayFromZero() {
    // Four 1x1x1 windows over a 1x8 row with kernel 1x2, stride 2: pairs sum to 3, -3, 1, -1.
    byte[] in = Bytes.of(1, 2, -1, -2, 0, 1, 0, -1);
    Window pairs = new Window(1, 2, 1, 2, 1, 1, 0, 0);
    byte[] out = pool(in, new Dims(1, 8, 1), new Dims(1, 4, 1), pairs, -128, 127);
    // 1.5 -> 2, -1.5 -> -2, 0.5 -> 1, -0.5 -> -1
    assertThat(out).isEqualTo(Bytes.of(2, -2, 1, -1));
  }

  @Test
  void quartersRoundToNearest() {
    // sums over 4 taps: 1 (0.25 -> 0), 3 (0.75 -> 1), -1 (-0.25 -> 0), -3 (-0.75 -> -1)
    byte[] in = Bytes.of(1, 0, 0, 0, 1, 1, 1, 0, -1, 0, 0, 0, -1, -1, -1, 0);
    Window fours = new Window(1, 4, 1, 4, 1, 1, 0, 0);
    byte[] out = pool(in, new Dims(1, 16, 1), new Dims(1, 4, 1), fours, -128, 127);
    assertThat(out).isEqualTo(Bytes.of(0, 1, 0, -1));
  }

  @Test
  void clampsToTheActivationRange() {
    byte[] out =
        pool(ONE_TO_NINE, new Dims(3, 3, 1), new Dims(2, 2, 1), window(2, 1, 0, 0), 4, 6);
    assertThat(out).isEqualTo(Bytes.of(4, 4, 6, 6));
  }

  @ParameterizedTest
  @ValueSource(ints = {-128, 127})
  void extremeCodesSurviveTheSum(int code) {
    byte[] out =
        pool(Bytes.filled(9, code), new Dims(3, 3, 1), new Dims(1, 1, 1), window(3, 1, 0, 0),
            -128, 127);
    assertThat(out).isEqualTo(Bytes.of(code));
  }

  @Test
  void channelsAreIndependentAndStrideSkipsColumns() {
    // 1x4x2 input, kernel 1x2 stride 2: channel 0 = 10,20,30,40; channel 1 = -1,-3,-5,-7
    byte[] in = Bytes.of(10, -1, 20, -3, 30, -5, 40, -7);
    Window pairs = new Window(1, 2, 1, 2, 1, 1, 0, 0);
    byte[] out = pool(in, new Dims(1, 4, 2), new Dims(1, 2, 2), pairs, -128, 127);
    assertThat(out).isEqualTo(Bytes.of(15, -2, 35, -6));
  }

  @Test
  void runsInsideOneArenaAtOffsets() {
    byte[] arena = new byte[20];
    System.arraycopy(ONE_TO_NINE, 0, arena, 3, 9);
    AvgPool.run(arena, 3, new Dims(3, 3, 1), arena, 14, new Dims(2, 2, 1), window(2, 1, 0, 0),
        -128, 127);
    assertThat(java.util.Arrays.copyOfRange(arena, 14, 18)).isEqualTo(Bytes.of(3, 4, 6, 7));
    assertThat(java.util.Arrays.copyOfRange(arena, 3, 12)).isEqualTo(ONE_TO_NINE);
  }

  @Test
  void rejectsAnOutputOverlappingTheInput() {
    byte[] arena = new byte[20];
    assertThrows(IllegalArgumentException.class, () -> AvgPool.run(arena, 0, new Dims(3, 3, 1),
        arena, 8, new Dims(2, 2, 1), window(2, 1, 0, 0), -128, 127));
  }

  /** person_detect's AvgPool_1a: t050 [1,3,3,256] -> t027 [1,1,1,256], 3x3 VALID, no clamp. */
  @ParameterizedTest
  @ValueSource(strings = {"person", "no_person"})
  void matchesTfliteMicroOnPersonDetect(String testCase) {
    byte[] in = Goldens.tensor("person_detect", testCase, 50);
    byte[] expected = Goldens.tensor("person_detect", testCase, 27);
    byte[] out = new byte[256];
    AvgPool.run(in, 0, new Dims(3, 3, 256), out, 0, new Dims(1, 1, 256), window(3, 2, 0, 0),
        -128, 127);
    assertThat(out).isEqualTo(expected);
  }
}
