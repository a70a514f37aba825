package dev.tinyforge.train;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.data.Mnist;
import dev.tinyforge.search.Architecture;
import dev.tinyforge.search.CandidateCost;
import dev.tinyforge.search.EvolutionSettings;
import dev.tinyforge.search.SearchResult;
import dev.tinyforge.search.SearchSpace;
import dev.tinyforge.search.SearchSpaces;
import dev.tinyforge.search.Subnet;
import dev.tinyforge.search.TrainingRecipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MCUNet's Table 2 on digits: under one SRAM budget and 256 KiB of flash, a MobileNetV2 scaled
 * (width and resolution shrunk until it fits) against the TinyNAS result, both trained with the
 * same recipe and measured in int8 on the 2,000 test digits. Tag "bench": minutes, not part of the
 * build's tests; {@code bench/table2.sh} runs it and writes {@code target/table2-<kib>.md}.
 */
@Tag("bench")
class Table2Bench {
  static final Path MNIST = Path.of(System.getProperty("tinyforge.mnist", "../../shared/data/mnist"));
  static final int FLASH_KIB = 256;

  /** MobileNetV2's blocks in the digits stage table: 3x3 kernels, expansion 6, depths 2-3-4-3. */
  static Architecture mobileNetV2() {
    int[] depths = {2, 3, 4, 3};
    List<Architecture.StageChoice> stages = new ArrayList<>();
    for (int depth : depths) {
      List<Architecture.Block> blocks = new ArrayList<>();
      for (int b = 0; b < depth; b++) {
        blocks.add(new Architecture.Block(3, 6));
      }
      stages.add(new Architecture.StageChoice(blocks));
    }
    return new Architecture(stages);
  }

  @ParameterizedTest
  @ValueSource(ints = {32, 64})
  void compare(int sramKib) throws Exception {
    Mnist mnist = Mnist.load(MNIST);
    SearchSpace space = SearchSpaces.digits();
    TinyNas.Request request = new TinyNas.Request("table2", space, Board.STM32F746,
        sramKib * 1024L, FLASH_KIB * 1024L, 1000, 1, TrainingRecipe.standard(),
        EvolutionSettings.standard());
    // Scaled MobileNetV2: the (width, resolution) with the most MACs that fits.
    Architecture mbv2 = mobileNetV2();
    double bestWidth = 0;
    int bestResolution = 0;
    long bestMacs = -1;
    for (double w : space.widths()) {
      for (int r : space.resolutions()) {
        CandidateCost cost = CandidateCost.of(Subnet.spec(space, w, r, mbv2));
        if (cost.fits(request.sramBytes(), request.flashBytes()) && cost.macs() > bestMacs) {
          bestMacs = cost.macs();
          bestWidth = w;
          bestResolution = r;
        }
      }
    }
    StringBuilder md = new StringBuilder();
    if (bestMacs >= 0) {
      TinyNas.Trained base = TinyNas.trainFixed(request, bestWidth, bestResolution, mbv2, mnist);
      md.append(row(sramKib, "MobileNetV2 scaled (w" + bestWidth + ", r" + bestResolution + ")",
          base.int8Accuracy(), base.floatAccuracy(), base.peakSramBytes(), base.flashBytes(),
          base.macs(), base.seconds()));
    } else {
      md.append(String.format(Locale.ROOT, "| %d KiB | MobileNetV2 scaled | does not fit at any"
          + " width and resolution | | | | | |%n", sramKib));
    }
    TinyNas.Outcome nas = TinyNas.run(request, mnist, "table2.tfw", TinyNas.Progress.NONE);
    SearchResult.Metrics m = nas.result().metrics();
    md.append(row(sramKib, "TinyNAS (w" + nas.result().width() + ", r"
            + nas.result().resolution() + ")", m.int8Accuracy(), m.floatAccuracy(),
        m.peakSramBytes(), m.flashBytes(), m.macs(), m.stage1Seconds() + m.superNetSeconds()
            + m.evolutionSeconds() + m.fineTuneSeconds() + m.quantizeSeconds()));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/table2-" + sramKib + ".md"), md.toString());
    System.out.print(md);
  }

  private static String row(int sramKib, String model, double int8, double fp, long sram,
      long flash, long macs, double seconds) {
    return String.format(Locale.ROOT, "| %d KiB | %s | %.2f %% | %.2f %% | %,d B | %,d B | %,d |"
        + " %.0f s |%n", sramKib, model, 100 * int8, 100 * fp, sram, flash, macs, seconds);
  }
}
