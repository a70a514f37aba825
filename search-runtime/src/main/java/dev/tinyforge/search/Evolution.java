package dev.tinyforge.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * TinyNAS stage 2's search: evolves architectures of one (width, resolution) space under a
 * budget filter, scored by a fitness (the super-network's accuracy on held-out data). Every
 * candidate is checked against the budget before it is scored; scores are memoized, so an
 * architecture is scored once. Deterministic for a seed and a deterministic fitness.
 */
public final class Evolution {
  /** Draws before giving up on finding a network that fits. */
  public static final int MAX_DRAWS = 100_000;

  private final SearchSpace space;
  private final EvolutionSettings settings;
  private final Predicate<Architecture> fits;
  private final ToDoubleFunction<Architecture> fitness;
  private final SplittableRandom random;
  private final Map<Architecture, Double> scores = new HashMap<>();
  private final Listener listener;

  /** Told of every scored candidate. */
  public interface Listener {
    void scored(int evaluated, int total, Architecture architecture, double score);
  }

  public record Result(Architecture best, double score, int evaluated, List<Double> bestPerGeneration) {}

  public Evolution(SearchSpace space, EvolutionSettings settings, Predicate<Architecture> fits,
      ToDoubleFunction<Architecture> fitness, long seed, Listener listener) {
    this.space = space;
    this.settings = settings;
    this.fits = fits;
    this.fitness = fitness;
    this.random = new SplittableRandom(seed);
    this.listener = listener;
  }

  /** The most candidates it can score: the first population and the children of each round. */
  public int maxEvaluations() {
    return settings.population()
        + settings.generations() * (settings.population() - settings.parents());
  }

  /** A uniformly drawn architecture that fits. */
  public static Architecture sampleFitting(SearchSpace space, Predicate<Architecture> fits,
      SplittableRandom random) {
    for (int i = 0; i < MAX_DRAWS; i++) {
      Architecture candidate = Architecture.sample(space, random);
      if (fits.test(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no architecture of " + MAX_DRAWS + " draws fits the budget");
  }

  public Result run() {
    List<Architecture> population = new ArrayList<>();
    while (population.size() < settings.population()) {
      population.add(sampleFitting(space, fits, random));
    }
    List<Double> best = new ArrayList<>();
    List<Architecture> ranked = rank(population);
    best.add(scores.get(ranked.get(0)));
    for (int g = 0; g < settings.generations(); g++) {
      List<Architecture> parents = new ArrayList<>(ranked.subList(0, settings.parents()));
      List<Architecture> next = new ArrayList<>(parents);
      int attempts = 0;
      while (next.size() < settings.population() && attempts++ < MAX_DRAWS) {
        Architecture child = random.nextDouble() < settings.mutationShare()
            ? mutate(parents.get(random.nextInt(parents.size())))
            : crossover(parents.get(random.nextInt(parents.size())),
                parents.get(random.nextInt(parents.size())));
        if (fits.test(child)) {
          next.add(child);
        }
      }
      ranked = rank(next);
      best.add(scores.get(ranked.get(0)));
    }
    Architecture winner = ranked.get(0);
    return new Result(winner, scores.get(winner), scores.size(), best);
  }

  /** Scores (once) and sorts best first; ties keep the earlier. */
  private List<Architecture> rank(List<Architecture> population) {
    for (Architecture candidate : population) {
      if (!scores.containsKey(candidate)) {
        double score = fitness.applyAsDouble(candidate);
        scores.put(candidate, score);
        if (listener != null) {
          listener.scored(scores.size(), maxEvaluations(), candidate, score);
        }
      }
    }
    List<Architecture> sorted = new ArrayList<>(population);
    sorted.sort(Comparator.comparingDouble((Architecture a) -> -scores.get(a)));
    return sorted;
  }

  Architecture mutate(Architecture parent) {
    List<Architecture.StageChoice> stages = new ArrayList<>();
    for (Architecture.StageChoice stage : parent.stages()) {
      List<Architecture.Block> blocks = new ArrayList<>(stage.blocks());
      if (random.nextDouble() < settings.mutationProbability()) {
        int depth = space.depths().get(random.nextInt(space.depths().size()));
        while (blocks.size() > depth) {
          blocks.remove(blocks.size() - 1);
        }
        while (blocks.size() < depth) {
          blocks.add(randomBlock());
        }
      }
      for (int b = 0; b < blocks.size(); b++) {
        Architecture.Block block = blocks.get(b);
        int kernel = random.nextDouble() < settings.mutationProbability()
            ? space.kernels().get(random.nextInt(space.kernels().size())) : block.kernel();
        int expansion = random.nextDouble() < settings.mutationProbability()
            ? space.expansions().get(random.nextInt(space.expansions().size()))
            : block.expansion();
        blocks.set(b, new Architecture.Block(kernel, expansion));
      }
      stages.add(new Architecture.StageChoice(blocks));
    }
    return new Architecture(stages);
  }

  Architecture crossover(Architecture a, Architecture b) {
    List<Architecture.StageChoice> stages = new ArrayList<>();
    for (int s = 0; s < a.stages().size(); s++) {
      Architecture.StageChoice sa = a.stages().get(s);
      Architecture.StageChoice sb = b.stages().get(s);
      int depth = random.nextBoolean() ? sa.depth() : sb.depth();
      List<Architecture.Block> blocks = new ArrayList<>();
      for (int i = 0; i < depth; i++) {
        boolean fromA = random.nextBoolean();
        Architecture.StageChoice from = fromA ? sa : sb;
        Architecture.StageChoice other = fromA ? sb : sa;
        blocks.add(i < from.depth() ? from.blocks().get(i) : other.blocks().get(i));
      }
      stages.add(new Architecture.StageChoice(blocks));
    }
    return new Architecture(stages);
  }

  private Architecture.Block randomBlock() {
    return new Architecture.Block(space.kernels().get(random.nextInt(space.kernels().size())),
        space.expansions().get(random.nextInt(space.expansions().size())));
  }
}
