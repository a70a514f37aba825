package dev.tinyforge.kernels;

/**
 * The in-bounds part of one pooling window, as TF Lite's reference pools clip it: the taps that
 * fall on padding are skipped (not read as zeros), so border windows have fewer taps. Pooling has
 * no dilation; the window's dilation fields are not read.
 */
final class PoolWindow {
  int yStart;
  int yEnd;
  int xStart;
  int xEnd;
  int originY;
  int originX;

  /** Positions this window over output pixel (outY, outX); returns the number of taps. */
  int place(Window win, Dims in, int outY, int outX) {
    originY = outY * win.strideH() - win.padTop();
    originX = outX * win.strideW() - win.padLeft();
    yStart = Math.max(0, -originY);
    yEnd = Math.min(win.kernelH(), in.h() - originY);
    xStart = Math.max(0, -originX);
    xEnd = Math.min(win.kernelW(), in.w() - originX);
    return Math.max(0, yEnd - yStart) * Math.max(0, xEnd - xStart);
  }
}
