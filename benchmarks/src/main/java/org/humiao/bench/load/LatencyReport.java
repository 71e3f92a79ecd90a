package org.humiao.bench.load;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/** A load run written as JSON (machine), Markdown (docs/performance.md) and a PNG latency-by-percentile plot. */
final class LatencyReport {
  private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99, 100};

  private LatencyReport() {}

  static void write(LoadOptions options, LoadResult result) throws IOException {
    Path out = options.out();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(Path.of(out + ".json"), json(options, result).encodePrettily());
    Files.writeString(Path.of(out + ".md"), markdown(options, result));
    ImageIO.write(plot(options, result), "png", Path.of(out + ".png").toFile());
  }

  static JsonObject json(LoadOptions options, LoadResult result) {
    JsonObject percentiles = new JsonObject();
    for (double p : PERCENTILES) {
      percentiles.put("p" + label(p), millis(result.latency().getValueAtPercentile(p)));
    }
    JsonObject outcomes = new JsonObject();
    result.outcomes().forEach(outcomes::put);
    return new JsonObject()
        .put("scenario", options.scenario())
        .put("targetRate", options.rate() == 0 ? "saturation" : options.rate())
        .put("connections", options.connections())
        .put("warmupSeconds", options.warmup().toSeconds())
        .put("durationSeconds", options.duration().toSeconds())
        .put("requests", result.latency().getTotalCount())
        .put("throughputPerSecond", Math.round(result.throughput()))
        .put("successes", result.successes())
        .put("outcomes", outcomes)
        .put("attackerOutcomes", new JsonObject(new LinkedHashMap<>(result.attacker())))
        .put("latencyMillis", percentiles.put("mean", millis((long) result.latency().getMean())));
  }

  static String markdown(LoadOptions options, LoadResult result) {
    StringBuilder sb = new StringBuilder();
    sb.append("| scenario | target rate | achieved req/s | ok | ");
    for (double p : PERCENTILES) {
      sb.append("p").append(label(p)).append(" ms | ");
    }
    sb.append("\n|---|---|---|---|").append("---|".repeat(PERCENTILES.length)).append('\n');
    sb.append("| ").append(options.scenario())
        .append(" | ").append(options.rate() == 0 ? "saturation (" + options.connections() + " conns)" : options.rate() + "/s")
        .append(" | ").append(Math.round(result.throughput()))
        .append(" | ").append(result.successes()).append('/').append(result.latency().getTotalCount()).append(" | ");
    for (double p : PERCENTILES) {
      sb.append(String.format(Locale.ROOT, "%.2f", millis(result.latency().getValueAtPercentile(p)))).append(" | ");
    }
    sb.append('\n');
    if (!result.attacker().isEmpty()) {
      sb.append("\nthe other key's requests answered while measuring: ").append(result.attacker()).append('\n');
    }
    return sb.toString();
  }

  /** Latency against percentile on the usual log scale: x = log10(1 / (1 - p)). */
  private static BufferedImage plot(LoadOptions options, LoadResult result) {
    int width = 900;
    int height = 500;
    int left = 80;
    int right = 30;
    int top = 50;
    int bottom = 60;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);

    Histogram h = result.latency();
    List<double[]> points = new ArrayList<>();
    for (HistogramIterationValue v : h.percentiles(5)) {
      double p = Math.min(v.getPercentileLevelIteratedTo(), 99.999) / 100;
      points.add(new double[] {Math.log10(1 / (1 - p)), millis(v.getValueIteratedTo())});
    }
    double maxX = 5;
    double maxY = Math.max(1, millis(h.getMaxValue()) * 1.1);
    int plotW = width - left - right;
    int plotH = height - top - bottom;

    g.setColor(Color.LIGHT_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    String[] xLabels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
    for (int i = 0; i <= 5; i++) {
      int x = left + (int) (plotW * i / maxX);
      g.drawLine(x, top, x, top + plotH);
      g.setColor(Color.DARK_GRAY);
      g.drawString(xLabels[i], x - 15, top + plotH + 20);
      g.setColor(Color.LIGHT_GRAY);
    }
    for (int i = 0; i <= 5; i++) {
      int y = top + plotH - plotH * i / 5;
      g.drawLine(left, y, left + plotW, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.2f", maxY * i / 5), 10, y + 4);
      g.setColor(Color.LIGHT_GRAY);
    }
    g.setColor(new Color(0x1f, 0x77, 0xb4));
    g.setStroke(new BasicStroke(2f));
    for (int i = 1; i < points.size(); i++) {
      double[] a = points.get(i - 1);
      double[] b = points.get(i);
      g.drawLine(left + (int) (plotW * a[0] / maxX), top + plotH - (int) (plotH * a[1] / maxY),
          left + (int) (plotW * b[0] / maxX), top + plotH - (int) (plotH * b[1] / maxY));
    }
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(String.format(Locale.ROOT, "Humiao %s, %s: %d req/s achieved, latency (ms) by percentile",
        options.scenario(), options.rate() == 0 ? "saturation" : options.rate() + " req/s target",
        Math.round(result.throughput())), left, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString("percentile (log scale); latency measured from when each request was due", left, height - 15);
    g.dispose();
    return image;
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }

  private static String label(double p) {
    return p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p).replace(".", "_");
  }
}
