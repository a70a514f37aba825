package dev.tinyforge.engine;

/**
 * Which kernels the C engine calls: the specialized ones where they apply, unless their extra
 * code (or scratch) is what pushes the engine over the board's flash (or SRAM) budget while the
 * reference kernels alone would fit; a model that fits either way gets the faster engine.
 */
final class KernelChoice {
  private KernelChoice() {}

  static Engine of(Engine specialized) {
    if (fits(specialized)) {
      return specialized;
    }
    Engine reference = specialized.withReferenceKernels();
    return fits(reference) ? reference : specialized;
  }

  private static boolean fits(Engine engine) {
    Budget budget = engine.budget();
    return engine.peakSramBytes() <= budget.sramBytes()
        && engine.flashBytesEstimate() <= budget.flashBytes();
  }
}
