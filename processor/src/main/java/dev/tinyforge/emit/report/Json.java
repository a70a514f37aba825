package dev.tinyforge.emit.report;

import java.util.List;
import java.util.Locale;

/** A small JSON text builder: keys in the order written, so reports are byte-identical. */
final class Json {
  private final StringBuilder out = new StringBuilder();
  private int depth;
  private boolean first = true;

  Json beginObject(String key) {
    return open(key, '{');
  }

  Json beginArray(String key) {
    return open(key, '[');
  }

  Json end(char bracket) {
    depth--;
    out.append('\n').append("  ".repeat(depth)).append(bracket);
    first = false;
    return this;
  }

  Json value(String key, Object value) {
    separator(key);
    if (value instanceof String s) {
      quote(s);
    } else if (value instanceof int[] array) {
      out.append('[');
      for (int i = 0; i < array.length; i++) {
        out.append(i == 0 ? "" : ", ").append(array[i]);
      }
      out.append(']');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        quote(String.valueOf(list.get(i)));
      }
      out.append(']');
    } else if (value instanceof Float f) {
      out.append(String.format(Locale.ROOT, "%.9g", f));
    } else {
      out.append(value);
    }
    return this;
  }

  private Json open(String key, char bracket) {
    separator(key);
    out.append(bracket);
    depth++;
    first = true;
    return this;
  }

  private void separator(String key) {
    if (out.length() > 0) {
      out.append(first ? "" : ",").append('\n').append("  ".repeat(depth));
    }
    first = false;
    if (key != null) {
      quote(key);
      out.append(": ");
    }
  }

  private void quote(String s) {
    out.append('"');
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (ch < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out + "\n";
  }
}
