package dev.tinyforge.graph;

/** An activation shape with batch 1: height x width x channels. Vectors are 1 x 1 x features. */
public record Shape(int h, int w, int c) {
  public static Shape vector(int features) {
    return new Shape(1, 1, features);
  }

  /** {h, w, c} or {features}; null when the array has another length. */
  public static Shape of(int[] dims) {
    return switch (dims.length) {
      case 1 -> vector(dims[0]);
      case 3 -> new Shape(dims[0], dims[1], dims[2]);
      default -> null;
    };
  }

  public int size() {
    return h * w * c;
  }

  public boolean isVector() {
    return h == 1 && w == 1;
  }

  @Override
  public String toString() {
    return isVector() ? "[" + c + "]" : h + "x" + w + "x" + c;
  }
}
