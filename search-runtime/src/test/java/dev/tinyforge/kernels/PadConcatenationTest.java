package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PAD, PADV2 and CONCATENATION: hand-worked layouts and the op_pad_concat goldens. */
class PadConcatenationTest {
  private static final String MODEL = "op_pad_concat";

  @Test
  void padsEveryAxisWithTheValue() {
    // [1,1,2,2] = {1,2,3,4}; before {0,1,0,1}, after {0,0,1,0} -> [1,2,3,3]
    Arena arena = new Arena(40);
    arena.put(0, Bytes.of(1, 2, 3, 4));
    Pad.run(arena.bytes, 0, new int[] {1, 1, 2, 2}, new int[] {0, 1, 0, 1}, new int[] {0, 0, 1, 0},
        (byte) -7, arena.bytes, 8);
    assertThat(arena.slice(8, 18))
        .isEqualTo(Bytes.of(
            -7, -7, -7, -7, -7, -7, -7, -7, -7, // padded row h = 0
            -7, 1, 2, -7, 3, 4, -7, -7, -7)); // h = 1: w = 0, 1 copied after one pad, w = 2 pad
    arena.assertUntouchedOutside(8, 18, 0, 4);
    assertThat(Pad.outputShape(new int[] {1, 8, 8, 16}, new int[] {0, 1, 0, 1},
        new int[] {0, 0, 1, 2})).isEqualTo(new int[] {1, 9, 9, 19});
  }

  @Test
  void padRejectsNegativePaddingAndOverlap() {
    byte[] a = new byte[64];
    assertThrows(IllegalArgumentException.class, () -> Pad.run(a, 0, new int[] {1, 1, 2, 2},
        new int[] {0, -1, 0, 0}, new int[4], (byte) 0, a, 16));
    assertThrows(IllegalArgumentException.class, () -> Pad.run(a, 0, new int[] {1, 1, 2, 2},
        new int[] {0, 1, 0, 0}, new int[4], (byte) 0, a, 2));
  }

  @Test
  void concatenatesChunksPerRow() {
    byte[] a = Bytes.of(1, 2, 3, 4); // [2 rows, 2]
    byte[] b = Bytes.of(9, 5, 6, 7); // offset 1: [2 rows, 1] = {5, 6}
    byte[] out = new byte[6];
    Concatenation.run(new byte[][] {a, b}, new int[] {0, 1}, new int[] {2, 1}, 2, out, 0);
    assertThat(out).isEqualTo(Bytes.of(1, 2, 5, 3, 4, 6));
    assertThrows(IllegalArgumentException.class, () -> Concatenation.requireSameQuantization(
        new float[] {0.5f, 0.25f}, new int[] {0, 0}, 0.5f, 0));
  }

  private static int[][] paddings(TfliteModelFile model, int tensor) {
    ByteBuffer b = ByteBuffer.wrap(model.constant(tensor)).order(ByteOrder.LITTLE_ENDIAN);
    int[][] beforeAfter = new int[2][4];
    for (int axis = 0; axis < 4; axis++) {
      beforeAfter[0][axis] = b.getInt();
      beforeAfter[1][axis] = b.getInt();
    }
    return beforeAfter;
  }

  /** op 0: PAD t000 [1,8,8,6] by [[0,0],[1,1],[1,1],[0,0]] (fill = output zero point) -> t002. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void padMatchesTfliteMicro(String testCase) {
    TfliteModelFile model = Goldens.model(MODEL);
    int[][] p = paddings(model, 1);
    assertThat(p[0]).isEqualTo(new int[] {0, 1, 1, 0});
    assertThat(p[1]).isEqualTo(new int[] {0, 1, 1, 0});
    byte[] out = new byte[10 * 10 * 6];
    Pad.run(Goldens.tensor(MODEL, testCase, 0), 0, new int[] {1, 8, 8, 6}, p[0], p[1],
        (byte) model.zeroPoint(2), out, 0);
    assertThat(out).isEqualTo(Goldens.tensor(MODEL, testCase, 2));
  }

  /** op 2: CONCATENATION(t000 [..,6], t005 [..,10]) on axis -1 -> t006 [1,8,8,16]. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void concatenationMatchesTfliteMicro(String testCase) {
    TfliteModelFile model = Goldens.model(MODEL);
    Concatenation.requireSameQuantization(new float[] {model.scale(0), model.scale(5)},
        new int[] {model.zeroPoint(0), model.zeroPoint(5)}, model.scale(6), model.zeroPoint(6));
    byte[] out = new byte[64 * 16];
    Concatenation.run(
        new byte[][] {Goldens.tensor(MODEL, testCase, 0), Goldens.tensor(MODEL, testCase, 5)},
        new int[] {0, 0}, new int[] {6, 10}, 64, out, 0);
    assertThat(out).isEqualTo(Goldens.tensor(MODEL, testCase, 6));
  }

  /** op 3: PADV2 t006 by [[0,0],[1,0],[0,1],[1,2]] with constant t008 = -100 -> t009. */
  @ParameterizedTest
  @ValueSource(strings = {"seed1", "seed2", "seed3"})
  void padV2MatchesTfliteMicro(String testCase) {
    TfliteModelFile model = Goldens.model(MODEL);
    int[][] p = paddings(model, 7);
    assertThat(p[0]).isEqualTo(new int[] {0, 1, 0, 1});
    assertThat(p[1]).isEqualTo(new int[] {0, 0, 1, 2});
    byte[] constant = model.constant(8);
    assertThat(constant).isEqualTo(Bytes.of(-100));
    byte[] out = new byte[9 * 9 * 19];
    Pad.run(Goldens.tensor(MODEL, testCase, 6), 0, new int[] {1, 8, 8, 16}, p[0], p[1],
        constant[0], out, 0);
    assertThat(out).isEqualTo(Goldens.tensor(MODEL, testCase, 9));
  }
}
