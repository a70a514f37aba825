package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SoftmaxParamsTest {
  @Test
  void powerOfTwoScale() {
    // beta * scale * 2^26 = 2^-4 * 2^26 = 2^22 = 2^30 * 2^(23 - 31): multiplier 2^30, shift 23;
    // radius = floor(31 * 2^26 / 2^23) = 248
    assertThat(SoftmaxParams.prepare(0.0625, 1.0)).isEqualTo(new SoftmaxParams(1 << 30, 23, -248));
  }

  /**
   * The goldens' scales, read from the models as float32 (bits 0x3dbbddf2, 0x3c4d1b73, 0x3ea2cfcb).
   * Pinned values computed separately in Python (math.frexp, mantissa * 2^31 rounded, floor of
   * the radius); the C tests use the same numbers.
   */
  @Test
  void microSpeechAndPersonDetectScales() {
    assertThat(SoftmaxParams.prepare(Float.intBitsToFloat(0x3dbbddf2), 1.0))
        .isEqualTo(new SoftmaxParams(1575942400, 23, -248));
    assertThat(SoftmaxParams.prepare(Float.intBitsToFloat(0x3c4d1b73), 1.0))
        .isEqualTo(new SoftmaxParams(1720564096, 20, -1984));
    assertThat(SoftmaxParams.prepare(Float.intBitsToFloat(0x3ea2cfcb), 1.0))
        .isEqualTo(new SoftmaxParams(1365763456, 25, -62));
  }

  @Test
  void betaScalesLikeTheInputScale() {
    assertThat(SoftmaxParams.prepare(0.125, 0.5)).isEqualTo(SoftmaxParams.prepare(0.0625, 1.0));
  }

  @Test
  void aHugeScaleIsCappedBelowTwoToThe31() {
    // 100 * 2^26 > 2^31 - 1: the multiplier is capped, so every non-zero difference is huge
    SoftmaxParams p = SoftmaxParams.prepare(100.0, 1.0);
    assertThat(p.inputLeftShift()).isEqualTo(31);
    assertThat(p.inputMultiplier()).isEqualTo(Integer.MAX_VALUE);
    assertThat(p.diffMin()).isEqualTo(0);
  }

  @Test
  void rejectsAScaleTooSmallForTheFixedPointRecipe() {
    assertThrows(IllegalArgumentException.class, () -> SoftmaxParams.prepare(1e-9, 1.0));
  }
}
