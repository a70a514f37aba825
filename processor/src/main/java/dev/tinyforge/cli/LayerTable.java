package dev.tinyforge.cli;

import dev.tinyforge.diag.Bytes;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.LayerFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code analyze} prints: one row per layer, then the budgets. Plain text, aligned. */
final class LayerTable {
  private static final String[] HEADINGS =
      {"layer", "op", "output shape", "MACs", "params", "bytes live"};

  private LayerTable() {}

  static String render(String source, Engine engine) {
    Budget budget = engine.budget();
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%s on %s (%s, %d MHz): %d layers%n%n", source,
        budget.board(), budget.core(), budget.clockMhz(), engine.layers().size()));
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADINGS);
    for (LayerFacts layer : engine.layers()) {
      rows.add(new String[] {layer.name(), layer.op(), shape(layer.outputShape()),
          number(layer.macs()), number(layer.params()), number(layer.bytesLive())});
    }
    int[] widths = new int[HEADINGS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        // Names and ops to the left, numbers to the right.
        String format = i < 3 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
        line.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, row[i]));
      }
      text.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
    text.append(System.lineSeparator());
    text.append(String.format(Locale.ROOT, "MACs        %s%n", number(engine.macs())));
    text.append(String.format(Locale.ROOT,
        "peak SRAM   %s (arena %s B, input and output included) of %s: %s%n",
        Bytes.human(engine.peakSramBytes()), number(engine.arenaBytes()),
        Bytes.human(budget.sramBytes()), verdict(engine.peakSramBytes(), budget.sramBytes())));
    text.append(String.format(Locale.ROOT,
        "flash       %s (weights %s, code about %s) of %s: %s%n",
        Bytes.human(engine.flashBytesEstimate()), Bytes.human(engine.constantBytes()),
        Bytes.human(engine.codeBytesEstimate()), Bytes.human(budget.flashBytes()),
        verdict(engine.flashBytesEstimate(), budget.flashBytes())));
    return text.toString();
  }

  private static String verdict(long need, long have) {
    double percent = have == 0 ? 0 : 100.0 * need / have;
    return need <= have
        ? String.format(Locale.ROOT, "fits (%.1f %%)", percent)
        : String.format(Locale.ROOT, "does NOT fit (over by %s)", Bytes.human(need - have));
  }

  private static String shape(int[] shape) {
    return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining("x"));
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
