package dev.tinyforge.kernels;

import dev.tinyforge.quant.FixedPoint;

/** The tail every int8 kernel shares: bias, rescale, output zero point, activation clamp. */
final class Requantizer {
  private Requantizer() {}

  /** Turns one output channel's int32 accumulator into its int8 value, in the reference's order. */
  static byte toInt8(int acc, int[] bias, int channel, Requant rq) {
    if (bias != null) {
      acc += bias[channel];
    }
    acc = FixedPoint.requantize(acc, rq.multiplier()[channel], rq.shift()[channel]);
    acc += rq.outputOffset();
    return (byte) FixedPoint.clamp(acc, rq.actMin(), rq.actMax());
  }
}
