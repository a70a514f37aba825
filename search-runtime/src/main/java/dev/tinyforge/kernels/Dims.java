package dev.tinyforge.kernels;

/** Height, width and channels of one NHWC activation tensor with batch 1 ({@code tforge_dims}). */
public record Dims(int h, int w, int c) {
  public int size() {
    return h * w * c;
  }
}
