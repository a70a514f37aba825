package dev.tinyforge.imports;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.firmware.CTarget;
import dev.tinyforge.firmware.ImageSize;
import dev.tinyforge.firmware.ModelRunner;
import dev.tinyforge.firmware.RunResult;
import dev.tinyforge.firmware.StackUsage;
import dev.tinyforge.imports.ImportedModels.Imported;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measured figures of the three TF Lite Micro examples as TinyForge engines on QEMU's Cortex-M7
 * (mps2-an500, arm-none-eabi-gcc -O2, portable kernels; no tracing): arena, static RAM, stack
 * high-water, peak SRAM, flash split into engine code and weights, executed instructions per
 * inference; written as a Markdown table next to TF Lite Micro's own figures (from
 * ../shared/models/README.md, same core, compiler and flags) to
 * {@code target/imported-models-figures.md}.
 */
class ImportedModelFiguresTest {
  /** TFLM's figures (reference kernels), ../shared/models/README.md. */
  private record Tflm(String arena, String stack, String instructions, String code) {}

  private static final List<String> MODELS = List.of("person_detect", "micro_speech",
      "hello_world");
  private static final List<Tflm> TFLM = List.of(
      new Tflm("82,296", "804-1,364", "98.6 M", "32.1 KB"),
      new Tflm("6,800", "772-1,364", "9.33 M", "—"),
      new Tflm("1,068", "540-876", "5,457", "—"));

  @TempDir Path work;

  @Test
  void measuresTheExamplesOnCortexM7() throws Exception {
    ImportedModels.requireTools(CTarget.CORTEX_M7);
    StringBuilder table = new StringBuilder();
    table.append("| model | arena | static RAM | stack high-water | peak SRAM | engine code"
        + " | weights | flash (code + weights) | instructions / inference |"
        + " TFLM arena | TFLM stack | TFLM instructions (ref) | TFLM runtime code |\n");
    table.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    StringBuilder details = new StringBuilder();
    for (int m = 0; m < MODELS.size(); m++) {
      String name = MODELS.get(m);
      Imported model = ImportedModels.load(name, Files.createDirectories(work.resolve("fw")));
      List<String> cases = ImportedModels.cases(model.folder());
      List<byte[]> inputs = new ArrayList<>();
      for (String testCase : cases) {
        inputs.add(ImportedModels.input(model.folder(), testCase));
      }
      RunResult result = ModelRunner.on(CTarget.CORTEX_M7).withTimeout(Duration.ofMinutes(3))
          .run(model.firmware(), inputs, work);
      for (int c = 0; c < cases.size(); c++) {
        assertWithMessage(name + "/" + cases.get(c)).that(result.output(c))
            .isEqualTo(ImportedModels.output(model.folder(), cases.get(c)));
      }
      ImageSize size = ImageSize.of(result, model.firmware());
      StackUsage stack = result.stack().orElseThrow();
      LongSummaryStatistics instructions =
          result.instructions().stream().mapToLong(Long::longValue).summaryStatistics();
      assertThat(instructions.getCount()).isEqualTo(cases.size());

      long arena = model.engine().arenaBytes();
      long staticRam = size.modelStaticRamBytes();
      // The arena is one .bss symbol of the engine: static RAM holds it and little else.
      assertThat(staticRam).isAtLeast(arena);
      long peak = staticRam + stack.highWaterBytes();
      Tflm tflm = TFLM.get(m);
      table.append("| ").append(name)
          .append(" | ").append(bytes(arena))
          .append(" | ").append(bytes(staticRam))
          .append(" | ").append(bytes(stack.highWaterBytes()))
          .append(" | ").append(bytes(peak))
          .append(" | ").append(bytes(size.engineCodeBytes()))
          .append(" | ").append(bytes(size.weightsBytes()))
          .append(" | ").append(bytes(size.modelFlashBytes()))
          .append(" | ").append(count(instructions.getMin(), instructions.getMax()))
          .append(" | ").append(tflm.arena()).append(" B")
          .append(" | ").append(tflm.stack()).append(" B")
          .append(" | ").append(tflm.instructions())
          .append(" | ").append(tflm.code())
          .append(" |\n");
      details.append(name).append(": ").append(size).append("; stack ").append(stack)
          .append("; instructions per case ").append(result.instructions()).append('\n');
    }
    String markdown = table + "\nMeasured by ImportedModelFiguresTest on QEMU mps2-an500"
        + " (Cortex-M7), arm-none-eabi-gcc -O2, portable kernels.\n";
    Path out = Path.of("target", "imported-models-figures.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println("[figures]\n" + markdown + "\n" + details);
  }

  private static String bytes(long value) {
    return String.format(Locale.ROOT, "%,d B", value);
  }

  private static String count(long min, long max) {
    String low = String.format(Locale.ROOT, "%,d", min);
    return min == max ? low : low + "–" + String.format(Locale.ROOT, "%,d", max);
  }
}
