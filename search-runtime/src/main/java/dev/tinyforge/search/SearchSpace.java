package dev.tinyforge.search;

import java.util.List;

/**
 * A MobileNetV2-style search space (MCUNet's TinyNAS): a stem convolution, stages of
 * inverted-residual blocks, and a head (1x1 conv, global average pool, dense, softmax). Every
 * block picks its depthwise kernel and expansion ratio, every stage its depth; the global width
 * multiplier and the input resolution pick one of the sub-spaces that stage 1 compares.
 *
 * <p>Channel counts here are at width 1.0; {@link #channels(int, double)} scales and rounds them.
 * Use {@link SearchSpaceCheck} before sampling: the records accept any values.
 */
public record SearchSpace(
    Task task,
    Stem stem,
    List<Stage> stages,
    int headChannels,
    List<Integer> kernels,
    List<Integer> expansions,
    List<Integer> depths,
    List<Double> widths,
    List<Integer> resolutions) {

  /** MobileNet rounds every channel count to a multiple of this, and never below it. */
  public static final int CHANNEL_DIVISOR = 8;

  public SearchSpace {
    stages = List.copyOf(stages);
    kernels = List.copyOf(kernels);
    expansions = List.copyOf(expansions);
    depths = List.copyOf(depths);
    widths = List.copyOf(widths);
    resolutions = List.copyOf(resolutions);
  }

  /**
   * What the network must do: square images of {@code inputSize} pixels with {@code channels}
   * channels (a resolution above it would only upsample), and the number of classes.
   */
  public record Task(String name, int inputSize, int channels, int classes) {}

  /** The first convolution (ReLU6), at width 1.0. */
  public record Stem(int channels, int kernel, int stride) {}

  /** A stage of blocks with {@code channels} outputs (at width 1.0); its first block strides. */
  public record Stage(int channels, int stride) {}

  /**
   * MobileNet's rounding ({@code _make_divisible}): the nearest multiple of 8, at least 8, and
   * never more than 10% below the exact product.
   */
  public static int channels(int base, double width) {
    double exact = base * width;
    int rounded = Math.max(CHANNEL_DIVISOR,
        (int) (exact + CHANNEL_DIVISOR / 2.0) / CHANNEL_DIVISOR * CHANNEL_DIVISOR);
    if (rounded < 0.9 * exact) {
      rounded += CHANNEL_DIVISOR;
    }
    return rounded;
  }
}
