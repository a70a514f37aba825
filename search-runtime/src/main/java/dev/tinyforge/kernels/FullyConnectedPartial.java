package dev.tinyforge.kernels;

/**
 * A fully connected layer fed in parts: each call adds the contribution of input elements
 * {@code [firstColumn, firstColumn + columns)} to one int32 accumulator per output; the last call
 * adds the bias and requantizes. The int32 sum is the same in any order (it wraps like the
 * reference's), so the outputs are bit-exact with {@link FullyConnected} and TF Lite Micro's
 * reference kernel. Bit-exact with {@code tforge_fully_connected_partial_s8}.
 *
 * <p>The accumulators live in the arena as little-endian int32 at {@code accOff}, four bytes each.
 */
public final class FullyConnectedPartial {
  private FullyConnectedPartial() {}

  /**
   * @param inDepth the full input's length: the weights' row stride
   * @param first whether this is the first part (the accumulators start at zero)
   * @param last whether this is the last part (then the outputs are written)
   */
  public static void run(byte[] in, int inOff, int columns, int firstColumn, int inDepth,
      byte[] weights, int[] bias, byte[] arena, int accOff, byte[] out, int outOff,
      int outDepth, boolean first, boolean last, Requant rq) {
    Aliasing.requireDisjoint("FullyConnectedPartial", in, inOff, columns, arena, accOff,
        4 * outDepth);
    for (int o = 0; o < outDepth; o++) {
      int row = o * inDepth + firstColumn;
      int acc = first ? 0 : readInt(arena, accOff + 4 * o);
      for (int i = 0; i < columns; i++) {
        acc += weights[row + i] * (in[inOff + i] + rq.inputOffset());
      }
      if (last) {
        out[outOff + o] = Requantizer.toInt8(acc, bias, o, rq);
      } else {
        writeInt(arena, accOff + 4 * o, acc);
      }
    }
  }

  private static int readInt(byte[] a, int at) {
    return (a[at] & 0xff) | (a[at + 1] & 0xff) << 8 | (a[at + 2] & 0xff) << 16 | a[at + 3] << 24;
  }

  private static void writeInt(byte[] a, int at, int v) {
    a[at] = (byte) v;
    a[at + 1] = (byte) (v >> 8);
    a[at + 2] = (byte) (v >> 16);
    a[at + 3] = (byte) (v >> 24);
  }
}
