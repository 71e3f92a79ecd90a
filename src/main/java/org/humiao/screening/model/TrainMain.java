package org.humiao.screening.model;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Experiment command line.
 *
 * <pre>
 *   train --train train.csv --dev dev.csv --out model.bin [--preprocess simplified|lower|identity]
 *         [--min-n 1] [--max-n 4] [--bits 21] [--epochs 5] [--lr 0.1] [--l2 1e-6] [--nb true]
 *         [--nb-alpha 1] [--avg true] [--boundary true] [--norm true] [--seed N]
 *   eval  --model model.bin --data dev.csv [--preprocess ...] [--threshold t]
 *   bench --model model.bin --data dev.csv [--preprocess ...]
 * </pre>
 *
 * The dev set is only used to choose (and report) the decision threshold stored in the model.
 */
public final class TrainMain {

  private TrainMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      usage();
      return;
    }
    Map<String, String> a = parse(args);
    switch (args[0]) {
      case "train" -> train(a);
      case "eval" -> eval(a);
      case "bench" -> bench(a);
      case "grid" -> grid(a);
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println("usage: train --train FILE --dev FILE --out FILE [options] | eval --model M --data FILE"
        + " | bench --model M --data FILE");
    System.exit(2);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("bad argument: " + args[i]);
      }
      m.put(args[i].substring(2), args[++i]);
    }
    return m;
  }

  /** Pre-processing used for experiments; the engine passes its own normaliser. */
  public static UnaryOperator<String> preprocessor(String name) {
    return switch (name) {
      case "identity" -> s -> s;
      case "lower" -> s -> s.toLowerCase(Locale.ROOT);
      case "simplified" -> s -> HanLP.convertToSimplifiedChinese(s).toLowerCase(Locale.ROOT);
      default -> throw new IllegalArgumentException("unknown preprocess " + name);
    };
  }

  static ToxicityTrainer.Options options(Map<String, String> a) {
    ToxicityTrainer.Options d = ToxicityTrainer.Options.defaults();
    FeatureConfig f = d.features();
    f = new FeatureConfig(
        Integer.parseInt(a.getOrDefault("min-n", "" + f.minN())),
        Integer.parseInt(a.getOrDefault("max-n", "" + f.maxN())),
        Integer.parseInt(a.getOrDefault("bits", "" + f.bucketBits())),
        f.hashSeed(),
        Boolean.parseBoolean(a.getOrDefault("boundary", "" + f.boundaryMarkers())),
        Boolean.parseBoolean(a.getOrDefault("norm", "" + f.lengthNormalized())));
    return new ToxicityTrainer.Options(
        f,
        Integer.parseInt(a.getOrDefault("epochs", "" + d.epochs())),
        Double.parseDouble(a.getOrDefault("lr", "" + d.learningRate())),
        Double.parseDouble(a.getOrDefault("l2", "" + d.l2())),
        Boolean.parseBoolean(a.getOrDefault("nb", "" + d.nbWeighting())),
        Double.parseDouble(a.getOrDefault("nb-alpha", "" + d.nbAlpha())),
        Boolean.parseBoolean(a.getOrDefault("avg", "" + d.averaging())),
        Long.parseLong(a.getOrDefault("seed", "" + d.seed())));
  }

  private static String req(Map<String, String> a, String k) {
    String v = a.get(k);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + k);
    }
    return v;
  }

  private static void train(Map<String, String> a) throws IOException {
    Path trainPath = Path.of(req(a, "train"));
    Path devPath = Path.of(req(a, "dev"));
    Path out = Path.of(req(a, "out"));
    String ppName = a.getOrDefault("preprocess", "simplified");
    UnaryOperator<String> pp = preprocessor(ppName);
    ToxicityTrainer.Options o = options(a);
    System.out.println("options: " + o.describe() + "; preprocess=" + ppName);

    long t0 = System.nanoTime();
    ToxicityModel model = ToxicityTrainer.train(LabelledCorpus.of(trainPath), o, pp);
    long t1 = System.nanoTime();
    System.out.printf(Locale.ROOT, "trained in %.1f s (incl. reading + preprocessing)%n", (t1 - t0) / 1e9);

    List<LabelledText> dev = new ArrayList<>();
    LabelledCorpus.forEach(devPath, t -> dev.add(new LabelledText(pp.apply(t.text()), t.offensive())));
    UnaryOperator<String> id = s -> s;
    System.out.println("dev @0.5:   " + ToxicityTrainer.evaluate(model, dev, id, 0.5));
    ToxicityTrainer.ThresholdChoice c = ToxicityTrainer.selectThreshold(model, dev, id);
    System.out.printf(Locale.ROOT, "dev @%.4f: %s%n", c.threshold(), c.metrics());
    model = model.withThreshold(c.threshold())
        .withMetadata(o.describe() + "; preprocess=" + ppName + "; threshold=F1-max on " + devPath.getFileName());
    model.write(out);
    System.out.printf(Locale.ROOT, "wrote %s (%d bytes, %d non-zero weights)%n", out, Files.size(out),
        model.nonZeroWeights());
  }

  /** Experiment: sweeps a few option values (comma-separated lists) and prints dev F1 for each. */
  private static void grid(Map<String, String> a) throws IOException {
    UnaryOperator<String> pp = preprocessor(a.getOrDefault("preprocess", "simplified"));
    List<LabelledText> train = new ArrayList<>();
    LabelledCorpus.forEach(Path.of(req(a, "train")), t -> train.add(new LabelledText(pp.apply(t.text()), t.offensive())));
    List<LabelledText> dev = new ArrayList<>();
    LabelledCorpus.forEach(Path.of(req(a, "dev")), t -> dev.add(new LabelledText(pp.apply(t.text()), t.offensive())));
    UnaryOperator<String> id = s -> s;
    String[] keys = {"min-n", "max-n", "bits", "boundary", "norm", "epochs", "lr", "l2", "nb", "nb-alpha", "avg"};
    List<Map<String, String>> combos = new ArrayList<>();
    combos.add(new HashMap<>(a));
    for (String k : keys) {
      if (!a.containsKey(k)) {
        continue;
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> c : combos) {
        for (String v : a.get(k).split(",")) {
          Map<String, String> m = new HashMap<>(c);
          m.put(k, v);
          next.add(m);
        }
      }
      combos = next;
    }
    Map<FeatureConfig, ToxicityTrainer.Dataset> cache = new HashMap<>();
    for (Map<String, String> c : combos) {
      ToxicityTrainer.Options o = options(c);
      ToxicityTrainer.Dataset ds = cache.computeIfAbsent(o.features(), f -> ToxicityTrainer.Dataset.build(train, f, id));
      long t0 = System.nanoTime();
      ToxicityModel m = ToxicityTrainer.train(ds, o);
      long t1 = System.nanoTime();
      ToxicityTrainer.ThresholdChoice ch = ToxicityTrainer.selectThreshold(m, dev, id);
      ClassifierMetrics half = ToxicityTrainer.evaluate(m, dev, id, 0.5);
      System.out.printf(Locale.ROOT, "F1max=%.4f thr=%.3f P=%.4f R=%.4f F1@.5=%.4f %.1fs | %s%n",
          ch.metrics().f1(), ch.threshold(), ch.metrics().precision(), ch.metrics().recall(), half.f1(),
          (t1 - t0) / 1e9, o.describe());
    }
  }

  private static void eval(Map<String, String> a) throws IOException {
    ToxicityModel model = ToxicityModel.read(Path.of(req(a, "model")));
    UnaryOperator<String> pp = preprocessor(a.getOrDefault("preprocess", "simplified"));
    double thr = Double.parseDouble(a.getOrDefault("threshold", "" + model.threshold()));
    System.out.println(model);
    System.out.println("metadata: " + model.metadata());
    System.out.printf(Locale.ROOT, "@%.4f: %s%n", thr,
        ToxicityTrainer.evaluate(model, LabelledCorpus.of(Path.of(req(a, "data"))), pp, thr));
  }

  private static void bench(Map<String, String> a) throws IOException {
    ToxicityModel model = ToxicityModel.read(Path.of(req(a, "model")));
    UnaryOperator<String> pp = preprocessor(a.getOrDefault("preprocess", "simplified"));
    int maxLen = Integer.parseInt(a.getOrDefault("max-len", "20"));
    List<String> lines = new ArrayList<>();
    LabelledCorpus.forEach(Path.of(req(a, "data")), t -> {
      String s = pp.apply(t.text());
      // cut into chat-line-sized pieces
      for (int i = 0; i < s.length(); i += maxLen) {
        lines.add(s.substring(i, Math.min(s.length(), i + maxLen)));
      }
    });
    String[] arr = lines.toArray(new String[0]);
    long chars = 0;
    for (String s : arr) {
      chars += s.length();
    }
    double sink = 0;
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      for (String s : arr) {
        sink += model.score(s);
      }
      long t1 = System.nanoTime();
      System.out.printf(Locale.ROOT, "round %d: %d lines (avg %.1f chars): %.0f ns/line%n", round, arr.length,
          (double) chars / arr.length, (t1 - t0) / (double) arr.length);
    }
    if (a.containsKey("hanlp")) {
      long t0 = System.nanoTime();
      long words = 0;
      for (String s : arr) {
        words += HanLP.segment(s).size();
      }
      long t1 = System.nanoTime();
      System.out.printf(Locale.ROOT, "HanLP.segment: %.0f ns/line (%d words)%n", (t1 - t0) / (double) arr.length, words);
    }
    System.out.println("(sink " + sink + ")");
  }
}
