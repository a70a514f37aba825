package dev.tinyforge.search;

import dev.tinyforge.spec.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * TinyNAS stage 1, search-space optimization (MCUNet Fig. 3): for every width multiplier and
 * resolution, measure the same {@code samples} sampled architectures with the real planner, keep
 * those within the SRAM and flash budgets, and choose the space whose fitting networks have the
 * largest mean MACs (ties: the larger fitting fraction, then the earlier space).
 *
 * <p>Every space sees the same architectures (drawn once from the seed), so spaces differ only
 * by width and resolution, and the result does not depend on how many threads measure them.
 */
public final class Stage1 {
  private Stage1() {}

  /** Runs on all available processors. */
  public static Stage1Result run(SearchSpace space, Stage1Settings settings) {
    return run(space, settings, Runtime.getRuntime().availableProcessors());
  }

  public static Stage1Result run(SearchSpace space, Stage1Settings settings, int threads) {
    SearchSpaceCheck.require(space, settings);
    List<Architecture> architectures = sample(space, settings.samples(), settings.seed());
    List<double[]> grid = new ArrayList<>();
    for (double width : space.widths()) {
      for (int resolution : space.resolutions()) {
        grid.add(new double[] {width, resolution});
      }
    }
    List<SpaceStats> spaces = new ArrayList<>(grid.size());
    if (threads <= 1) {
      for (double[] point : grid) {
        spaces.add(measure(space, settings, point[0], (int) point[1], architectures));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
        Thread thread = new Thread(runnable, "tinynas-stage1");
        thread.setDaemon(true);
        return thread;
      });
      try {
        List<Future<SpaceStats>> futures = new ArrayList<>(grid.size());
        for (double[] point : grid) {
          futures.add(pool.submit(
              () -> measure(space, settings, point[0], (int) point[1], architectures)));
        }
        for (Future<SpaceStats> future : futures) {
          spaces.add(future.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("stage 1 was interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("stage 1 failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return new Stage1Result(space, settings, spaces, choose(spaces));
  }

  /** The architectures every space measures, drawn in order from one seeded stream. */
  public static List<Architecture> sample(SearchSpace space, int samples, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Architecture> architectures = new ArrayList<>(samples);
    for (int i = 0; i < samples; i++) {
      architectures.add(Architecture.sample(space, random));
    }
    return architectures;
  }

  /** Measures every architecture at one width and resolution. */
  static SpaceStats measure(SearchSpace space, Stage1Settings settings, double width,
      int resolution, List<Architecture> architectures) {
    long[] fittingMacs = new long[architectures.size()];
    int fitting = 0;
    long macSum = 0;
    long minSram = Long.MAX_VALUE;
    long minFlash = Long.MAX_VALUE;
    for (Architecture architecture : architectures) {
      ModelSpec spec = Subnet.spec(space, width, resolution, architecture);
      CandidateCost cost = CandidateCost.of(spec);
      minSram = Math.min(minSram, cost.peakSramBytes());
      minFlash = Math.min(minFlash, cost.flashBytes());
      if (cost.fits(settings.sramBytes(), settings.flashBytes())) {
        fittingMacs[fitting++] = cost.macs();
        macSum += cost.macs();
      }
    }
    long[] sorted = Arrays.copyOf(fittingMacs, fitting);
    Arrays.sort(sorted);
    double mean = fitting == 0 ? 0 : (double) macSum / fitting;
    return new SpaceStats(width, resolution, architectures.size(), fitting, mean, minSram,
        minFlash, quantiles(sorted));
  }

  /** Nearest-rank percentiles 0..100 of sorted values; empty for none. */
  static List<Long> quantiles(long[] sorted) {
    if (sorted.length == 0) {
      return List.of();
    }
    List<Long> quantiles = new ArrayList<>(101);
    for (int k = 0; k <= 100; k++) {
      int rank = (int) Math.ceil(k / 100.0 * sorted.length);
      quantiles.add(sorted[Math.max(rank - 1, 0)]);
    }
    return quantiles;
  }

  static Stage1Result.Choice choose(List<SpaceStats> spaces) {
    SpaceStats best = null;
    for (SpaceStats stats : spaces) {
      if (stats.fitting() == 0) {
        continue;
      }
      if (best == null || stats.meanMacs() > best.meanMacs()
          || (stats.meanMacs() == best.meanMacs() && stats.fitting() > best.fitting())) {
        best = stats;
      }
    }
    return best == null ? null : new Stage1Result.Choice(best.width(), best.resolution());
  }
}
