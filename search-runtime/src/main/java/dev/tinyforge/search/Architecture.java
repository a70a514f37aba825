package dev.tinyforge.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One sub-network of a {@link SearchSpace}, independent of width and resolution: for every stage
 * its blocks (the depth is their number), for every block its depthwise kernel and expansion.
 */
public record Architecture(List<StageChoice> stages) {
  public Architecture {
    stages = List.copyOf(stages);
  }

  /** The blocks of one stage. */
  public record StageChoice(List<Block> blocks) {
    public StageChoice {
      blocks = List.copyOf(blocks);
    }

    public int depth() {
      return blocks.size();
    }
  }

  /** One inverted-residual block: expand 1x1 by {@code expansion}, depthwise kxk, project 1x1. */
  public record Block(int kernel, int expansion) {}

  /** Uniform choices for every stage's depth and every block's kernel and expansion. */
  public static Architecture sample(SearchSpace space, SplittableRandom random) {
    List<StageChoice> stages = new ArrayList<>(space.stages().size());
    for (int s = 0; s < space.stages().size(); s++) {
      int depth = pick(space.depths(), random);
      List<Block> blocks = new ArrayList<>(depth);
      for (int b = 0; b < depth; b++) {
        blocks.add(new Block(pick(space.kernels(), random), pick(space.expansions(), random)));
      }
      stages.add(new StageChoice(blocks));
    }
    return new Architecture(stages);
  }

  private static int pick(List<Integer> choices, SplittableRandom random) {
    return choices.get(random.nextInt(choices.size()));
  }
}
