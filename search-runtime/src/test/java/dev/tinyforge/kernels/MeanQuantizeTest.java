package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MEAN over H,W, QUANTIZE (float and int8 input) and DEQUANTIZE: hand-worked and goldens. */
class MeanQuantizeTest {
  @Test
  void meanFoldsTheCountIntoTheMultiplierInIntegers() {
    // 0.5 / 1.0 = 2^30 * 2^(0 - 31); count 4: fold 2, (2^30 << 2) / 4 = 2^30, shift -2
    assertThat(MeanParams.prepare(0.5f, 0, 1f, 0, 4)).isEqualTo(new MeanParams(0, 0, 4, 1 << 30, -2));
    // count 3: fold 1, (2^30 << 1) / 3 = 715827882 (truncated; round(2^31 / 3) would be ...883)
    assertThat(MeanParams.prepare(0.5f, 0, 1f, 0, 3))
        .isEqualTo(new MeanParams(0, 0, 3, 715827882, -1));
    assertThrows(UnsupportedOperationException.class, () -> MeanParams.prepare(0.5f, 3, 0.5f, 3, 4));
  }

  @Test
  void meanHandWorkedValues() {
    // [1,2,2,4] codes, input 0.5 zp 0 -> output 1.0 zp 0: sum / 8 per channel, the second rounding
    // half away from zero: 10 -> 1.25 -> 1; 16 -> 2; 20 -> 2.5 -> 3; -20 -> -2.5 -> -3
    byte[] in = Bytes.of(1, 4, 5, -5, 2, 4, 5, -5, 3, 4, 5, -5, 4, 4, 5, -5);
    byte[] out = new byte[4];
    Mean.runHw(in, 0, new Dims(2, 2, 4), out, 0, MeanParams.prepare(0.5f, 0, 1f, 0, 4));
    assertThat(out).isEqualTo(Bytes.of(1, 2, 3, -3));
    // zero points: input zp 10 is removed from every code, output zp -7 added
    byte[] shifted = Bytes.of(11, 14, 15, 5, 12, 14, 15, 5, 13, 14, 15, 5, 14, 14, 15, 5);
    Mean.runHw(shifted, 0, new Dims(2, 2, 4), out, 0, MeanParams.prepare(0.5f, 10, 1f, -7, 4));
    assertThat(out).isEqualTo(Bytes.of(-6, -5, -4, -10));
  }

  /** op_mean_maxpool op 3: MEAN(t005 [1,6,5,16], axes [1,2], keep_dims) -> t007 [1,1,1,16]. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void meanMatchesTfliteMicroKeepDims(String testCase) {
    assertMean("op_mean_maxpool", testCase, 5, 7, new Dims(6, 5, 16));
  }

  /** tflm_magic_wand op 3: a converter-made MEAN(t012 [1,4,4,64], [1,2]) -> t013 [1,64]. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void meanMatchesTfliteMicroOnMagicWand(String testCase) {
    assertMean("tflm_magic_wand", testCase, 12, 13, new Dims(4, 4, 64));
  }

  private static void assertMean(String name, String testCase, int in, int out, Dims dims) {
    TfliteModelFile m = Goldens.model(name);
    MeanParams p = MeanParams.prepare(m.scale(in), m.zeroPoint(in), m.scale(out), m.zeroPoint(out),
        dims.h() * dims.w());
    byte[] got = new byte[dims.c()];
    Mean.runHw(Goldens.tensor(name, testCase, in), 0, dims, got, 0, p);
    assertThat(got).isEqualTo(Goldens.tensor(name, testCase, out));
  }

  @Test
  void quantizeFromFloatRoundsHalfAwayFromZero() {
    // scale 1/32, zp -32: 2.5/32 -> 2.5 -> 3 -> -29; -2.5/32 -> -3 -> -35; 0.49999997 stays 0;
    // out of range clamps
    float[] in = {2.5f / 32, -2.5f / 32, 0.49999997f / 32, 100f, -100f, 0f};
    byte[] out = new byte[6];
    Quantize.fromFloat(in, 0, out, 0, 6, 0.03125f, -32);
    assertThat(out).isEqualTo(Bytes.of(-29, -35, -32, 127, -128, -32));
  }

  @Test
  void requantizeAndDequantizeHandWorked() {
    // 0.5 zp 4 -> 0.25 zp -3: 2 * (q - 4) - 3
    Quantize.RequantizeParams p = Quantize.RequantizeParams.prepare(0.5f, 4, 0.25f, -3);
    assertThat(p).isEqualTo(new Quantize.RequantizeParams(4, -3, 1 << 30, 2));
    byte[] out = new byte[4];
    Quantize.requantize(Bytes.of(4, 5, 100, -100), 0, out, 0, 4, p);
    assertThat(out).isEqualTo(Bytes.of(-3, -1, 127, -128));
    float[] f = new float[3];
    Quantize.dequantize(Bytes.of(4, 5, -128), 0, f, 0, 3, 0.5f, 4);
    assertThat(f).isEqualTo(new float[] {0f, 0.5f, -66f});
  }

  private static final String QD = "op_quant_dequant";

  private static float[] floats(byte[] bytes) {
    float[] f = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
    return f;
  }

  /** op 0: QUANTIZE float32 t000 -> int8 t001 (1/32, zp -32); the inputs hold exact ties. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void quantizeFromFloatMatchesTfliteMicro(String testCase) {
    TfliteModelFile m = Goldens.model(QD);
    float[] in = floats(Goldens.tensor(QD, testCase, 0));
    byte[] out = new byte[in.length];
    Quantize.fromFloat(in, 0, out, 0, in.length, m.scale(1), m.zeroPoint(1));
    assertThat(out).isEqualTo(Goldens.tensor(QD, testCase, 1));
  }

  /** op 2: QUANTIZE int8 t004 -> int8 t005 (a requantization). */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void requantizeMatchesTfliteMicro(String testCase) {
    TfliteModelFile m = Goldens.model(QD);
    Quantize.RequantizeParams p =
        Quantize.RequantizeParams.prepare(m.scale(4), m.zeroPoint(4), m.scale(5), m.zeroPoint(5));
    byte[] out = new byte[54];
    Quantize.requantize(Goldens.tensor(QD, testCase, 4), 0, out, 0, 54, p);
    assertThat(out).isEqualTo(Goldens.tensor(QD, testCase, 5));
  }

  /** op 3: DEQUANTIZE int8 t005 -> float32 t006, compared bit for bit. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void dequantizeMatchesTfliteMicro(String testCase) {
    TfliteModelFile m = Goldens.model(QD);
    float[] out = new float[54];
    Quantize.dequantize(Goldens.tensor(QD, testCase, 5), 0, out, 0, 54, m.scale(5), m.zeroPoint(5));
    float[] expected = floats(Goldens.tensor(QD, testCase, 6));
    for (int i = 0; i < 54; i++) {
      assertThat(Float.floatToRawIntBits(out[i])).isEqualTo(Float.floatToRawIntBits(expected[i]));
    }
  }
  /** The numbers test_mean_quantize_s8.c uses, checked separately in Python. */
  @Test
  void goldenParametersMatchTheCTest() {
    TfliteModelFile mm = Goldens.model("op_mean_maxpool");
    assertThat(MeanParams.prepare(mm.scale(5), mm.zeroPoint(5), mm.scale(7), mm.zeroPoint(7), 30))
        .isEqualTo(new MeanParams(-128, -128, 30, 1120218522, -4));
    TfliteModelFile mw = Goldens.model("tflm_magic_wand");
    assertThat(MeanParams.prepare(mw.scale(12), mw.zeroPoint(12), mw.scale(13), mw.zeroPoint(13), 16))
        .isEqualTo(new MeanParams(-128, -128, 16, 1462294521, -1));
    TfliteModelFile qd = Goldens.model(QD);
    assertThat(Quantize.RequantizeParams.prepare(qd.scale(4), qd.zeroPoint(4), qd.scale(5),
        qd.zeroPoint(5))).isEqualTo(new Quantize.RequantizeParams(-7, 4, 1567506337, 0));
    assertThat(qd.scale(1)).isEqualTo(0.03125f);
    assertThat(qd.scale(5)).isEqualTo(0.0712091029f);
  }
}
