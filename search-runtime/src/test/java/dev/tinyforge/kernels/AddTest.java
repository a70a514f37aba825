package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddTest {
  /** Scales 0.5 and 0.25 into 1.0: every step is exact except the final rounding. */
  private static final AddParams HALF_PLUS_QUARTER =
      AddParams.prepare(0.5f, 10, 0.25f, -20, 1.0f, 5, -128, 127);

  private static byte[] add(byte[] a, byte[] b, AddParams p) {
    byte[] out = new byte[a.length];
    Add.run(a, 0, b, 0, out, 0, a.length, p);
    return out;
  }

  @Test
  void handWorkedValues() {
    // real = (x1 - 10) * 0.5 + (x2 + 20) * 0.25; output code = real + 5
    //   14, -12 -> 2 + 2 = 4 -> 9
    //   11, -20 -> 0.5 -> 5.5 -> 6 (half away from zero)
    //    9, -20 -> -0.5 -> 4.5 -> 4 (the sum is -0.5: away from zero is -1)
    //  127, 127 -> 58.5 + 36.75 = 95.25 -> 100.25 -> 100
    // -128,-128 -> -69 + -27 = -96 -> -91
    byte[] out =
        add(Bytes.of(14, 11, 9, 127, -128), Bytes.of(-12, -20, -20, 127, -128), HALF_PLUS_QUARTER);
    assertThat(out).isEqualTo(Bytes.of(9, 6, 4, 100, -91));
  }

  @Test
  void clampsToTheFusedActivation() {
    AddParams relu = AddParams.prepare(0.5f, 10, 0.25f, -20, 1.0f, 5, 5, 127);
    byte[] out = add(Bytes.of(0, 127), Bytes.of(-20, 127), relu);
    // (0-10)*0.5 = -5 -> code 0, clamped to the zero point 5; 100 stays
    assertThat(out).isEqualTo(Bytes.of(5, 100));
    AddParams wide = AddParams.prepare(1f, 0, 1f, 0, 0.25f, 0, -128, 127);
    assertThat(add(Bytes.of(100, -100), Bytes.of(100, -100), wide)).isEqualTo(Bytes.of(127, -128));
  }

  /** Random scales and codes against the exact-rational restatement of TFLM's AddFunc. */
  @Test
  void agreesWithTheExactReferenceOnRandomQuantizations() {
    Random random = new Random(20260101);
    for (int trial = 0; trial < 200; trial++) {
      float s1 = (float) Math.exp(random.nextDouble() * 8 - 6);
      float s2 = (float) Math.exp(random.nextDouble() * 8 - 6);
      float so = (float) (Math.max(s1, s2) * (0.5 + random.nextDouble() * 4));
      AddParams p =
          AddParams.prepare(s1, random.nextInt(256) - 128, s2, random.nextInt(256) - 128, so,
              random.nextInt(256) - 128, -128, 127);
      byte[] a = new byte[64];
      byte[] b = new byte[64];
      random.nextBytes(a);
      random.nextBytes(b);
      byte[] out = add(a, b, p);
      for (int i = 0; i < a.length; i++) {
        assertThat(out[i]).isEqualTo((byte) ExactReference.add(a[i], b[i], p));
      }
    }
  }

  @Test
  void outputMayBeEitherInputInPlace() {
    byte[] arena = Bytes.of(0, 14, 11, 9, -12, -20, -20, 0);
    Add.run(arena, 1, arena, 4, arena, 1, 3, HALF_PLUS_QUARTER);
    assertThat(arena).isEqualTo(Bytes.of(0, 9, 6, 4, -12, -20, -20, 0));

    byte[] second = Bytes.of(14, 11, 9, -12, -20, -20);
    Add.run(second, 0, second, 3, second, 3, 3, HALF_PLUS_QUARTER);
    assertThat(second).isEqualTo(Bytes.of(14, 11, 9, 9, 6, 4));
  }

  @Test
  void rejectsAPartialOverlap() {
    byte[] arena = new byte[12];
    assertThrows(IllegalArgumentException.class,
        () -> Add.run(arena, 0, arena, 6, arena, 2, 4, HALF_PLUS_QUARTER));
  }

  /** op_add op 1: ADD(t000, t003) -> t004, no activation. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void matchesTfliteMicroOnTheResidualAdd(String testCase) {
    TfliteModelFile model = Goldens.model("op_add");
    AddParams p = prepare(model, 0, 3, 4, Activation.NONE);
    byte[] out =
        add(Goldens.tensor("op_add", testCase, 0), Goldens.tensor("op_add", testCase, 3), p);
    assertThat(out).isEqualTo(Goldens.tensor("op_add", testCase, 4));
  }

  /** tinymaix_mnist_resnet_q's residual ADD(t013, t014) -> t015 on real digits and noise. */
  @ParameterizedTest
  @ValueSource(strings = {"digit0", "digit1", "seed1", "seed2", "seed3"})
  void matchesTfliteMicroOnARealResidualAdd(String testCase) {
    String name = "tinymaix_mnist_resnet_q";
    AddParams p = prepare(Goldens.model(name), 13, 14, 15, Activation.NONE);
    byte[] out =
        add(Goldens.tensor(name, testCase, 13), Goldens.tensor(name, testCase, 14), p);
    assertThat(out).isEqualTo(Goldens.tensor(name, testCase, 15));
  }

  /**
   * op_add op 2: ADD(t004, constant t005 [12]) -> t006 with RELU. The constant broadcasts along
   * the last axis: one call per pixel, always the same 12 bytes as input 2.
   */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void matchesTfliteMicroOnTheBroadcastBiasWithRelu(String testCase) {
    TfliteModelFile model = Goldens.model("op_add");
    byte[] bias = model.constant(5);
    assertThat(bias).hasLength(12);
    assertThat(model.zeroPoint(5)).isEqualTo(-87);
    AddParams p = prepare(model, 4, 5, 6, Activation.RELU);
    byte[] in = Goldens.tensor("op_add", testCase, 4);
    byte[] out = new byte[in.length];
    for (int pixel = 0; pixel < 9 * 7; pixel++) {
      Add.run(in, pixel * 12, bias, 0, out, pixel * 12, 12, p);
    }
    assertThat(out).isEqualTo(Goldens.tensor("op_add", testCase, 6));
  }

  private static AddParams prepare(
      TfliteModelFile model, int in1, int in2, int out, Activation activation) {
    ActivationRange range = ActivationRange.of(activation, model.scale(out), model.zeroPoint(out));
    return AddParams.prepare(model.scale(in1), model.zeroPoint(in1), model.scale(in2),
        model.zeroPoint(in2), model.scale(out), model.zeroPoint(out), range.min(), range.max());
  }
}
