package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class ActivationRangeTest {
  @Test
  void noneIsTheWholeInt8Range() {
    assertThat(ActivationRange.of(Activation.NONE, 0.1f, 3))
        .isEqualTo(new ActivationRange(-128, 127));
  }

  @Test
  void reluStartsAtTheZeroPoint() {
    assertThat(ActivationRange.of(Activation.RELU, 0.02f, -98))
        .isEqualTo(new ActivationRange(-98, 127));
  }

  @Test
  void relu6EndsAtSixQuantized() {
    // 6 / 0.05 = 120 -> 120 - 100 = 20
    assertThat(ActivationRange.of(Activation.RELU6, 0.05f, -100))
        .isEqualTo(new ActivationRange(-100, 20));
    // person_detect's Relu6 tensors: 6 / 0.0235294122 = 255.0 -> 127 with zero point -128
    assertThat(ActivationRange.of(Activation.RELU6, 0.0235294122f, -128))
        .isEqualTo(new ActivationRange(-128, 127));
  }

  @Test
  void boundsOutsideInt8AreClamped() {
    assertThat(ActivationRange.of(Activation.RELU, 0.5f, -200))
        .isEqualTo(new ActivationRange(-128, 127));
    assertThat(ActivationRange.of(Activation.RELU6, 0.001f, 0))
        .isEqualTo(new ActivationRange(0, 127));
  }

  @Test
  void tiesRoundAwayFromZero() {
    // 6f / 2.4f is exactly 2.5f in float32: std::round gives 3 where round-half-even gives 2
    assertThat(ActivationRange.of(Activation.RELU6, 2.4f, 0).max()).isEqualTo(3);
  }
}
