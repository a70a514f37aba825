package dev.tinyforge.emit.c;

import java.util.Locale;

/** Builds C source text: lines with indentation, and constant arrays wrapped to a width. */
final class CWriter {
  private static final int VALUES_PER_LINE = 16;

  private final StringBuilder out = new StringBuilder();
  private int indent;

  CWriter line(String format, Object... args) {
    out.append("    ".repeat(indent)).append(String.format(Locale.ROOT, format, args)).append('\n');
    return this;
  }

  CWriter blank() {
    out.append('\n');
    return this;
  }

  CWriter open(String format, Object... args) {
    line(format, args);
    indent++;
    return this;
  }

  CWriter close(String text) {
    indent--;
    return line(text);
  }

  CWriter array(String declaration, int[] values) {
    open("%s = {", declaration);
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      row.append(values[i] == Integer.MIN_VALUE ? "(-2147483647 - 1)" : values[i]).append(i + 1 < values.length ? ", " : "");
      if ((i + 1) % VALUES_PER_LINE == 0 || i + 1 == values.length) {
        line("%s", row.toString().stripTrailing());
        row.setLength(0);
      }
    }
    return close("};");
  }

  CWriter array(String declaration, byte[] values) {
    int[] widened = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      widened[i] = values[i];
    }
    return array(declaration, widened);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
