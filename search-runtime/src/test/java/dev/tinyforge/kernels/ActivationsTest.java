package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LOGISTIC, TANH, HARD_SWISH, RELU and RELU6: hand-worked values and op_activations goldens. */
class ActivationsTest {
  private static final String MODEL = "op_activations";
  private static final int SIZE = 6 * 6 * 12;

  /** Input scale 1/16: 2^-4 * 2^27 = 2^23 = 0.5 * 2^24, radius floor(15 * 2^27 / 2^24) = 120. */
  private static final SigmoidParams SIXTEENTHS = SigmoidParams.prepare(1f / 16, 0);

  @Test
  void sigmoidPrepareIsFrexpOfTheScaleInQ4() {
    assertThat(SIXTEENTHS).isEqualTo(new SigmoidParams(0, 120, 1 << 30, 24));
    // op_activations' LOGISTIC input, computed separately (Python math.frexp on the float32)
    SigmoidParams logistic = SigmoidParams.prepare(0.0505729057f, 43);
    assertThat(logistic.inputZeroPoint()).isEqualTo(43);
    assertThat(logistic.inputLeftShift()).isEqualTo(23);
    assertThat(logistic.inputRangeRadius()).isEqualTo(15 * 16);
  }

  @Test
  void logisticHandWorkedValues() {
    // sigmoid(1) = 0.7311 -> 187.15/256 -> 187 - 128 = 59; sigmoid(-1) -> 68.85 -> 69 - 128 = -59;
    // sigmoid(0) = 1/2 -> 0; |x| >= 7.5 (the radius) saturates; sigmoid(0.5) = 0.6225 -> 159 - 128
    byte[] out = new byte[7];
    Logistic.run(Bytes.of(16, -16, 0, 120, -120, 8, 119), 0, out, 0, 7, SIXTEENTHS);
    assertThat(out).isEqualTo(Bytes.of(59, -59, 0, 127, -128, 31, 127));
  }

  @Test
  void tanhHandWorkedValues() {
    // tanh(1) = 0.7616 * 128 = 97.5 -> 97; tanh(0.5) = 0.4621 * 128 = 59.2 -> 59; tanh(0) = 0;
    // tanh(7.4375) * 128 rounds to 128 and clamps to 127; the radius saturates
    byte[] out = new byte[7];
    Tanh.run(Bytes.of(16, -16, 8, -8, 0, 119, -120), 0, out, 0, 7, SIXTEENTHS);
    assertThat(out).isEqualTo(Bytes.of(97, -97, 59, -59, 0, 127, -128));
  }

  @Test
  void hardSwishHandWorkedValues() {
    // scale 1/16 in and out: x * relu6(x + 3) / 6 in sixteenths.
    //  1 -> 0.667 -> 10.7 -> 11; -1 -> -0.333 -> -5.3 -> -5; 3 -> 3 -> 48; 4 -> 64;
    //  -3 -> 0; -8 -> 0; 7.9375 -> 127; 0 -> 0
    HardSwishParams p = HardSwishParams.prepare(1f / 16, 0, 1f / 16, 0);
    byte[] out = new byte[8];
    HardSwish.run(Bytes.of(16, -16, 48, 64, -48, -128, 127, 0), 0, out, 0, 8, p);
    assertThat(out).isEqualTo(Bytes.of(11, -5, 48, 64, 0, 0, 127, 0));
  }

  @Test
  void hardSwishInt16Multipliers() {
    // hires scale 2^-11; output 2^-11 / 2^-4 = 2^-7 -> Q31 2^30, exponent -6 -> Q15 2^14;
    // reluish 2^-11 / (3 * 2^-15) = 16/3 = 0.6667 * 2^3 -> round(2^31 * 2/3) = 1431655765,
    // rounded to 16 bits: (1431655765 + 32768) >> 16 = 21845
    HardSwishParams p = HardSwishParams.prepare(1f / 16, 0, 1f / 16, 0);
    assertThat(p).isEqualTo(new HardSwishParams(0, 0, 21845, 3, 1 << 14, -6));
    assertThat(HardSwishParams.toInt16(Integer.MAX_VALUE - 10)).isEqualTo(Short.MAX_VALUE);
  }

  @Test
  void reluRequantizesAndRelu6OnlyClamps() {
    // input 0.5 zp 10 -> output 0.25 zp -5: code = 2 * (x - 10) - 5, at least -5
    ReluParams p = ReluParams.prepare(0.5f, 10, 0.25f, -5);
    assertThat(p).isEqualTo(new ReluParams(10, -5, 1 << 30, 2, -5, 127));
    byte[] out = new byte[5];
    Relu.run(Bytes.of(10, 11, 0, 60, 127), 0, out, 0, 5, p);
    assertThat(out).isEqualTo(Bytes.of(-5, -3, -5, 95, 127));

    // RELU6 with scale 0.25 zp -20: [zero, six] = [-20, -20 + 24]
    ActivationRange bounds = Relu.relu6Bounds(0.25f, -20);
    assertThat(bounds).isEqualTo(new ActivationRange(-20, 4));
    Relu.run6(Bytes.of(-128, -20, -19, 4, 5, 127), 0, out = new byte[6], 0, 6, bounds);
    assertThat(out).isEqualTo(Bytes.of(-20, -20, -19, 4, 4, 4));
  }

  @Test
  void elementWiseActivationsRunInPlace() {
    byte[] arena = Bytes.of(99, 16, -16, 0, 99);
    Logistic.run(arena, 1, arena, 1, 3, SIXTEENTHS);
    assertThat(arena).isEqualTo(Bytes.of(99, 59, -59, 0, 99));
  }

  private static byte[] tensor(String testCase, int index) {
    return Goldens.tensor(MODEL, testCase, index);
  }

  /** op 1: HARD_SWISH t003 -> t004. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void hardSwishMatchesTfliteMicro(String testCase) {
    TfliteModelFile m = Goldens.model(MODEL);
    HardSwishParams p = HardSwishParams.prepare(m.scale(3), m.zeroPoint(3), m.scale(4), m.zeroPoint(4));
    byte[] out = new byte[SIZE];
    HardSwish.run(tensor(testCase, 3), 0, out, 0, SIZE, p);
    assertThat(out).isEqualTo(tensor(testCase, 4));
  }

  /** op 3: RELU t007 -> t008, requantizing (0.0516 zp -20 -> 0.0268 zp -128). */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void reluMatchesTfliteMicro(String testCase) {
    TfliteModelFile m = Goldens.model(MODEL);
    ReluParams p = ReluParams.prepare(m.scale(7), m.zeroPoint(7), m.scale(8), m.zeroPoint(8));
    byte[] out = new byte[SIZE];
    Relu.run(tensor(testCase, 7), 0, out, 0, SIZE, p);
    assertThat(out).isEqualTo(tensor(testCase, 8));
  }

  /** op 5: RELU6 t011 -> t012, bounds from the input quantization only. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void relu6MatchesTfliteMicro(String testCase) {
    TfliteModelFile m = Goldens.model(MODEL);
    byte[] out = new byte[SIZE];
    Relu.run6(tensor(testCase, 11), 0, out, 0, SIZE, Relu.relu6Bounds(m.scale(11), m.zeroPoint(11)));
    assertThat(out).isEqualTo(tensor(testCase, 12));
  }

  /** op 7: LOGISTIC t015 -> t016 (output 1/256, zp -128). */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void logisticMatchesTfliteMicro(String testCase) {
    TfliteModelFile m = Goldens.model(MODEL);
    assertThat(m.zeroPoint(16)).isEqualTo(-128);
    byte[] out = new byte[SIZE];
    Logistic.run(tensor(testCase, 15), 0, out, 0, SIZE,
        SigmoidParams.prepare(m.scale(15), m.zeroPoint(15)));
    assertThat(out).isEqualTo(tensor(testCase, 16));
  }

  /** op 10: TANH t020 -> t021 (output 1/128, zp 0), the model output. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void tanhMatchesTfliteMicro(String testCase) {
    TfliteModelFile m = Goldens.model(MODEL);
    int size = 6 * 6 * 8;
    byte[] out = new byte[size];
    Tanh.run(tensor(testCase, 20), 0, out, 0, size,
        SigmoidParams.prepare(m.scale(20), m.zeroPoint(20)));
    assertThat(out).isEqualTo(tensor(testCase, 21));
  }
  /** The numbers test_activations_s8.c uses (multipliers checked with Python's math.frexp). */
  @Test
  void goldenParametersMatchTheCTest() {
    TfliteModelFile m = Goldens.model(MODEL);
    assertThat(HardSwishParams.prepare(m.scale(3), m.zeroPoint(3), m.scale(4), m.zeroPoint(4)))
        .isEqualTo(new HardSwishParams(16, -112, 17992, 3, 17660, -5));
    assertThat(ReluParams.prepare(m.scale(7), m.zeroPoint(7), m.scale(8), m.zeroPoint(8)))
        .isEqualTo(new ReluParams(-20, -128, 2069570373, 1, -128, 127));
    assertThat(Relu.relu6Bounds(m.scale(11), m.zeroPoint(11))).isEqualTo(new ActivationRange(22, 90));
    assertThat(SigmoidParams.prepare(m.scale(15), m.zeroPoint(15)))
        .isEqualTo(new SigmoidParams(43, 240, 1737671808, 23));
    assertThat(SigmoidParams.prepare(m.scale(20), m.zeroPoint(20)))
        .isEqualTo(new SigmoidParams(-13, 480, 1684073472, 22));
  }
}
