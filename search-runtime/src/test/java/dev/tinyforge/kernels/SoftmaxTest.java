package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftmaxTest {
  /** Scale 1/16: a code difference of 16 is a logit difference of 1. */
  private static final SoftmaxParams SIXTEENTH = SoftmaxParams.prepare(0.0625, 1.0);

  private static byte[] softmax(byte[] in, int rows, int depth, SoftmaxParams p) {
    byte[] out = new byte[in.length];
    Softmax.run(in, 0, out, 0, rows, depth, p);
    return out;
  }

  @Test
  void equalLogitsShareTheProbabilityEvenly() {
    // 1/4 = 64/256 -> code 64 - 128; 1/2 -> 0; 1/1 = 256/256 saturates at 127
    assertThat(softmax(Bytes.of(7, 7, 7, 7), 1, 4, SIXTEENTH))
        .isEqualTo(Bytes.of(-64, -64, -64, -64));
    assertThat(softmax(Bytes.of(-3, -3), 1, 2, SIXTEENTH)).isEqualTo(Bytes.of(0, 0));
    assertThat(softmax(Bytes.of(42), 1, 1, SIXTEENTH)).isEqualTo(Bytes.of(127));
  }

  @Test
  void differencesBeyondTheInputRadiusGetZeroProbability() {
    // diffMin is -248 at scale 1/16: a difference of -255 is ignored entirely
    assertThat(softmax(Bytes.of(127, -128), 1, 2, SIXTEENTH)).isEqualTo(Bytes.of(127, -128));
  }

  @Test
  void oneLogitOfDifferenceGivesTheExpectedRatio() {
    // logits 1 and 0 (codes 16 and 0): p = e / (1 + e) = 0.7311 -> 187.2/256 -> code 59;
    // 1 - p = 0.2689 -> 68.8/256 -> code -59
    assertThat(softmax(Bytes.of(16, 0), 1, 2, SIXTEENTH)).isEqualTo(Bytes.of(59, -59));
  }

  @Test
  void onlyDifferencesMatter() {
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      byte[] row = new byte[10];
      for (int i = 0; i < row.length; i++) {
        row[i] = (byte) (random.nextInt(100) - 50);
      }
      byte[] shifted = row.clone();
      for (int i = 0; i < row.length; i++) {
        shifted[i] += 60;
      }
      assertThat(softmax(shifted, 1, 10, SIXTEENTH)).isEqualTo(softmax(row, 1, 10, SIXTEENTH));
    }
  }

  @Test
  void outputsFollowTheFloatSoftmaxAndKeepItsOrder() {
    Random random = new Random(11);
    double scale = 0.0625;
    for (int trial = 0; trial < 100; trial++) {
      int depth = 2 + random.nextInt(30);
      byte[] row = new byte[depth];
      random.nextBytes(row);
      byte[] out = softmax(row, 1, depth, SIXTEENTH);
      int max = Byte.MIN_VALUE;
      for (byte b : row) {
        max = Math.max(max, b);
      }
      double sum = 0;
      for (byte b : row) {
        sum += Math.exp((b - max) * scale);
      }
      for (int i = 0; i < depth; i++) {
        double probability = Math.exp((row[i] - max) * scale) / sum;
        double expectedCode = Math.min(127, probability * 256 - 128);
        // within one step of 1/256 (the fixed-point exp is good to ~2^-20)
        assertThat((double) out[i]).isWithin(1.0).of(expectedCode);
        for (int j = 0; j < depth; j++) {
          if (row[i] > row[j]) {
            assertThat(out[i]).isAtLeast(out[j]);
          }
        }
      }
    }
  }

  @Test
  void rowsAreIndependent() {
    byte[] out = softmax(Bytes.of(16, 0, 7, 7), 2, 2, SIXTEENTH);
    assertThat(out).isEqualTo(Bytes.of(59, -59, 0, 0));
  }

  @Test
  void aScaleLargeEnoughForShift31OnlyKeepsTheMaxima() {
    SoftmaxParams huge = SoftmaxParams.prepare(100.0, 1.0);
    assertThat(softmax(Bytes.of(5, 3, 5), 1, 3, huge)).isEqualTo(Bytes.of(0, -128, 0));
  }

  @Test
  void runsInPlace() {
    byte[] arena = Bytes.of(99, 16, 0, 99);
    Softmax.run(arena, 1, arena, 1, 1, 2, SIXTEENTH);
    assertThat(arena).isEqualTo(Bytes.of(99, 59, -59, 99));
  }

  @Test
  void rejectsAPartialOverlap() {
    byte[] arena = new byte[8];
    assertThrows(IllegalArgumentException.class,
        () -> Softmax.run(arena, 0, arena, 2, 1, 4, SIXTEENTH));
  }

  @Test
  void stopsWhereTfliteMicroWouldStop() {
    // 512 equal logits sum to 2^28 in Q12.19, past the reference's exponent check
    assertThrows(ArithmeticException.class,
        () -> softmax(Bytes.filled(512, 3), 1, 512, SIXTEENTH));
    assertThat(softmax(Bytes.filled(256, 3), 1, 256, SIXTEENTH)).isEqualTo(Bytes.filled(256, -127));
  }

  /**
   * TF Lite Micro's SOFTMAX on real logits: micro_speech "yes" (t006 -> t009) and person_detect
   * "person" / "no_person" (t031 -> t087), tinymaix_mnist_resnet_q (t018 -> t019, saturated
   * outputs). Scale and beta come from the model file.
   */
  @ParameterizedTest
  @CsvSource({
    "micro_speech, yes, 6, 9, 4",
    "person_detect, person, 31, 87, 2",
    "person_detect, no_person, 31, 87, 2",
    "tinymaix_mnist_resnet_q, digit0, 18, 19, 10",
    "tinymaix_mnist_resnet_q, digit1, 18, 19, 10",
    "tinymaix_mnist_resnet_q, seed1, 18, 19, 10"
  })
  void matchesTfliteMicro(String model, String testCase, int input, int output, int depth) {
    TfliteModelFile file = Goldens.model(model);
    SoftmaxParams p = SoftmaxParams.prepare(file.scale(input), file.softmaxBetaProducing(output));
    byte[] out = softmax(Goldens.tensor(model, testCase, input), 1, depth, p);
    assertThat(out).isEqualTo(Goldens.tensor(model, testCase, output));
  }
}
