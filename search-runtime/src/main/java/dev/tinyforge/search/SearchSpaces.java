package dev.tinyforge.search;

import java.util.List;

/** Ready-made search spaces: MCUNet's choices, with stage tables sized for each task. */
public final class SearchSpaces {
  /** Per block kernel, expansion and per stage depth, as in MCUNet's TinyNAS. */
  public static final List<Integer> KERNELS = List.of(3, 5, 7);
  public static final List<Integer> EXPANSIONS = List.of(3, 4, 6);
  public static final List<Integer> DEPTHS = List.of(2, 3, 4);
  /** Width multipliers 0.2, 0.3, ..., 1.0. */
  public static final List<Double> WIDTHS =
      List.of(0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);

  private SearchSpaces() {}

  /**
   * 28x28 grey digits (MNIST), 10 classes, at resolutions 12 to 28. Small images: the stem does
   * not stride (as MNIST CNNs do not), the four stages reach 1/8 of the input, so a 28x28 input
   * ends at 4x4 before the head. The first stage's expansion at full resolution is what SRAM
   * budgets of tens of KiB bound; the wide late stages are what flash bounds.
   */
  public static SearchSpace digits() {
    return new SearchSpace(
        new SearchSpace.Task("digits", 28, 1, 10),
        new SearchSpace.Stem(16, 3, 1),
        List.of(new SearchSpace.Stage(24, 2), new SearchSpace.Stage(40, 2),
            new SearchSpace.Stage(80, 2), new SearchSpace.Stage(96, 1)),
        320, KERNELS, EXPANSIONS, DEPTHS, WIDTHS, List.of(12, 16, 20, 24, 28));
  }

  /**
   * An image task (e.g. visual wake words: 2 classes, or ImageNet: 1000) with MCUNet's stage
   * table (MobileNetV2's, without its fixed first block) and resolutions 48 to 176.
   */
  public static SearchSpace images(String name, int classes) {
    return new SearchSpace(
        new SearchSpace.Task(name, 224, 3, classes),
        new SearchSpace.Stem(32, 3, 2),
        List.of(new SearchSpace.Stage(24, 2), new SearchSpace.Stage(40, 2),
            new SearchSpace.Stage(80, 2), new SearchSpace.Stage(96, 1),
            new SearchSpace.Stage(192, 2), new SearchSpace.Stage(320, 1)),
        1280, KERNELS, EXPANSIONS, DEPTHS, WIDTHS,
        List.of(48, 64, 80, 96, 112, 128, 144, 160, 176));
  }
}
