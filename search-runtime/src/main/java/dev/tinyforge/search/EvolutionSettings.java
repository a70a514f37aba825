package dev.tinyforge.search;

/**
 * The evolutionary search of stage 2 (as in MCUNet / Once-for-All): a population of
 * {@code population} networks that fit the budgets, {@code generations} rounds of keeping the
 * best {@code parents}, and filling up with children: a mutation of a parent (each choice
 * re-drawn with probability {@code mutationProbability}) for a {@code mutationShare} of them,
 * else a crossover of two parents (each stage and block from either).
 */
public record EvolutionSettings(int population, int generations, int parents,
    double mutationProbability, double mutationShare) {
  public static EvolutionSettings standard() {
    return new EvolutionSettings(16, 6, 4, 0.2, 0.5);
  }

  public static EvolutionSettings quick() {
    return new EvolutionSettings(4, 2, 2, 0.3, 0.5);
  }
}
