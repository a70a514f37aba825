package dev.tinyforge.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Just enough JSON for the benchmark's result: maps (in their order), lists, strings, numbers. */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, "");
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      out.append('"');
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          default -> {
            if (c < 0x20) {
              out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    } else if (value instanceof Double d) {
      out.append(d.isNaN() || d.isInfinite() ? "null"
          : String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", ""));
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      String inner = indent + "  ";
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "\n" : ",\n").append(inner);
        write(out, e.getKey().toString(), inner);
        out.append(": ");
        write(out, e.getValue(), inner);
        first = false;
      }
      out.append(first ? "}" : "\n" + indent + "}");
    } else if (value instanceof List<?> list) {
      boolean flat = list.stream().allMatch(v -> v instanceof Number);
      String inner = indent + "  ";
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        if (!flat) {
          out.append('\n').append(inner);
        } else if (i > 0) {
          out.append(' ');
        }
        write(out, list.get(i), inner);
      }
      out.append(flat || list.isEmpty() ? "]" : "\n" + indent + "]");
    } else {
      throw new IllegalArgumentException("not JSON: " + value.getClass());
    }
  }
}
