package dev.tinyforge.search;

/**
 * A finished (or stage-1-only) TinyNAS search as cached beside the model's sources: what was
 * searched and how ({@link Provenance}), the {@code key} over that provenance, the chosen width,
 * resolution and architecture, the weights file beside it (empty for a stage-1-only result), and
 * what was measured.
 */
public record SearchResult(String format, String key, Provenance provenance, double width,
    int resolution, Architecture architecture, String weights, Metrics metrics) {

  /** Everything that decides the result; {@link SearchCache#key} hashes it. */
  public record Provenance(String tool, SearchSpace space, String board, long sramBytes,
      long flashBytes, String dataSet, String dataSetSha256, long seed, int stage1Samples,
      TrainingRecipe training, EvolutionSettings evolution) {}

  /**
   * Measured on the test set: float accuracy of the fine-tuned network, int8 accuracy through the
   * engine's Java kernels, the costs on the board, and the time each part took.
   */
  public record Metrics(int testImages, double floatAccuracy, double int8Accuracy,
      double superNetAccuracy, long peakSramBytes, long flashBytes, long macs,
      double stage1Seconds, double superNetSeconds, double evolutionSeconds,
      double fineTuneSeconds, double quantizeSeconds, int evaluated) {}
}
