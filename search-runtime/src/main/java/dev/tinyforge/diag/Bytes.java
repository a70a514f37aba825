package dev.tinyforge.diag;

import java.util.Locale;

/** Byte counts as people read them in messages: "412.5 KiB", "980 B". */
public final class Bytes {
  private Bytes() {}

  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double kib = bytes / 1024.0;
    if (kib < 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", kib);
    }
    return String.format(Locale.ROOT, "%.2f MiB", kib / 1024.0);
  }
}
