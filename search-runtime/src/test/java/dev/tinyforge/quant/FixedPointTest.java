package dev.tinyforge.quant;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedPointTest {
  private static final int HALF = 1 << 30; // 0.5 in Q31
  private static final int THREE_QUARTERS = 3 << 29; // 0.75 in Q31
  private static final int MIN = Integer.MIN_VALUE;
  private static final int MAX = Integer.MAX_VALUE;

  @Test
  void highMulOfExactProducts() {
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(HALF, HALF)).isEqualTo(1 << 29);
    // -2^31 * (2^31 - 1) / 2^31 = -(2^31 - 1), no rounding needed
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(MIN, MAX)).isEqualTo(-MAX);
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(0, MIN)).isEqualTo(0);
  }

  @Test
  void highMulRoundsTiesTowardPositiveInfinity() {
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(3, HALF)).isEqualTo(2); // 1.5
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(-3, HALF)).isEqualTo(-1); // -1.5
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(-5, HALF)).isEqualTo(-2); // -2.5
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(-1, HALF)).isEqualTo(0); // -0.5
  }

  @Test
  void highMulRoundsNonTiesToNearest() {
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(5, THREE_QUARTERS)).isEqualTo(4); // 3.75
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(-5, THREE_QUARTERS)).isEqualTo(-4);
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(7, THREE_QUARTERS)).isEqualTo(5); // 5.25
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(-7, THREE_QUARTERS)).isEqualTo(-5);
    // (2^31 - 1)^2 / 2^31 = 2^31 - 2 + 2^-31
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(MAX, MAX)).isEqualTo(MAX - 1);
  }

  @Test
  void highMulSaturatesTheOnlyOverflow() {
    // (-1) * (-1) = +1 is not representable in Q31
    assertThat(FixedPoint.saturatingRoundingDoublingHighMul(MIN, MIN)).isEqualTo(MAX);
  }

  @Test
  void divideByPowerOfTwoRoundsTiesAwayFromZero() {
    assertThat(FixedPoint.roundingDivideByPot(5, 1)).isEqualTo(3); // 2.5
    assertThat(FixedPoint.roundingDivideByPot(-5, 1)).isEqualTo(-3); // -2.5
    assertThat(FixedPoint.roundingDivideByPot(-3, 1)).isEqualTo(-2); // -1.5
    assertThat(FixedPoint.roundingDivideByPot(1 << 30, 31)).isEqualTo(1); // 0.5
    assertThat(FixedPoint.roundingDivideByPot(-(1 << 30), 31)).isEqualTo(-1); // -0.5
  }

  @Test
  void divideByPowerOfTwoRoundsNonTiesToNearest() {
    assertThat(FixedPoint.roundingDivideByPot(-7, 2)).isEqualTo(-2); // -1.75
    assertThat(FixedPoint.roundingDivideByPot(-5, 2)).isEqualTo(-1); // -1.25
    assertThat(FixedPoint.roundingDivideByPot(7, 2)).isEqualTo(2); // 1.75
    assertThat(FixedPoint.roundingDivideByPot((1 << 30) - 1, 31)).isEqualTo(0);
    assertThat(FixedPoint.roundingDivideByPot(MIN, 31)).isEqualTo(-1);
    assertThat(FixedPoint.roundingDivideByPot(MAX, 31)).isEqualTo(1);
  }

  @Test
  void divideByTwoToTheZeroIsIdentity() {
    assertThat(FixedPoint.roundingDivideByPot(-7, 0)).isEqualTo(-7);
    assertThat(FixedPoint.roundingDivideByPot(MIN, 0)).isEqualTo(MIN);
  }

  @Test
  void requantizeRoundsTwiceLikeTheReference() {
    // 6 x 0.375: high-mul 6 x 0.75 = 4.5 -> 5, then 5 / 2 = 2.5 -> 3; rounding once would give 2
    assertThat(FixedPoint.requantize(6, THREE_QUARTERS, -1)).isEqualTo(3);
    // -6 x 0.25: high-mul -3 exactly, then -1.5 -> -2
    assertThat(FixedPoint.requantize(-6, HALF, -1)).isEqualTo(-2);
    // -3 x 0.5 = -1.5: only the high-mul rounds, toward +infinity
    assertThat(FixedPoint.requantize(-3, HALF, 0)).isEqualTo(-1);
  }

  @Test
  void requantizeWithPositiveShiftShiftsLeftFirst() {
    assertThat(FixedPoint.requantize(3, HALF, 2)).isEqualTo(6); // 3 x 4 x 0.5
    assertThat(FixedPoint.requantize(-21, HALF, 1)).isEqualTo(-21); // x 1.0
    // 2^30 << 1 wraps to -2^31 in int32 (as the reference's x * (1 << shift) does in practice)
    assertThat(FixedPoint.requantize(1 << 30, HALF, 1)).isEqualTo(-(1 << 30));
  }

  @Test
  void requantizeWithTheSmallestShift() {
    // (2^31 - 1) x 0.5 = 2^30 - 0.5 -> 2^30, then 2^30 / 2^31 = 0.5 -> 1
    assertThat(FixedPoint.requantize(MAX, HALF, -31)).isEqualTo(1);
  }

  @Test
  void clampKeepsTheRange() {
    assertThat(FixedPoint.clamp(-200, -128, 127)).isEqualTo(-128);
    assertThat(FixedPoint.clamp(200, -128, 127)).isEqualTo(127);
    assertThat(FixedPoint.clamp(5, -128, 127)).isEqualTo(5);
  }

  @Test
  void agreesWithExactArithmeticOnRandomOperands() {
    SplittableRandom random = new SplittableRandom(20240607);
    for (int i = 0; i < 200_000; i++) {
      int x = randomAccumulator(random);
      int multiplier = randomMultiplier(random);
      int shift = random.nextInt(-31, 31);
      assertWithMessage("requantize(%s, %s, %s)", x, multiplier, shift)
          .that(FixedPoint.requantize(x, multiplier, shift))
          .isEqualTo(ExactRequantization.requantize(x, multiplier, shift));
      int a = random.nextInt();
      int b = random.nextInt();
      assertWithMessage("highMul(%s, %s)", a, b)
          .that(FixedPoint.saturatingRoundingDoublingHighMul(a, b))
          .isEqualTo(ExactRequantization.highMul(a, b));
      int exponent = random.nextInt(0, 32);
      assertWithMessage("divide(%s, %s)", x, exponent)
          .that(FixedPoint.roundingDivideByPot(x, exponent))
          .isEqualTo(ExactRequantization.divideByPowerOfTwo(x, exponent));
    }
  }

  /** Mostly a normalized Q31 mantissa in [0.5, 1), sometimes any int (negatives, MIN). */
  private static int randomMultiplier(SplittableRandom random) {
    return random.nextInt(10) == 0 ? random.nextInt() : random.nextInt(1 << 30, MAX);
  }

  /** Mostly accumulator-sized values, sometimes anything, sometimes ties on purpose. */
  private static int randomAccumulator(SplittableRandom random) {
    return switch (random.nextInt(3)) {
      case 0 -> random.nextInt(-(1 << 20), 1 << 20);
      case 1 -> random.nextInt();
      default -> random.nextInt(-64, 64) << random.nextInt(0, 25);
    };
  }
}
