package dev.tinyforge.search;

/**
 * How a network is trained: SGD without momentum and with a cosine-decayed learning rate,
 * mini-batches of {@code batchSize}. The super-network trains for {@code superNetEpochs} with a
 * uniformly sampled sub-network per step; the chosen one is then fine-tuned alone for
 * {@code fineTuneEpochs}. {@code trainLimit} caps the training images (0 = all but the held-out
 * {@code validation} images, which score candidates during the evolution).
 */
public record TrainingRecipe(int superNetEpochs, int fineTuneEpochs, int batchSize,
    float learningRate, float fineTuneLearningRate, int validation, int trainLimit,
    int calibration) {
  /** The recipe of the committed example and the README's comparison. */
  public static TrainingRecipe standard() {
    return new TrainingRecipe(3, 3, 64, 0.3f, 0.1f, 500, 0, 512);
  }

  /** Seconds, not minutes: for tests. */
  public static TrainingRecipe quick() {
    return new TrainingRecipe(1, 1, 64, 0.5f, 0.2f, 200, 1200, 64);
  }
}
