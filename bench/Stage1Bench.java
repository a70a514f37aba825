import dev.tinyforge.annotations.Board;
import dev.tinyforge.search.SearchSpace;
import dev.tinyforge.search.SearchSpaces;
import dev.tinyforge.search.SpaceStats;
import dev.tinyforge.search.Stage1;
import dev.tinyforge.search.Stage1Json;
import dev.tinyforge.search.Stage1Plot;
import dev.tinyforge.search.Stage1Result;
import dev.tinyforge.search.Stage1Settings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * TinyNAS stage 1 throughput and one run per budget, for the 28x28x1 digits task on STM32F746
 * (SRAM 32 KiB and 64 KiB, flash 256 KiB). Run through bench/stage1.sh; see bench/README.md.
 */
public class Stage1Bench {
  public static void main(String[] args) throws IOException {
    int threads = intArg(args, "--threads", Runtime.getRuntime().availableProcessors());
    int warmup = intArg(args, "--warmup", 3);
    int reps = intArg(args, "--reps", 7);
    int samples = intArg(args, "--samples", Stage1Settings.DEFAULT_SAMPLES);
    long seed = intArg(args, "--seed", 1);
    Path out = Path.of("bench", "out");
    Files.createDirectories(out);

    SearchSpace space = SearchSpaces.digits();
    Stage1Settings tight =
        new Stage1Settings(Board.STM32F746, 32 * 1024, 256 * 1024, samples, seed);
    long evaluations = (long) space.widths().size() * space.resolutions().size() * samples;
    machine(threads);
    System.out.printf(Locale.ROOT, "workload: one stage-1 run = %d spaces x %d samples = %d"
        + " candidate evaluations (build graph, GreedyPlanner, MACs, flash)%n",
        space.widths().size() * space.resolutions().size(), samples, evaluations);
    List<Integer> threadCounts = threads == 1 ? List.of(1) : List.of(1, threads);
    for (int t : threadCounts) {
      for (int i = 0; i < warmup; i++) {
        Stage1.run(space, tight, t);
      }
      List<Double> rates = new ArrayList<>();
      List<Double> perCpuSecond = new ArrayList<>();
      for (int i = 0; i < reps; i++) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        Stage1.run(space, tight, t);
        rates.add(evaluations / ((System.nanoTime() - start) / 1e9));
        perCpuSecond.add(evaluations / ((processCpuNanos() - cpuStart) / 1e9));
      }
      System.out.printf(Locale.ROOT, "threads %d: median %s evaluations/s wall clock;"
          + " median %s evaluations per CPU-second of this JVM (incl. GC and JIT)"
          + " [%d reps after %d warm-up runs]%n", t, summary(rates), summary(perCpuSecond), reps,
          warmup);
    }

    for (int sramKib : new int[] {32, 64}) {
      Stage1Settings settings =
          new Stage1Settings(Board.STM32F746, sramKib * 1024L, 256 * 1024, samples, seed);
      Stage1Result result = Stage1.run(space, settings, threads);
      if (!result.equals(Stage1.run(space, settings, 1))) {
        throw new IllegalStateException("the result depends on the thread count");
      }
      String stem = "stage1-digits-stm32f746-sram" + sramKib + "k-flash256k";
      Files.writeString(out.resolve(stem + ".json"), Stage1Json.write(result));
      Files.writeString(out.resolve(stem + ".svg"), Stage1Plot.svg(result));
      SpaceStats chosen = result.chosenStats();
      System.out.printf(Locale.ROOT, "SRAM %d KiB, flash 256 KiB: chosen %s (%d of %d fit,"
          + " mean %.2fM MACs); wrote bench/out/%s.{json,svg}%n", sramKib,
          chosen == null ? "nothing" : chosen.label(), chosen == null ? 0 : chosen.fitting(),
          samples, chosen == null ? 0 : chosen.meanMacs() / 1e6, stem);
    }
  }

  /** "median (min-max)". */
  private static String summary(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", sorted.get(sorted.size() / 2),
        sorted.get(0), sorted.get(sorted.size() - 1));
  }

  /** CPU time of the whole process: on shared cores this, not the wall clock, is the cost. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void machine(int threads) throws IOException {
    String cpu = "unknown";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.exists(cpuinfo)) {
      cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
    }
    System.out.printf(Locale.ROOT, "machine: %s, %d processors, Java %s (%s), heap max %d MiB,"
        + " GC %s, load average before %.2f; threads %d%n", cpu,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20, gc(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), threads);
  }

  private static String gc() {
    List<String> names = new ArrayList<>();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(b -> names.add(b.getName()));
    return String.join("/", names);
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
