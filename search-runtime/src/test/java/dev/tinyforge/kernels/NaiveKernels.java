package dev.tinyforge.kernels;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.collect.Range;
import dev.tinyforge.quant.ExactRequantization;

/**
 * Deliberately plain restatements of the three kernels, used as oracles on random layers. They
 * work on standalone arrays, index tensors through helper functions, sum in long (asserting the
 * sum fits the reference's int32), and requantize with {@link ExactRequantization}.
 */
final class NaiveKernels {
  private NaiveKernels() {}

  static byte[] fullyConnected(byte[] in, byte[] weights, int[] bias, int outDepth, Requant rq) {
    int inDepth = in.length;
    byte[] out = new byte[outDepth];
    for (int o = 0; o < outDepth; o++) {
      long sum = 0;
      for (int i = 0; i < inDepth; i++) {
        sum += (long) weights[o * inDepth + i] * ((long) in[i] + rq.inputOffset());
      }
      out[o] = finish(sum, bias, o, rq);
    }
    return out;
  }

  static byte[] conv2d(byte[] in, Dims inDims, byte[] filter, int[] bias, Dims outDims, Window w,
      Requant rq) {
    byte[] out = new byte[outDims.size()];
    for (int y = 0; y < outDims.h(); y++) {
      for (int x = 0; x < outDims.w(); x++) {
        for (int oc = 0; oc < outDims.c(); oc++) {
          long sum = 0;
          for (int ky = 0; ky < w.kernelH(); ky++) {
            for (int kx = 0; kx < w.kernelW(); kx++) {
              int iy = inputRow(y, ky, w);
              int ix = inputColumn(x, kx, w);
              if (!inside(iy, ix, inDims)) {
                continue;
              }
              for (int ic = 0; ic < inDims.c(); ic++) {
                int f = filter[((oc * w.kernelH() + ky) * w.kernelW() + kx) * inDims.c() + ic];
                sum += (long) f * (at(in, inDims, iy, ix, ic) + (long) rq.inputOffset());
              }
            }
          }
          out[(y * outDims.w() + x) * outDims.c() + oc] = finish(sum, bias, oc, rq);
        }
      }
    }
    return out;
  }

  static byte[] depthwiseConv2d(byte[] in, Dims inDims, byte[] filter, int[] bias, Dims outDims,
      int depthMultiplier, Window w, Requant rq) {
    byte[] out = new byte[outDims.size()];
    for (int y = 0; y < outDims.h(); y++) {
      for (int x = 0; x < outDims.w(); x++) {
        for (int ic = 0; ic < inDims.c(); ic++) {
          for (int m = 0; m < depthMultiplier; m++) {
            int oc = ic * depthMultiplier + m;
            long sum = 0;
            for (int ky = 0; ky < w.kernelH(); ky++) {
              for (int kx = 0; kx < w.kernelW(); kx++) {
                int iy = inputRow(y, ky, w);
                int ix = inputColumn(x, kx, w);
                if (inside(iy, ix, inDims)) {
                  int f = filter[(ky * w.kernelW() + kx) * outDims.c() + oc];
                  sum += (long) f * (at(in, inDims, iy, ix, ic) + (long) rq.inputOffset());
                }
              }
            }
            out[(y * outDims.w() + x) * outDims.c() + oc] = finish(sum, bias, oc, rq);
          }
        }
      }
    }
    return out;
  }

  private static int inputRow(int outY, int ky, Window w) {
    return outY * w.strideH() + ky * w.dilationH() - w.padTop();
  }

  private static int inputColumn(int outX, int kx, Window w) {
    return outX * w.strideW() + kx * w.dilationW() - w.padLeft();
  }

  private static boolean inside(int y, int x, Dims d) {
    return y >= 0 && y < d.h() && x >= 0 && x < d.w();
  }

  private static int at(byte[] t, Dims d, int y, int x, int c) {
    return t[(y * d.w() + x) * d.c() + c];
  }

  private static byte finish(long sum, int[] bias, int channel, Requant rq) {
    long withBias = sum + (bias == null ? 0 : bias[channel]);
    assertWithMessage("accumulator leaves int32; the random layers are too large")
        .that(withBias)
        .isIn(Range.closed((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE));
    long scaled = ExactRequantization.requantize(
        (int) withBias, rq.multiplier()[channel], rq.shift()[channel]);
    long shifted = scaled + rq.outputOffset();
    return (byte) Math.max(rq.actMin(), Math.min(rq.actMax(), shifted));
  }
}
