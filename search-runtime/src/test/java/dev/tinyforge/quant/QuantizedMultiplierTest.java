package dev.tinyforge.quant;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected pairs worked out by hand from TF Lite's QuantizeMultiplier (frexp, then round). */
class QuantizedMultiplierTest {
  private static final int HALF = 1 << 30;

  @Test
  void powersOfTwoAreHalfTimesAShift() {
    assertThat(QuantizedMultiplier.of(0.5)).isEqualTo(new QuantizedMultiplier(HALF, 0));
    assertThat(QuantizedMultiplier.of(1.0)).isEqualTo(new QuantizedMultiplier(HALF, 1));
    assertThat(QuantizedMultiplier.of(0.25)).isEqualTo(new QuantizedMultiplier(HALF, -1));
    assertThat(QuantizedMultiplier.of(0.125)).isEqualTo(new QuantizedMultiplier(HALF, -2));
    assertThat(QuantizedMultiplier.of(4.0)).isEqualTo(new QuantizedMultiplier(HALF, 3));
  }

  @Test
  void negativeMultipliersKeepTheirSign() {
    assertThat(QuantizedMultiplier.of(-0.5)).isEqualTo(new QuantizedMultiplier(-HALF, 0));
    assertThat(QuantizedMultiplier.of(-4.0)).isEqualTo(new QuantizedMultiplier(-HALF, 3));
  }

  @Test
  void mantissaIsRoundedToQ31() {
    // 0.75 = 0.75 x 2^0 -> 0.75 x 2^31
    assertThat(QuantizedMultiplier.of(0.75)).isEqualTo(new QuantizedMultiplier(3 << 29, 0));
    // 10 = 0.625 x 2^4 -> 0.625 x 2^31 = 1342177280
    assertThat(QuantizedMultiplier.of(10.0)).isEqualTo(new QuantizedMultiplier(1342177280, 4));
    // 1/3 = (2/3) x 2^-1 -> 2^32 / 3 = 1431655765.33 -> 1431655765
    assertThat(QuantizedMultiplier.of(1.0 / 3.0))
        .isEqualTo(new QuantizedMultiplier(1431655765, -1));
  }

  @Test
  void mantissaTiesRoundAwayFromZeroLikeStdRound() {
    // 0.5 + 2^-32 -> mantissa x 2^31 = 2^30 + 0.5 exactly
    double tie = 0.5 + Math.scalb(1.0, -32);
    assertThat(QuantizedMultiplier.of(tie)).isEqualTo(new QuantizedMultiplier(HALF + 1, 0));
    assertThat(QuantizedMultiplier.of(-tie)).isEqualTo(new QuantizedMultiplier(-HALF - 1, 0));
  }

  @Test
  void mantissaThatRoundsUpToOneRenormalizes() {
    // 1 - 2^-40: mantissa x 2^31 = 2^31 - 2^-9 rounds to 2^31, which is stored as 2^30, shift + 1
    double almostOne = 1.0 - Math.scalb(1.0, -40);
    assertThat(QuantizedMultiplier.of(almostOne)).isEqualTo(new QuantizedMultiplier(HALF, 1));
  }

  @Test
  void zeroAndTinyMultipliersBecomeZero() {
    assertThat(QuantizedMultiplier.of(0.0)).isEqualTo(new QuantizedMultiplier(0, 0));
    // 2^-32 = 0.5 x 2^-31 is the smallest shift kept; 2^-33 would need shift -32
    assertThat(QuantizedMultiplier.of(Math.scalb(1.0, -32)))
        .isEqualTo(new QuantizedMultiplier(HALF, -31));
    assertThat(QuantizedMultiplier.of(Math.scalb(1.0, -33))).isEqualTo(new QuantizedMultiplier(0, 0));
    assertThat(QuantizedMultiplier.of(Double.MIN_VALUE)).isEqualTo(new QuantizedMultiplier(0, 0));
  }

  @Test
  void multipliersBeyondQ31RangeAreRejected() {
    // 2^30 = 0.5 x 2^31 would need shift 31
    assertThrows(ArithmeticException.class, () -> QuantizedMultiplier.of(Math.scalb(1.0, 30)));
  }

  @Test
  void applyRequantizes() {
    // 21 x 0.25 = 5.25; high-mul 21 x 0.5 = 10.5 -> 11, then 11 / 2 = 5.5 -> 6 (double rounding)
    assertThat(QuantizedMultiplier.of(0.25).apply(21)).isEqualTo(6);
    assertThat(QuantizedMultiplier.of(10.0).apply(-3)).isEqualTo(-30);
  }
}
