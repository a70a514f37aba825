package dev.tinyforge.bench;

import dev.tinyforge.plan.Buffer;
import dev.tinyforge.plan.MemoryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A memory timeline as MCUNet draws it (Fig. 11): one panel per plan, x = step (layer), a stacked
 * bar per step of the bytes of every buffer live at that step (one colour per buffer, the same in
 * every panel, stacked in buffer order so the panels compare at a glance; each block's
 * tooltip gives its real arena offset), and the arena each plan reserves as a dashed line.
 * A plan that reserves more than is live shows the difference as a grey "reserved, not live"
 * block. Plain SVG 1.1, no scripts; every block has a tooltip naming its buffer.
 */
final class MemoryTimelineSvg {
  /** One plan to draw. */
  /** @param labels one per buffer id of this plan, or null for the shared ones */
  record Panel(String title, MemoryPlan plan, List<String> labels) {
    Panel(String title, MemoryPlan plan) {
      this(title, plan, null);
    }
  }

  private static final int LEFT = 78;
  private static final int RIGHT = 150;
  private static final int PANEL_HEIGHT = 220;
  private static final int PANEL_GAP = 56;
  private static final int TOP = 48;
  private static final int LABELS = 130;

  private MemoryTimelineSvg() {}

  /**
   * @param stepLabels one per step (the graph's ops, in order)
   * @param bufferLabels one per buffer id (the tensor names it holds)
   */
  static String render(String title, List<String> stepLabels, List<String> bufferLabels,
      List<Panel> panels) {
    int steps = stepLabels.size();
    int barStep = Math.max(12, Math.min(36, 900 / Math.max(steps, 1)));
    int plotWidth = Math.max(steps * barStep, 360);
    int width = LEFT + plotWidth + RIGHT;
    int height = TOP + panels.size() * (PANEL_HEIGHT + PANEL_GAP) - PANEL_GAP + LABELS;
    long yMax = 1;
    for (Panel panel : panels) {
      yMax = Math.max(yMax, panel.plan().arenaBytes());
    }
    long tick = 1024 * niceTick((yMax + 1023) / 1024);
    yMax = (yMax + tick - 1) / tick * tick;

    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n",
        width, height, width, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(text(LEFT, 22, escape(title), "font-size=\"15\" font-weight=\"bold\""));
    for (int p = 0; p < panels.size(); p++) {
      Panel panel = panels.get(p);
      MemoryPlan plan = panel.plan();
      int top = TOP + p * (PANEL_HEIGHT + PANEL_GAP);
      int bottom = top + PANEL_HEIGHT;
      int peakLive = 0;
      for (int s = 0; s < steps; s++) {
        peakLive = Math.max(peakLive, plan.bytesLiveAt(s));
      }
      svg.append(text(LEFT, top - 8, escape(panel.title()) + String.format(Locale.ROOT,
          " — arena %,d B, peak live %,d B", plan.arenaBytes(), peakLive),
          "font-size=\"12\" font-weight=\"bold\""));
      // Axis and grid.
      for (long y = 0; y <= yMax; y += tick) {
        double py = bottom - (double) y / yMax * PANEL_HEIGHT;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
            + " stroke=\"#ddd\"/>\n", LEFT, py, LEFT + plotWidth, py));
        svg.append(text(LEFT - 6, py + 4, kb(y), "text-anchor=\"end\""));
      }
      svg.append(text(14, top + PANEL_HEIGHT / 2.0, "bytes live",
          String.format(Locale.ROOT, "transform=\"rotate(-90 14 %.1f)\" text-anchor=\"middle\"",
              top + PANEL_HEIGHT / 2.0)));
      for (int s = 0; s < steps; s++) {
        double x = LEFT + s * barStep + 1;
        double w = barStep - 2;
        List<Buffer> live = new ArrayList<>();
        for (Buffer b : plan.buffers()) {
          if (b.isLiveAt(s)) {
            live.add(b);
          }
        }
        long stacked = 0;
        for (Buffer b : live) {
          double y0 = bottom - (double) stacked / yMax * PANEL_HEIGHT;
          double h = (double) b.size() / yMax * PANEL_HEIGHT;
          svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.2f\" width=\"%.1f\""
              + " height=\"%.2f\" fill=\"%s\" stroke=\"white\" stroke-width=\"0.3\"><title>%s:"
              + " buffer %d (%s), %,d B at arena offset %,d</title></rect>\n", x, y0 - h, w, h,
              colour(b.id()), escape(stepLabels.get(s)), b.id(),
              escape((panel.labels() != null ? panel.labels() : bufferLabels).get(b.id())), b.size(), plan.offsets()[b.id()]));
          stacked += b.size();
        }
        long reserved = plan.arenaBytes() - stacked;
        if (reserved > 0 && plan.arenaBytes() > peakLive) {
          double y0 = bottom - (double) stacked / yMax * PANEL_HEIGHT;
          double h = (double) reserved / yMax * PANEL_HEIGHT;
          svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.2f\" width=\"%.1f\""
              + " height=\"%.2f\" fill=\"#e4e4e4\"><title>%s: %,d B reserved, not live"
              + "</title></rect>\n", x, y0 - h, w, h, escape(stepLabels.get(s)), reserved));
        }
      }
      double arenaY = bottom - (double) plan.arenaBytes() / yMax * PANEL_HEIGHT;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
          + " stroke=\"#c00\" stroke-dasharray=\"5,3\"/>\n", LEFT, arenaY, LEFT + plotWidth,
          arenaY));
      svg.append(text(LEFT + plotWidth + 6, arenaY + 4,
          String.format(Locale.ROOT, "arena %s", kb(plan.arenaBytes())), "fill=\"#c00\""));
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
          + " stroke=\"black\"/>\n", LEFT, bottom, LEFT + plotWidth, bottom));
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
          + " stroke=\"black\"/>\n", LEFT, top, LEFT, bottom));
    }
    int labelsTop = TOP + panels.size() * (PANEL_HEIGHT + PANEL_GAP) - PANEL_GAP + 10;
    for (int s = 0; s < steps; s++) {
      double x = LEFT + s * barStep + barStep / 2.0;
      String label = s + " " + shorten(stepLabels.get(s));
      svg.append(text(x, labelsTop, escape(label), String.format(Locale.ROOT,
          "transform=\"rotate(-60 %.1f %d)\" text-anchor=\"end\" font-size=\"9\"", x,
          labelsTop)));
    }
    svg.append(text(LEFT + plotWidth + 6, labelsTop + 14, "step (layer)", ""));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String text(double x, double y, String content, String attributes) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>\n", x, y,
        attributes, content);
  }

  /** A 1-2-5 step (in KiB) giving four to eight grid lines. */
  static long niceTick(long max) {
    long tick = 1;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if (max / (tick * m) <= 7) {
          return tick * m;
        }
      }
      tick *= 10;
    }
  }

  private static String kb(long bytes) {
    return bytes >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
            .replace(".0 KiB", " KiB") : bytes + " B";
  }

  private static String colour(int id) {
    return String.format(Locale.ROOT, "hsl(%d,55%%,%d%%)", (id * 67) % 360, 52 + (id % 3) * 9);
  }

  private static String shorten(String label) {
    return label.length() <= 28 ? label : "…" + label.substring(label.length() - 27);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
