package dev.tinyforge.quant;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** Accuracy against java.lang.Math; exactness is proven by the softmax goldens. */
class FixedPointExpTest {
  /**
   * The exp polynomial stops at x^4 around -1/8 with |x| <= 1/8: the first dropped term is at
   * most (1/8)^5 / 5! = 2.5e-7, far below the 1/256 output step of softmax.
   */
  private static final double TAYLOR_ERROR = 3e-7;

  private static final double Q0 = 0x1p31;
  private static final double Q5 = 0x1p26;

  @Test
  void expOfZeroIsTheLargestQ0Value() {
    assertThat(FixedPointExp.expOnNegativeValues(0, 5)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void expOnNegativeValuesIsAccurateOverQ5() {
    int previous = Integer.MAX_VALUE;
    for (int raw = 0; raw >= -(31 << 26); raw -= 9973) {
      int exp = FixedPointExp.expOnNegativeValues(raw, 5);
      assertThat(Math.abs(exp / Q0 - Math.exp(raw / Q5))).isLessThan(TAYLOR_ERROR);
      assertThat(exp).isAtMost(previous); // monotone
      previous = exp;
    }
  }

  @Test
  void expOnTheQuarterIntervalIsAccurate() {
    for (int raw = -(1 << 29); raw < 0; raw += 104729) {
      double expected = Math.exp(raw / Q0);
      assertThat(Math.abs(FixedPointExp.expOnNegativeQuarterInterval(raw) / Q0 - expected))
          .isLessThan(TAYLOR_ERROR);
    }
  }

  @Test
  void expOfLargeNegativeQ10ValuesFlushesToZero() {
    // Q10: -33 is below the -32 clamp
    assertThat(FixedPointExp.expOnNegativeValues(-33 << 21, 10)).isEqualTo(0);
  }

  @Test
  void oneOverOnePlusXIsAccurate() {
    for (long raw = 0; raw < (1L << 31); raw += 1_000_003) {
      double x = raw / Q0;
      double got = FixedPointExp.oneOverOnePlusX((int) raw) / Q0;
      assertThat(Math.abs(got - 1 / (1 + x))).isLessThan(1e-8);
    }
  }

  @Test
  void rescaleSaturatesUpAndRoundsDown() {
    assertThat(FixedPointExp.rescale(1 << 29, 0, 2)).isEqualTo(1 << 27);
    assertThat(FixedPointExp.rescale(3, 0, 1)).isEqualTo(2); // 1.5 -> 2
    assertThat(FixedPointExp.rescale(-3, 0, 1)).isEqualTo(-2); // -1.5 -> -2
    assertThat(FixedPointExp.rescale(1 << 29, 2, 0)).isEqualTo(Integer.MAX_VALUE);
    assertThat(FixedPointExp.rescale(-(1 << 29), 2, 0)).isEqualTo(Integer.MIN_VALUE);
    assertThat(FixedPointExp.rescale((1 << 29) - 1, 2, 0)).isEqualTo(((1 << 29) - 1) << 2);
  }

  @Test
  void roundingHalfSumRoundsAwayFromZero() {
    assertThat(FixedPointExp.roundingHalfSum(1, 2)).isEqualTo(2);
    assertThat(FixedPointExp.roundingHalfSum(-1, -2)).isEqualTo(-2);
    assertThat(FixedPointExp.roundingHalfSum(Integer.MAX_VALUE, Integer.MAX_VALUE))
        .isEqualTo(Integer.MAX_VALUE);
  }
}
