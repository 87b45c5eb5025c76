package org.hotline12345.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's results as a Markdown table: each figure for the app, for the bare engine and
 * their ratio (app ÷ bare), followed by notes.
 */
final class Report {

  private record Line(String figure, String app, String bare, String ratio) {}

  private final List<Line> lines = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** A figure measured as one number on each side; the ratio is computed from the two. */
  void add(String figure, double app, double bare, String unit) {
    lines.add(new Line(figure, format(app) + unit, format(bare) + unit, format(app / bare)));
  }

  /** A figure whose sides are several numbers; the ratio compares the one given. */
  void add(String figure, String app, String bare, double appCompared, double bareCompared) {
    lines.add(new Line(figure, app, bare, format(appCompared / bareCompared)));
  }

  /** A figure with no ratio. */
  void add(String figure, String app, String bare) {
    lines.add(new Line(figure, app, bare, "-"));
  }

  void note(String note) {
    notes.add(note);
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| figure | this app | bare engine | ratio (app ÷ bare) |\n");
    out.append("|---|---|---|---|\n");
    for (Line line : lines) {
      out.append("| ")
          .append(line.figure())
          .append(" | ")
          .append(line.app())
          .append(" | ")
          .append(line.bare())
          .append(" | ")
          .append(line.ratio())
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(n -> out.append("- ").append(n).append('\n'));
    }
    return out.toString();
  }

  /** Three significant figures at most, no exponent; "-" for nothing measured. */
  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "-";
    }
    double magnitude = Math.abs(value);
    String pattern =
        magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
