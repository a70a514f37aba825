package dev.tinyforge.search;

import java.util.List;
import java.util.Locale;

/**
 * The network stage 1 alone can offer: in the chosen (width, resolution) space, the sampled
 * architecture with the most MACs that fits the budgets (ties: the earlier sample). Used when no
 * trained search result is wanted (a build that must not wait for training), and to say why
 * nothing fits when stage 1 finds no space.
 */
public record Stage1Pick(double width, int resolution, Architecture architecture,
    CandidateCost cost) {

  /** The pick, or throws {@link BudgetException} saying what the smallest candidates need. */
  public static Stage1Pick of(Stage1Result stage1) throws BudgetException {
    Stage1Result.Choice chosen = stage1.chosen();
    if (chosen == null) {
      throw new BudgetException(noFit(stage1));
    }
    Stage1Settings settings = stage1.settings();
    List<Architecture> sampled = Stage1.sample(stage1.space(), settings.samples(), settings.seed());
    Stage1Pick best = null;
    for (Architecture architecture : sampled) {
      CandidateCost cost = CandidateCost.of(
          Subnet.spec(stage1.space(), chosen.width(), chosen.resolution(), architecture));
      if (cost.fits(settings.sramBytes(), settings.flashBytes())
          && (best == null || cost.macs() > best.cost().macs())) {
        best = new Stage1Pick(chosen.width(), chosen.resolution(), architecture, cost);
      }
    }
    if (best == null) {
      throw new BudgetException(noFit(stage1));
    }
    return best;
  }

  /** Why nothing fits: the budgets against the smallest peak SRAM and flash any space reached. */
  public static String noFit(Stage1Result stage1) {
    long minSram = Long.MAX_VALUE;
    long minFlash = Long.MAX_VALUE;
    for (SpaceStats stats : stage1.spaces()) {
      minSram = Math.min(minSram, stats.minPeakSramBytes());
      minFlash = Math.min(minFlash, stats.minFlashBytes());
    }
    Stage1Settings s = stage1.settings();
    return String.format(Locale.ROOT, "no network of the %d sampled per (width, resolution) fits"
            + " %,d B of SRAM and %,d B of flash: the smallest peak SRAM found is %,d B and the"
            + " smallest flash %,d B; raise the budgets (sramKb, flashKb) or offer smaller widths,"
            + " resolutions or depths",
        s.samples(), s.sramBytes(), s.flashBytes(), minSram, minFlash);
  }

  /** No candidate meets the budgets. */
  public static final class BudgetException extends Exception {
    public BudgetException(String message) {
      super(message);
    }
  }
}
