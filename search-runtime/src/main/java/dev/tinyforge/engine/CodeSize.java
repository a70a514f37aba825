package dev.tinyforge.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Estimated flash of the engine's code, for budget checks at compile time: each kernel once,
 * plus the call sequence. Figures are arm-none-eabi-gcc 12 -O2 Thumb-2 sizes of the portable
 * kernels, rounded up; the benchmark measures the real image.
 */
public final class CodeSize {
  private static final int PER_CALL = 40;
  private static final int ENGINE_BASE = 200;

  private CodeSize() {}

  /**
   * The estimate for the C engine of {@code steps}, each call with the kernel C runs it with
   * ({@link FastKernel} where one applies, unless {@code fastKernels} is false).
   */
  static long estimate(List<Step> steps, boolean fastKernels) {
    Set<Kernel> used = EnumSet.noneOf(Kernel.class);
    Set<FastKernel> fast = EnumSet.noneOf(FastKernel.class);
    int calls = 0;
    for (Step step : steps) {
      for (Step call : step.calls()) {
        Optional<FastKernel> kernel =
            fastKernels ? FastKernel.select(call) : Optional.empty();
        kernel.ifPresentOrElse(fast::add, () -> used.add(call.kernel()));
        calls++;
      }
    }
    return estimate(used, fast, calls);
  }

  /**
   * The estimate for an engine that makes {@code calls} kernel calls to the {@code used}
   * reference kernels and the {@code fast} specialized ones.
   */
  public static long estimate(Set<Kernel> used, Set<FastKernel> fast, int calls) {
    long bytes = ENGINE_BASE + (long) PER_CALL * calls;
    for (Kernel kernel : used) {
      bytes += kernelBytes(kernel);
    }
    for (FastKernel kernel : fast) {
      bytes += kernel.codeBytes();
    }
    return bytes;
  }

  private static int kernelBytes(Kernel kernel) {
    return switch (kernel) {
        case CONV2D, DEPTHWISE_CONV2D, DEPTHWISE_CONV2D_IN_PLACE -> 600;
        case FULLY_CONNECTED, ADD -> 300;
        case AVG_POOL, MAX_POOL -> 350;
        case SOFTMAX -> 900;
        // Measured (arm-none-eabi-gcc 12, -O2 -mthumb -mcpu=cortex-m7, .text), rounded up to 50.
        case MUL, RELU, REQUANTIZE, MEAN_HW -> 250;
        case MUL_BROADCAST -> 300;
        case PAD -> 400;
        case CONCATENATION, COPY_BLOCK -> 100;
        case FULLY_CONNECTED_PARTIAL -> 350;
        case RELU6 -> 50;
        case HARD_SWISH -> 550;
        case LOGISTIC, TANH -> 1100;
    };
  }
}
