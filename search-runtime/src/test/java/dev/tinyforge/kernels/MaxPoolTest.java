package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static dev.tinyforge.kernels.Bytes.window;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxPoolTest {
  private static byte[] pool(byte[] in, Dims inDims, Dims outDims, Window win, int lo, int hi) {
    byte[] out = new byte[outDims.size()];
    MaxPool.run(in, 0, inDims, out, 0, outDims, win, lo, hi);
    return out;
  }

  @Test
  void validTwoByTwoStrideTwoDropsTheOddLastRowAndColumn() {
    // 3x3 input; only the top-left 2x2 window fits: max(-5, 7, 2, -1) = 7
    byte[] in = Bytes.of(-5, 7, 100, 2, -1, 100, 100, 100, 100);
    byte[] out = pool(in, new Dims(3, 3, 1), new Dims(1, 1, 1), window(2, 2, 0, 0), -128, 127);
    assertThat(out).isEqualTo(Bytes.of(7));
  }

  @Test
  void paddingNeverWinsOverNegativeValues() {
    // All inputs negative; SAME 3x3 padding must not contribute zeros.
    byte[] in = Bytes.of(-9, -8, -7, -6, -5, -4, -3, -2, -1);
    byte[] out = pool(in, new Dims(3, 3, 1), new Dims(3, 3, 1), window(3, 1, 1, 1), -128, 127);
    assertThat(out).isEqualTo(Bytes.of(-5, -4, -4, -2, -1, -1, -2, -1, -1));
  }

  @Test
  void fusedReluClampsAtTheZeroPoint() {
    // act range [-98, 127] as RELU gives for zero point -98
    byte[] in = Bytes.of(-120, -100, -99, -98, 5, -128);
    Window single = window(1, 1, 0, 0);
    byte[] out = pool(in, new Dims(1, 6, 1), new Dims(1, 6, 1), single, -98, 127);
    assertThat(out).isEqualTo(Bytes.of(-98, -98, -98, -98, 5, -98));
  }

  @Test
  void clampsAboveToo() {
    byte[] in = Bytes.of(127, 3, -4, 0);
    byte[] out = pool(in, new Dims(1, 4, 1), new Dims(1, 4, 1), window(1, 1, 0, 0), -3, 2);
    assertThat(out).isEqualTo(Bytes.of(2, 2, -3, 0));
  }

  @Test
  void channelsAreIndependent() {
    // 2x2x2: channel 0 = 1,4,2,3 -> 4; channel 1 = -128,-100,-127,-101 -> -100
    byte[] in = Bytes.of(1, -128, 4, -100, 2, -127, 3, -101);
    byte[] out = pool(in, new Dims(2, 2, 2), new Dims(1, 1, 2), window(2, 2, 0, 0), -128, 127);
    assertThat(out).isEqualTo(Bytes.of(4, -100));
  }

  @Test
  void runsInsideOneArenaAtOffsets() {
    byte[] arena = new byte[16];
    System.arraycopy(Bytes.of(1, 9, 3, 4), 0, arena, 10, 4);
    MaxPool.run(arena, 10, new Dims(2, 2, 1), arena, 2, new Dims(1, 1, 1), window(2, 2, 0, 0),
        -128, 127);
    assertThat(arena[2]).isEqualTo((byte) 9);
  }

  @Test
  void rejectsAnOutputOverlappingTheInput() {
    byte[] arena = new byte[16];
    assertThrows(IllegalArgumentException.class, () -> MaxPool.run(arena, 0, new Dims(2, 2, 1),
        arena, 3, new Dims(1, 1, 1), window(2, 2, 0, 0), -128, 127));
  }

  /** op_mean_maxpool op 0: t000 [1,13,11,8] -> t001 [1,6,5,8], 2x2 stride 2 VALID. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void matchesTfliteMicroOnValidTwoByTwo(String testCase) {
    byte[] in = Goldens.tensor("op_mean_maxpool", testCase, 0);
    byte[] out = pool(in, new Dims(13, 11, 8), new Dims(6, 5, 8), window(2, 2, 0, 0), -128, 127);
    assertThat(out).isEqualTo(Goldens.tensor("op_mean_maxpool", testCase, 1));
  }

  /** op 1: t001 -> t002 [1,6,5,8], 3x3 stride 1 SAME (pad 1) with fused RELU. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void matchesTfliteMicroOnSameThreeByThreeRelu(String testCase) {
    TfliteModelFile model = Goldens.model("op_mean_maxpool");
    ActivationRange relu = ActivationRange.of(Activation.RELU, model.scale(2), model.zeroPoint(2));
    assertThat(relu).isEqualTo(new ActivationRange(-98, 127));
    byte[] in = Goldens.tensor("op_mean_maxpool", testCase, 1);
    byte[] out =
        pool(in, new Dims(6, 5, 8), new Dims(6, 5, 8), window(3, 1, 1, 1), relu.min(), relu.max());
    assertThat(out).isEqualTo(Goldens.tensor("op_mean_maxpool", testCase, 2));
  }
}
