package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MulTest {
  /** 0.5 * 0.25 / 0.125 = 1: the requantization is exact. */
  private static final MulParams EXACT = MulParams.prepare(0.5f, 10, 0.25f, -20, 0.125f, 3, -128, 127);

  @Test
  void prepareFoldsTheThreeScalesIntoOneMultiplier() {
    // 1.0 = 2^30 * 2^(1 - 31); offsets are -zp for inputs, +zp for the output
    assertThat(EXACT).isEqualTo(new MulParams(-10, 20, 3, 1 << 30, 1, -128, 127));
    // 0.5 * 0.25 / 0.25 = 0.5 = 2^30 * 2^(0 - 31)
    assertThat(MulParams.prepare(0.5f, 0, 0.25f, 0, 0.25f, 0, -128, 127).outputShift())
        .isEqualTo(0);
    assertThat(EXACT.swapped()).isEqualTo(new MulParams(20, -10, 3, 1 << 30, 1, -128, 127));
  }

  @Test
  void handWorkedValues() {
    // (a - 10) * (b + 20) + 3: 12,-17 -> 2*3+3 = 9; 0,-30 -> (-10)(-10)+3 = 103;
    // 20,-10 -> 100+3 -> 103; 127,127 -> 117*147 -> 127 (saturates); -128,127 -> -128
    byte[] out = new byte[5];
    Mul.run(Bytes.of(12, 0, 20, 127, -128), 0, Bytes.of(-17, -30, -10, 127, 127), 0, out, 0, 5,
        EXACT);
    assertThat(out).isEqualTo(Bytes.of(9, 103, 103, 127, -128));
  }

  @Test
  void halvesRoundTiesUpward() {
    // multiplier 0.5 in the double-rounding form: 3 -> 1.5 -> 2, -3 -> -1.5 -> -1, 5 -> 3, -5 -> -2
    MulParams half = MulParams.prepare(0.5f, 0, 0.25f, 0, 0.25f, 0, -128, 127);
    byte[] out = new byte[4];
    Mul.run(Bytes.of(3, -3, 5, -5), 0, Bytes.of(1, 1, 1, 1), 0, out, 0, 4, half);
    assertThat(out).isEqualTo(Bytes.of(2, -1, 3, -2));
  }

  @Test
  void clampsToTheFusedActivation() {
    MulParams relu = MulParams.prepare(0.5f, 10, 0.25f, -20, 0.125f, 3, 3, 127);
    byte[] out = new byte[2];
    Mul.run(Bytes.of(9, 12), 0, Bytes.of(-10, -17), 0, out, 0, 2, relu);
    // (-1)(10) + 3 = -7 -> 3 (the zero point); 9 stays
    assertThat(out).isEqualTo(Bytes.of(3, 9));
  }

  @Test
  void broadcastRepeatsInput2PerRowAndMayRunInPlace() {
    Arena arena = new Arena(32);
    arena.put(4, Bytes.of(11, 12, 13, 14, 15, 16)).put(20, Bytes.of(-19, -18, -17));
    Mul.runBroadcast(arena.bytes, 4, arena.bytes, 20, arena.bytes, 4, 2, 3, EXACT);
    // (a - 10) * (b + 20) + 3 with b = -19, -18, -17 per row
    assertThat(arena.slice(4, 6)).isEqualTo(Bytes.of(4, 7, 12, 7, 13, 21));
    arena.assertUntouchedOutside(4, 6, 20, 3);
  }

  @Test
  void rejectsOverlapsThatWouldReadWrittenValues() {
    byte[] arena = new byte[16];
    assertThrows(IllegalArgumentException.class,
        () -> Mul.run(arena, 0, arena, 8, arena, 2, 4, EXACT));
    assertThrows(IllegalArgumentException.class,
        () -> Mul.runBroadcast(arena, 0, arena, 3, arena, 0, 2, 3, EXACT));
  }

  private static MulParams prepare(
      TfliteModelFile model, int in1, int in2, int out, Activation activation) {
    ActivationRange range = ActivationRange.of(activation, model.scale(out), model.zeroPoint(out));
    return MulParams.prepare(model.scale(in1), model.zeroPoint(in1), model.scale(in2),
        model.zeroPoint(in2), model.scale(out), model.zeroPoint(out), range.min(), range.max());
  }

  /** op_mul op 0: MUL(t000, constant t001 [1,1,1,10]) -> t002 with RELU: per-channel broadcast. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void matchesTfliteMicroOnTheChannelBroadcastWithRelu(String testCase) {
    TfliteModelFile model = Goldens.model("op_mul");
    byte[] channel = model.constant(1);
    assertThat(channel).hasLength(10);
    MulParams p = prepare(model, 0, 1, 2, Activation.RELU);
    byte[] out = new byte[640];
    Mul.runBroadcast(Goldens.tensor("op_mul", testCase, 0), 0, channel, 0, out, 0, 64, 10, p);
    assertThat(out).isEqualTo(Goldens.tensor("op_mul", testCase, 2));
  }

  /** op_mul op 1: MUL(t002, t000) -> t003, two activations. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void matchesTfliteMicroOnActivationTimesActivation(String testCase) {
    MulParams p = prepare(Goldens.model("op_mul"), 2, 0, 3, Activation.NONE);
    byte[] out = new byte[640];
    Mul.run(Goldens.tensor("op_mul", testCase, 2), 0, Goldens.tensor("op_mul", testCase, 0), 0,
        out, 0, 640, p);
    assertThat(out).isEqualTo(Goldens.tensor("op_mul", testCase, 3));
  }

  /** op_mul op 2: MUL(t003, constant scalar t004 = -97) -> t005; also with the operands swapped. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void matchesTfliteMicroOnTheScalarConstant(String testCase) {
    TfliteModelFile model = Goldens.model("op_mul");
    byte[] scalar = model.constant(4);
    assertThat(scalar).isEqualTo(Bytes.of(-97));
    MulParams p = prepare(model, 3, 4, 5, Activation.NONE);
    byte[] expected = Goldens.tensor("op_mul", testCase, 5);
    byte[] out = new byte[640];
    Mul.runBroadcast(Goldens.tensor("op_mul", testCase, 3), 0, scalar, 0, out, 0, 640, 1, p);
    assertThat(out).isEqualTo(expected);
    // MUL(scalar, t003): the same kernel with input 2 as the broadcast operand
    MulParams reversed = prepare(model, 4, 3, 5, Activation.NONE);
    byte[] again = new byte[640];
    Mul.runBroadcast(Goldens.tensor("op_mul", testCase, 3), 0, scalar, 0, again, 0, 640, 1,
        reversed.swapped());
    assertThat(again).isEqualTo(expected);
  }

  /** op_activations op 8: MUL(t015, t016) -> t017, the swish product. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void matchesTfliteMicroOnTheSwishProduct(String testCase) {
    String name = "op_activations";
    MulParams p = prepare(Goldens.model(name), 15, 16, 17, Activation.NONE);
    byte[] out = new byte[432];
    Mul.run(Goldens.tensor(name, testCase, 15), 0, Goldens.tensor(name, testCase, 16), 0, out, 0,
        432, p);
    assertThat(out).isEqualTo(Goldens.tensor(name, testCase, 17));
  }
  /** The numbers test_mul_s8.c uses, checked separately with Python's math.frexp. */
  @Test
  void goldenParametersMatchTheCTest() {
    TfliteModelFile m = Goldens.model("op_mul");
    assertThat(prepare(m, 0, 1, 2, Activation.RELU))
        .isEqualTo(new MulParams(-70, -15, -128, 1416037727, -6, -128, 127));
    assertThat(prepare(m, 2, 0, 3, Activation.NONE))
        .isEqualTo(new MulParams(128, -70, 114, 1319736934, -7, -128, 127));
    assertThat(prepare(m, 3, 4, 5, Activation.NONE))
        .isEqualTo(new MulParams(-114, 0, -115, 1416896471, -6, -128, 127));
    assertThat(prepare(Goldens.model("op_activations"), 15, 16, 17, Activation.NONE))
        .isEqualTo(new MulParams(-43, 128, -112, 1551847968, -6, -128, 127));
  }
}
