package dev.tinyforge.kernels;

/**
 * Copies a block of {@code rows} rows of {@code rowBytes} bytes between two row strides: how a
 * patch-based stage gathers a patch (halo included) out of a full feature map and scatters its
 * output tile back. Bit-exact with {@code tforge_copy_block_s8}. Source and destination must not
 * overlap.
 */
public final class CopyBlock {
  private CopyBlock() {}

  public static void run(byte[] src, int srcOff, int srcStride, byte[] dst, int dstOff,
      int dstStride, int rows, int rowBytes) {
    Aliasing.requireDisjoint("CopyBlock", src, srcOff, (rows - 1) * srcStride + rowBytes, dst,
        dstOff, (rows - 1) * dstStride + rowBytes);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(src, srcOff + r * srcStride, dst, dstOff + r * dstStride, rowBytes);
    }
  }
}
