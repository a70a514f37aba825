package dev.tinyforge.search;

import java.util.List;

/**
 * The outcome of stage 1: the space and settings it ran with, the figures of every (width,
 * resolution) space in the order of the space's widths, then resolutions, and the chosen space
 * (null when no sampled network fits the budgets anywhere).
 */
public record Stage1Result(
    SearchSpace space, Stage1Settings settings, List<SpaceStats> spaces, Choice chosen) {
  public Stage1Result {
    spaces = List.copyOf(spaces);
  }

  /** A chosen width multiplier and input resolution. */
  public record Choice(double width, int resolution) {}

  public SpaceStats stats(double width, int resolution) {
    for (SpaceStats stats : spaces) {
      if (stats.width() == width && stats.resolution() == resolution) {
        return stats;
      }
    }
    throw new IllegalArgumentException("no space w" + width + "-r" + resolution);
  }

  /** The chosen space's figures, or null when nothing fits. */
  public SpaceStats chosenStats() {
    return chosen == null ? null : stats(chosen.width(), chosen.resolution());
  }
}
