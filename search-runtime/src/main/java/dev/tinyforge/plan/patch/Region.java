package dev.tinyforge.plan.patch;

/** Rows {@code [y0, y1)} and columns {@code [x0, x1)} of a feature map. */
public record Region(int y0, int y1, int x0, int x1) {
  public Region {
    if (y1 <= y0 || x1 <= x0) {
      throw new IllegalArgumentException("empty region " + y0 + ".." + y1 + " x " + x0 + ".." + x1);
    }
  }

  public int rows() {
    return y1 - y0;
  }

  public int cols() {
    return x1 - x0;
  }

  public int pixels() {
    return rows() * cols();
  }
}
