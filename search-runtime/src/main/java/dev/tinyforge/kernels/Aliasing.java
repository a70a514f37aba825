package dev.tinyforge.kernels;

/**
 * Checks on how a kernel's output may share the arena with its inputs. The mirror runs a whole
 * model inside one byte[] like the firmware, so a planner bug would show up here as silently
 * wrong numbers; failing loudly is cheaper to debug.
 */
final class Aliasing {
  private Aliasing() {}

  static boolean overlap(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
    return a == b && aOff < bOff + bLen && bOff < aOff + aLen;
  }

  /** For kernels whose output elements read several input elements (pools). */
  static void requireDisjoint(
      String op, byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen) {
    if (overlap(in, inOff, inLen, out, outOff, outLen)) {
      throw new IllegalArgumentException(
          op + ": output [" + outOff + ", +" + outLen + ") overlaps input [" + inOff + ", +"
              + inLen + ")");
    }
  }

  /**
   * For kernels that finish reading element i before writing element i and never read it again
   * (element-wise ops, softmax's per-row passes): exact in-place is safe, partial overlap is not.
   */
  static void requireSameOrDisjoint(
      String op, byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen) {
    boolean exactlyInPlace = in == out && inOff == outOff && inLen == outLen;
    if (!exactlyInPlace && overlap(in, inOff, inLen, out, outOff, outLen)) {
      throw new IllegalArgumentException(
          op + ": output [" + outOff + ", +" + outLen + ") partly overlaps input [" + inOff
              + ", +" + inLen + ")");
    }
  }
}
