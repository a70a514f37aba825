package dev.tinyforge.tflite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator table and op counts of a model folder's README.md, e.g.
 * {@code | 2 | ADD | t004 [1,9,7,12]<br>const int8 [12] s=0.0482361 zp=-87 | t006 [1,9,7,12] |
 * act=RELU |} (one line) and {@code * Op counts: CONV_2D x1, ADD x2}.
 */
final class OperatorTable {
  private static final Pattern ROW =
      Pattern.compile("\\| (\\d+) \\| ([A-Z0-9_]+) \\| (.*?) \\| (.*?) \\| (.*?) ?\\|");
  private static final Pattern COUNTS = Pattern.compile("\\* Op counts: (.*)");
  private static final Pattern COUNT = Pattern.compile("([A-Z0-9_]+) x(\\d+)");

  /** One row: the operator name, its input and output cells split at {@code <br>}, options. */
  record Row(int index, String op, List<String> inputs, List<String> outputs, String options) {}

  final List<Row> rows;
  final Map<String, Integer> counts;

  private OperatorTable(List<Row> rows, Map<String, Integer> counts) {
    this.rows = rows;
    this.counts = counts;
  }

  static OperatorTable read(Path readme) {
    List<String> lines;
    try {
      lines = Files.readAllLines(readme);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher row = ROW.matcher(line.strip());
      if (row.matches()) {
        rows.add(new Row(Integer.parseInt(row.group(1)), row.group(2), cells(row.group(3)),
            cells(row.group(4)), row.group(5).strip()));
      }
      Matcher count = COUNTS.matcher(line.strip());
      if (count.matches()) {
        Matcher each = COUNT.matcher(count.group(1));
        while (each.find()) {
          counts.put(each.group(1), Integer.parseInt(each.group(2)));
        }
      }
    }
    return new OperatorTable(rows, counts);
  }

  private static List<String> cells(String cell) {
    List<String> parts = new ArrayList<>();
    for (String part : cell.split("<br>")) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }
}
