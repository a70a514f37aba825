package dev.tinyforge.search;

import dev.tinyforge.annotations.Board;

/**
 * What stage 1 optimizes for: the board (for provenance and as the ceiling of the budgets), the
 * SRAM budget for the activation arena and the flash budget for weights and code (bytes), how
 * many architectures to sample per (width, resolution), and the seed that picks them.
 */
public record Stage1Settings(Board board, long sramBytes, long flashBytes, int samples, long seed) {
  /** MCUNet samples this many networks from each candidate space. */
  public static final int DEFAULT_SAMPLES = 1000;

  public static Stage1Settings of(Board board, int sramKib, int flashKib, long seed) {
    return new Stage1Settings(board, sramKib * 1024L, flashKib * 1024L, DEFAULT_SAMPLES, seed);
  }
}
