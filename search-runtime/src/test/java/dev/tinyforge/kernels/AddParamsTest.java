package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AddParamsTest {
  @Test
  void powerOfTwoScalesGiveExactMultipliers() {
    // twice the larger input scale = 1.0: input1 0.5 / 1.0 = 0.5 = 2^30 * 2^(0 - 31);
    // input2 0.25 = 2^30 * 2^(-1 - 31); output 1.0 / (2^20 * 1.0) = 2^-20 = 2^30 * 2^(-19 - 31)
    AddParams p = AddParams.prepare(0.5f, 10, 0.25f, -20, 1.0f, 5, -128, 127);
    assertThat(p)
        .isEqualTo(
            new AddParams(-10, 20, 5, 20, 1 << 30, 0, 1 << 30, -1, 1 << 30, -19, -128, 127));
  }

  /**
   * op_add's two ADDs. Pinned values computed separately (Python: math.frexp on the float32
   * scales, round half up of the mantissa times 2^31), not by this code.
   */
  @Test
  void opAddResidualMatchesAnIndependentComputation() {
    AddParams p =
        AddParams.prepare(0.0690075979f, 81, 0.202505201f, 9, 0.199574888f, 41, -128, 127);
    assertThat(p)
        .isEqualTo(
            new AddParams(
                -81, -9, 41, 20, 1463593895, -2, 1073741824, 0, 1089507335, -18, -128, 127));
  }

  @Test
  void opAddBiasWithReluMatchesAnIndependentComputation() {
    AddParams p =
        AddParams.prepare(0.199574888f, 41, 0.048236146569252014f, -87, 0.0956818163f, -128, -128,
            127);
    assertThat(p)
        .isEqualTo(
            new AddParams(
                -41, 87, -128, 20, 1073741824, 0, 2076139682, -3, 1119815197, -17, -128, 127));
  }

  @Test
  void tinymaixResidualMatchesAnIndependentComputation() {
    AddParams p =
        AddParams.prepare(0.0165711865f, -128, 0.0294371359f, 4, 0.0274341702f, -5, -128, 127);
    assertThat(p)
        .isEqualTo(
            new AddParams(
                128, -4, -5, 20, 1208893152, -1, 1073741824, 0, 1152135593, -18, -128, 127));
  }

  @Test
  void theLargerScaleIsChosenInFloat() {
    // Swapping the inputs swaps the multipliers and nothing else.
    AddParams ab = AddParams.prepare(0.3f, 1, 0.7f, 2, 0.9f, 3, -128, 127);
    AddParams ba = AddParams.prepare(0.7f, 2, 0.3f, 1, 0.9f, 3, -128, 127);
    assertThat(ab.input1Multiplier()).isEqualTo(ba.input2Multiplier());
    assertThat(ab.input1Shift()).isEqualTo(ba.input2Shift());
    assertThat(ab.outputMultiplier()).isEqualTo(ba.outputMultiplier());
  }

  @Test
  void rejectsAnOutputScaleThatNeedsAMultiplierOfOneOrMore() {
    // 2 * 1.0 / (2^20 * 2^-21) = 4: not representable as a right shift
    assertThrows(IllegalArgumentException.class,
        () -> AddParams.prepare(1f, 0, 1f, 0, (float) Math.scalb(1.0, -21), 0, -128, 127));
  }
}
