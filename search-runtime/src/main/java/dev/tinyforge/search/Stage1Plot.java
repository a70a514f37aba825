package dev.tinyforge.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * MCUNet Fig. 3 as SVG: the cumulative distribution of MACs of the networks that fit, one curve
 * per space. Showing all spaces would be unreadable: the chosen space and, for each width, its
 * best resolution, up to {@link #MAX_CURVES} curves, in order of mean MACs.
 */
public final class Stage1Plot {
  public static final int MAX_CURVES = 8;

  private static final int WIDTH = 760;
  private static final int HEIGHT = 460;
  private static final int LEFT = 70;
  private static final int RIGHT = 250;
  private static final int TOP = 56;
  private static final int BOTTOM = 60;
  private static final String[] COLORS = {
      "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

  private Stage1Plot() {}

  public static String svg(Stage1Result result) {
    List<SpaceStats> curves = curves(result);
    double maxMacs = 0;
    for (SpaceStats stats : curves) {
      maxMacs = Math.max(maxMacs, stats.macQuantiles().get(100));
    }
    double xMax = niceCeiling(maxMacs / 1e6);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
        WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(text(LEFT, 20, 14, "start", escape(title(result))));
    svg.append(text(LEFT, 38, 12, "start", escape(subtitle(result))));
    // Axes with ticks: MACs (millions) across, cumulative fraction up.
    for (int i = 0; i <= 5; i++) {
      double x = LEFT + plotW * i / 5.0;
      double y = TOP + plotH - plotH * i / 5.0;
      svg.append(line(x, TOP, x, TOP + plotH, "#e0e0e0"));
      svg.append(line(LEFT, y, LEFT + plotW, y, "#e0e0e0"));
      svg.append(text(x, TOP + plotH + 18, 12, "middle", number(xMax * i / 5.0)));
      svg.append(text(LEFT - 8, y + 4, 12, "end", number(i / 5.0)));
    }
    svg.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "black"));
    svg.append(line(LEFT, TOP, LEFT, TOP + plotH, "black"));
    svg.append(text(LEFT + plotW / 2.0, HEIGHT - 18, 12, "middle",
        "MACs of the networks that fit (millions)"));
    svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\""
        + " transform=\"rotate(-90 18 %.1f)\">cumulative probability</text>\n",
        TOP + plotH / 2.0, TOP + plotH / 2.0));
    Stage1Result.Choice chosen = result.chosen();
    for (int c = 0; c < curves.size(); c++) {
      SpaceStats stats = curves.get(c);
      boolean isChosen = chosen != null && stats.width() == chosen.width()
          && stats.resolution() == chosen.resolution();
      StringBuilder points = new StringBuilder();
      List<Long> q = stats.macQuantiles();
      for (int k = 0; k < q.size(); k++) {
        double x = LEFT + plotW * (q.get(k) / 1e6) / xMax;
        double y = TOP + plotH - plotH * k / 100.0;
        points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", k == 0 ? "" : " ", x, y));
      }
      String color = COLORS[c % COLORS.length];
      svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\""
          + " stroke-width=\"%s\" points=\"%s\"/>\n", color, isChosen ? "3" : "1.5", points));
      double meanX = LEFT + plotW * (stats.meanMacs() / 1e6) / xMax;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
          + " stroke=\"%s\" stroke-dasharray=\"4 3\"/>\n", meanX, TOP + plotH - 8, meanX,
          TOP + plotH, color));
      int ly = TOP + 10 + c * 38;
      int lx = LEFT + plotW + 20;
      svg.append(line(lx, ly, lx + 24, ly, color, isChosen ? 3 : 1.5));
      svg.append(text(lx + 30, ly + 4, 12, "start",
          stats.label() + (isChosen ? " (chosen)" : "")));
      svg.append(text(lx + 30, ly + 19, 11, "start", String.format(Locale.ROOT,
          "mean %.2fM MACs, %.1f%% fit", stats.meanMacs() / 1e6, 100 * stats.fittingFraction())));
    }
    if (curves.isEmpty()) {
      svg.append(text(LEFT + plotW / 2.0, TOP + plotH / 2.0, 14, "middle",
          "no sampled network fits the budgets"));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** The chosen space first, then each width's best resolution, by mean MACs. */
  static List<SpaceStats> curves(Stage1Result result) {
    List<SpaceStats> best = new ArrayList<>();
    for (double width : result.space().widths()) {
      SpaceStats top = null;
      for (SpaceStats stats : result.spaces()) {
        if (stats.width() == width && stats.fitting() > 0
            && (top == null || stats.meanMacs() > top.meanMacs())) {
          top = stats;
        }
      }
      if (top != null) {
        best.add(top);
      }
    }
    best.sort(Comparator.comparingDouble(SpaceStats::meanMacs).reversed());
    SpaceStats chosen = result.chosenStats();
    List<SpaceStats> curves = new ArrayList<>();
    if (chosen != null) {
      curves.add(chosen);
    }
    for (SpaceStats stats : best) {
      if (curves.size() < MAX_CURVES && !curves.contains(stats)) {
        curves.add(stats);
      }
    }
    curves.sort(Comparator.comparingDouble(SpaceStats::meanMacs).reversed());
    return curves;
  }

  private static String title(Stage1Result result) {
    String chosen = result.chosen() == null ? "nothing fits"
        : "chosen w" + result.chosen().width() + "-r" + result.chosen().resolution();
    return "TinyNAS stage 1: " + result.space().task().name() + " on " + result.settings().board()
        + ", " + chosen;
  }

  private static String subtitle(Stage1Result result) {
    Stage1Settings s = result.settings();
    return String.format(Locale.ROOT, "SRAM <= %s, flash <= %s; %d sampled networks per space"
        + " (seed %d); dashes mark the means", kib(s.sramBytes()), kib(s.flashBytes()),
        s.samples(), s.seed());
  }

  private static String kib(long bytes) {
    return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
  }

  /** 1, 2, 2.5 or 5 times a power of ten, at least {@code value}. */
  static double niceCeiling(double value) {
    if (!(value > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String number(double value) {
    String s = String.format(Locale.ROOT, "%.2f", value);
    return s.replaceAll("\\.?0+$", "");
  }

  private static String line(double x1, double y1, double x2, double y2, String color) {
    return line(x1, y1, x2, y2, color, 1);
  }

  private static String line(double x1, double y1, double x2, double y2, String color,
      double width) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
        + " stroke=\"%s\" stroke-width=\"%s\"/>\n", x1, y1, x2, y2, color, number(width));
  }

  private static String text(double x, double y, int size, String anchor, String content) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\""
        + " text-anchor=\"%s\">%s</text>\n", x, y, size, anchor, content);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
