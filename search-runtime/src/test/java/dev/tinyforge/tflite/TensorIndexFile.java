package dev.tinyforge.tflite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model folder's {@code tensors/INDEX.txt}: one line per non-constant tensor, e.g.
 * {@code t003.bin  conv1  INT8  [1,6,6,12]  scale=0.0514742583 zp=16}.
 */
final class TensorIndexFile {
  private static final Pattern LINE = Pattern.compile(
      "t(\\d+)\\.bin\\s+(.+?)\\s+([A-Z0-9_]+)\\s+\\[([^\\]]*)\\]\\s+scale=(\\S+)\\s+zp=(-?\\d+)");

  /** One listed tensor; {@code scale} keeps the printed text to judge its precision. */
  record Entry(int index, String name, String type, int[] shape, String scale, long zeroPoint) {}

  private TensorIndexFile() {}

  static List<Entry> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Entry> entries = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException(file + ": cannot parse line: " + line);
      }
      entries.add(new Entry(Integer.parseInt(m.group(1)), m.group(2), m.group(3),
          parseInts(m.group(4)), m.group(5), Long.parseLong(m.group(6))));
    }
    return entries;
  }

  /** "1, 6,6" -> {1, 6, 6}; "" -> {}. */
  static int[] parseInts(String list) {
    String trimmed = list.strip();
    if (trimmed.isEmpty()) {
      return new int[0];
    }
    String[] parts = trimmed.split("\\s*,\\s*");
    int[] values = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Integer.parseInt(parts[i].strip());
    }
    return values;
  }

  /**
   * Half a unit in the last printed place ("0.018609" -> 5e-7); a number printed without a
   * decimal point came from %.9g and is exact to nine significant digits.
   */
  static double tolerance(String printed) {
    int dot = printed.indexOf('.');
    if (printed.contains("e") || printed.contains("E") || dot < 0) {
      return Math.abs(Double.parseDouble(printed)) * 1e-8 + 1e-30;
    }
    int decimals = printed.length() - dot - 1;
    return 0.5 * Math.pow(10, -decimals) + 1e-12;
  }
}
