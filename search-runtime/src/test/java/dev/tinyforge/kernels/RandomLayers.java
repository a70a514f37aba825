package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random small layers (shapes, windows, per-channel multipliers, offsets, clamps, with and
 * without bias) run through a kernel inside an arena and through {@link NaiveKernels}.
 */
final class RandomLayers {
  private RandomLayers() {}

  static void fullyConnected(int count) {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < count; i++) {
      int inDepth = r.nextInt(1, 40);
      int outDepth = r.nextInt(1, 12);
      byte[] in = int8s(r, inDepth);
      byte[] weights = int8s(r, inDepth * outDepth);
      int[] bias = bias(r, outDepth);
      Requant rq = requant(r, outDepth);
      int inOff = r.nextInt(0, 9);
      int outOff = inOff + inDepth + r.nextInt(0, 9);
      byte[] arena = new byte[outOff + outDepth + r.nextInt(0, 9)];
      System.arraycopy(in, 0, arena, inOff, inDepth);
      FullyConnected.run(arena, inOff, inDepth, weights, bias, arena, outOff, outDepth, rq);
      assertWithMessage("fully connected case %s", i)
          .that(Arrays.copyOfRange(arena, outOff, outOff + outDepth))
          .isEqualTo(NaiveKernels.fullyConnected(in, weights, bias, outDepth, rq));
    }
  }

  static void conv2d(int count) {
    SplittableRandom r = new SplittableRandom(22);
    for (int i = 0; i < count; i++) {
      Dims inDims = new Dims(r.nextInt(1, 8), r.nextInt(1, 8), r.nextInt(1, 5));
      Window w = window(r);
      Dims outDims = outputDims(inDims, w, r.nextInt(1, 5));
      byte[] in = int8s(r, inDims.size());
      byte[] filter = int8s(r, outDims.c() * w.kernelH() * w.kernelW() * inDims.c());
      int[] bias = bias(r, outDims.c());
      Requant rq = requant(r, outDims.c());
      int inOff = r.nextInt(0, 9);
      int outOff = inOff + inDims.size() + r.nextInt(0, 9);
      byte[] arena = new byte[outOff + outDims.size() + r.nextInt(0, 9)];
      System.arraycopy(in, 0, arena, inOff, in.length);
      Conv2d.run(arena, inOff, inDims, filter, bias, arena, outOff, outDims, w, rq);
      assertWithMessage("conv case %s: %s %s -> %s", i, inDims, w, outDims)
          .that(Arrays.copyOfRange(arena, outOff, outOff + outDims.size()))
          .isEqualTo(NaiveKernels.conv2d(in, inDims, filter, bias, outDims, w, rq));
    }
  }

  static void depthwiseConv2d(int count) {
    SplittableRandom r = new SplittableRandom(33);
    for (int i = 0; i < count; i++) {
      Dims inDims = new Dims(r.nextInt(1, 8), r.nextInt(1, 8), r.nextInt(1, 5));
      int depthMultiplier = r.nextInt(1, 4);
      Window w = window(r);
      Dims outDims = outputDims(inDims, w, inDims.c() * depthMultiplier);
      byte[] in = int8s(r, inDims.size());
      byte[] filter = int8s(r, w.kernelH() * w.kernelW() * outDims.c());
      int[] bias = bias(r, outDims.c());
      Requant rq = requant(r, outDims.c());
      int inOff = r.nextInt(0, 9);
      int outOff = inOff + inDims.size() + r.nextInt(0, 9);
      byte[] arena = new byte[outOff + outDims.size() + r.nextInt(0, 9)];
      System.arraycopy(in, 0, arena, inOff, in.length);
      DepthwiseConv2d.run(
          arena, inOff, inDims, filter, bias, arena, outOff, outDims, depthMultiplier, w, rq);
      assertWithMessage("depthwise case %s: %s x%s %s -> %s", i, inDims, depthMultiplier, w, outDims)
          .that(Arrays.copyOfRange(arena, outOff, outOff + outDims.size()))
          .isEqualTo(
              NaiveKernels.depthwiseConv2d(in, inDims, filter, bias, outDims, depthMultiplier, w, rq));
    }
  }

  /**
   * The in-place depthwise kernel against the naive one on random multiplier-1 layers whose
   * output is no larger than their input; returns how many layers ran.
   */
  static int depthwiseConv2dInPlace(int count) {
    SplittableRandom r = new SplittableRandom(34);
    int ran = 0;
    for (int i = 0; i < count; i++) {
      Dims inDims = new Dims(r.nextInt(1, 9), r.nextInt(1, 9), r.nextInt(1, 6));
      Window w = window(r);
      Dims outDims = outputDims(inDims, w, inDims.c());
      if (outDims.h() * outDims.w() > inDims.h() * inDims.w()) {
        continue;
      }
      byte[] in = int8s(r, inDims.size());
      byte[] filter = int8s(r, w.kernelH() * w.kernelW() * inDims.c());
      int[] bias = bias(r, inDims.c());
      Requant rq = requant(r, inDims.c());
      int at = r.nextInt(0, 9);
      byte[] arena = new byte[at + inDims.size() + r.nextInt(0, 9)];
      System.arraycopy(in, 0, arena, at, in.length);
      byte[] after = arena.clone();
      DepthwiseConv2dInPlace.run(arena, at, inDims, filter, bias, outDims, w, rq);
      byte[] expected = NaiveKernels.depthwiseConv2d(in, inDims, filter, bias, outDims, 1, w, rq);
      System.arraycopy(expected, 0, after, at, expected.length);
      assertWithMessage("in-place depthwise case %s: %s %s -> %s", i, inDims, w, outDims)
          .that(arena).isEqualTo(after);
      ran++;
    }
    return ran;
  }

  private static Window window(SplittableRandom r) {
    int kh = r.nextInt(1, 5);
    int kw = r.nextInt(1, 5);
    return new Window(kh, kw, r.nextInt(1, 4), r.nextInt(1, 4), r.nextInt(1, 4), r.nextInt(1, 4),
        r.nextInt(0, kh + 1), r.nextInt(0, kw + 1));
  }

  /** Enough rows and columns to cover the input plus the padding on both sides (SAME-like). */
  private static Dims outputDims(Dims in, Window w, int channels) {
    int spanH = (w.kernelH() - 1) * w.dilationH() + 1;
    int spanW = (w.kernelW() - 1) * w.dilationW() + 1;
    int h = Math.max(1, (in.h() + 2 * w.padTop() - spanH) / w.strideH() + 1);
    int wd = Math.max(1, (in.w() + 2 * w.padLeft() - spanW) / w.strideW() + 1);
    return new Dims(h, wd, channels);
  }

  private static byte[] int8s(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) r.nextInt(-128, 128);
    }
    return b;
  }

  private static int[] bias(SplittableRandom r, int n) {
    if (r.nextInt(4) == 0) {
      return null;
    }
    return r.ints(n, -100_000, 100_000).toArray();
  }

  /** Per-channel multipliers in [0.5, 1) x 2^shift, shift in [-14, 1], random offsets/clamps. */
  private static Requant requant(SplittableRandom r, int channels) {
    int[] multiplier = r.ints(channels, 1 << 30, Integer.MAX_VALUE).toArray();
    int[] shift = r.ints(channels, -14, 2).toArray();
    int a = r.nextInt(-128, 128);
    int b = r.nextInt(-128, 128);
    boolean fullRange = r.nextBoolean();
    return new Requant(r.nextInt(-127, 129), r.nextInt(-128, 128),
        fullRange ? -128 : Math.min(a, b), fullRange ? 127 : Math.max(a, b), multiplier, shift);
  }
}
