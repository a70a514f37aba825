package dev.tinyforge.kernels;

/**
 * int8 HARD_SWISH, x * relu6(x + 3) / 6, TF Lite Micro's reference_ops::HardSwish in int16
 * fixed point: the input on the high-resolution scale is multiplied (rounding) onto the output
 * scale, and separately mapped onto a "reluish" value in [0, 1] (saturating at x = -3 and +3);
 * their product uses the non-rounding doubling high multiply, then the output exponent, zero point
 * and int8 clamp. Bit-exact with {@code c-runtime/src/activations/tforge_hard_swish_s8.c}.
 * Element-wise: the output may be exactly the input.
 */
public final class HardSwish {
  private HardSwish() {}

  public static void run(
      byte[] in, int inOff, byte[] out, int outOff, int size, HardSwishParams p) {
    Aliasing.requireSameOrDisjoint("HardSwish", in, inOff, size, out, outOff, size);
    for (int i = 0; i < size; i++) {
      out[outOff + i] = (byte) one(in[inOff + i], p);
    }
  }

  static int one(byte x, HardSwishParams p) {
    int inputValue = x - p.inputZeroPoint();
    int hires = inputValue * (1 << 7); // |255 * 128| fits in int16
    int preshiftOutput = srdhm16(hires, p.outputMultiplier());
    int reluish = hires;
    if (p.reluishExponent() > 0) {
      reluish = saturatingLeftShift16(reluish, p.reluishExponent() - 1);
    }
    reluish = srdhm16(reluish, p.reluishMultiplier());
    if (p.reluishExponent() > 0) {
      reluish = saturatingLeftShift16(reluish, 1);
    }
    if (p.reluishExponent() < 0) {
      reluish = roundingDivideByPot16(reluish, -p.reluishExponent());
    }
    reluish = (reluish + (1 << 15)) >> 1; // [-1, 1] -> [0, 1]
    int preshift = sdhm16(reluish, preshiftOutput);
    int result = roundingDivideByPot16(preshift, -p.outputExponent()) + p.outputZeroPoint();
    return Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, (short) result));
  }

  /** gemmlowp's int16 SaturatingRoundingDoublingHighMul. */
  static int srdhm16(int a, int b) {
    if (a == Short.MIN_VALUE && b == Short.MIN_VALUE) {
      return Short.MAX_VALUE;
    }
    int ab = a * b;
    int nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
    return (short) ((ab + nudge) / (1 << 15));
  }

  /** The same without rounding (truncating toward zero), like ARM's SQDMULH. */
  static int sdhm16(int a, int b) {
    if (a == Short.MIN_VALUE && b == Short.MIN_VALUE) {
      return Short.MAX_VALUE;
    }
    return (short) ((a * b) / (1 << 15));
  }

  static int saturatingLeftShift16(int value, int amount) {
    long result = (long) value * (1L << amount);
    return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, result));
  }

  /** gemmlowp's RoundingDivideByPOT on int16_t (mask and sum held in int16). */
  static int roundingDivideByPot16(int x, int exponent) {
    short mask = (short) ((1L << exponent) - 1);
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (short) ((x >> exponent) + (remainder > threshold ? 1 : 0));
  }
}
