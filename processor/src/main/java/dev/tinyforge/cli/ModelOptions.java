package dev.tinyforge.cli;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.processor.EngineStage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The model and the board, as both commands take them. */
final class ModelOptions {
  @Option(names = "--tflite", required = true, paramLabel = "<file>",
      description = "A trained, fully int8 quantized .tflite model.")
  Path tflite;

  @Option(names = "--board", required = true, paramLabel = "<board>",
      description = "The target board: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Boards.class)
  String board;

  @Option(names = "--sram-kb", paramLabel = "<KiB>",
      description = "SRAM in KiB (overrides the board's; required with CUSTOM).")
  Integer sramKb;

  @Option(names = "--flash-kb", paramLabel = "<KiB>",
      description = "Flash in KiB (overrides the board's; required with CUSTOM).")
  Integer flashKb;

  @Option(names = "--clock-mhz", paramLabel = "<MHz>",
      description = "Core clock in MHz (overrides the board's; required with CUSTOM).")
  Integer clockMhz;

  /** The budget the options describe, or null when {@code problems} got an error. */
  Budget budget(Problems problems) {
    Board parsed = Arrays.stream(Board.values())
        .filter(b -> b.name().equalsIgnoreCase(board)).findFirst().orElse(null);
    if (parsed == null) {
      problems.error(Locus.model("board"), Message.CLI_BOARD, board, boardNames());
      return null;
    }
    figure("--sram-kb", sramKb, problems);
    figure("--flash-kb", flashKb, problems);
    figure("--clock-mhz", clockMhz, problems);
    if (parsed == Board.CUSTOM && (sramKb == null || flashKb == null || clockMhz == null)) {
      problems.error(Locus.model("board"), Message.CLI_CUSTOM_BOARD);
    }
    return problems.hasErrors() ? null
        : EngineStage.budget(parsed, orZero(sramKb), orZero(flashKb), orZero(clockMhz));
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static void figure(String option, Integer value, Problems problems) {
    if (value != null && value <= 0) {
      problems.error(Locus.model(option), Message.CLI_FIGURE, option, value);
    }
  }

  private static String boardNames() {
    return Arrays.stream(Board.values()).map(Board::name).collect(Collectors.joining(", "));
  }

  /** The board names, for the help text. */
  static final class Boards implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(Board.values()).map(Board::name).iterator();
    }
  }
}
