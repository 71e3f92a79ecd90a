package org.humiao.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.screening.Evidence;
import org.humiao.screening.InvalidTextException;
import org.humiao.screening.Reason;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.TextLimits;
import org.humiao.screening.Tier;
import org.humiao.screening.model.ClassifierMetrics;
import org.humiao.screening.model.LabelledCorpus;
import org.humiao.screening.model.LabelledText;
import org.humiao.screening.model.ToxicityModel;
import org.humiao.screening.semantic.SemanticModels;
import org.humiao.screening.semantic.SemanticPolicy;
import org.humiao.screening.semantic.SemanticTier;
import org.humiao.screening.semantic.SemanticTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code eval FILE}: screens every labelled text and prints, as JSON on the last line, the
 * confusion matrix of flagged (review or block) against the label with precision, recall, F1 of
 * the offensive class, macro-F1 and accuracy. {@code --sweep} also prints the figures the model
 * threshold of policy.properties would give at other values. {@code --semantic} screens with the
 * semantic tier on (vectors from the training cache) and adds each model's figures alone.
 * {@code --loto TRAIN} adds leave-one-topic-out: for each topic, the cascade is trained on the
 * other topics' rows of TRAIN and judged on that topic's rows of TRAIN and FILE.
 */
@Command(name = "eval", sortOptions = false, description = "precision, recall, F1, macro-F1 and accuracy of flagged (review or block) against the label of a labelled CSV (columns TEXT/text, label, optional topic) or JSONL file, as JSON on the last line")
final class EvalCommand implements Callable<Integer> {
  private static final double[] SWEEP = {0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80};
  private static final double[] HEAD_AGREE_SWEEP = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5};
  private static final double[] AIMLESS_SWEEP = {0.0, 0.1, 0.2, 0.3, 0.4, 0.45, 0.51};

  @Parameters(paramLabel = "FILE", description = "the labelled file")
  Path file;

  @Option(names = "--sweep", description = "also the n-gram threshold's figures at other values")
  boolean sweep;

  @Option(names = "--semantic", description = "the semantic tier on, and each model alone, stacked and both engines")
  boolean semantic;

  @Option(names = "--loto", paramLabel = "TRAIN[@N]", split = ",", converter = Corpus.Converter.class,
      description = "leave-one-topic-out: train on the other topics of TRAIN (files with commas between; rows "
          + "without a topic always train, @N counts a file's rows N times), judge each topic's rows of TRAIN and FILE")
  List<Corpus> loto;

  @Option(names = "--judge-topics", paramLabel = "TOPIC", split = ",",
      description = "with --loto: judge only these topics (the others always train), e.g. two folds of a cross-validation")
  List<String> judgeTopics;

  @Option(names = "--baseline-lexicons", paramLabel = "DIR",
      description = "with --loto: also judge each held-out part with the lexicons of DIR and the same trained models, "
          + "a paired before/after of a lexicon change at the cost of one training")
  Path baselineLexicons;

  @Option(names = "--deals", paramLabel = "N", defaultValue = "1",
      description = "with --loto: the whole leave-one-topic-out N times, deal d (0 to N-1) of the same training dealing "
          + "the stacker's folds with the fold seed + d and starting the semantic heads from their seed + d (each line names "
          + "both); prints each "
          + "deal's lines, then each topic's and the pooled macro-F1 and accuracy over the deals (mean, sd, min, max); "
          + "--errors writes deal 0's (default: ${DEFAULT-VALUE}, the lines of one training as before)")
  int deals;

  @Option(names = "--errors", paramLabel = "OUT",
      description = "with --semantic or --loto: write the cascade's false flags and misses to OUT as TSV "
          + "(set, kind fp|fn, reason, n-gram, semantic and stacked probabilities, text) to group them into classes")
  Path errors;

  @Mixin
  Engines engines;

  @Mixin
  SemanticData.Options semanticOptions;

  @Mixin
  Progress.Flag progress;

  private final PrintStream out;
  private final PrintStream err;

  EvalCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    CommandFailure.readableFile(file, "labelled file", Corpus.LABELLED_HINT);
    if (deals != 1 && loto == null) {
      throw new CommandFailure("--deals goes with --loto: it repeats the leave-one-topic-out's training");
    }
    if (loto != null) {
      return runLoto(loto, file);
    }
    if (semantic) {
      return runSemantic(file);
    }
    ScreeningEngine engine = engines.engine(Engines.CHINA_CLOCK);
    Progress shown = progress.start("eval", () -> Progress.countLines(file), err);
    double modelBoost = engine.policy().modelBoost();
    ClassifierMetrics[] metrics = {new ClassifierMetrics(0, 0, 0, 0)};
    ClassifierMetrics[] swept = new ClassifierMetrics[SWEEP.length];
    Arrays.fill(swept, metrics[0]);
    long[] rejected = {0};
    LabelledCorpus.forEach(file, item -> {
      ScreeningResult result;
      try {
        result = engine.screen(item.text(), Engines.UNHURRIED);
      } catch (InvalidTextException e) {
        rejected[0]++;
        shown.step();
        return;
      }
      shown.step();
      metrics[0] = metrics[0].plus(result.flagged(), item.offensive());
      boolean flaggedWithoutModel = result.flagged() && result.reason() != Reason.MODEL;
      double modelInput = result.modelScore() + (mildOnly(result) ? modelBoost : 0);
      for (int i = 0; i < SWEEP.length; i++) {
        swept[i] = swept[i].plus(flaggedWithoutModel || modelInput >= SWEEP[i], item.offensive());
      }
    });
    shown.finish();
    if (sweep) {
      JsonArray sweep = new JsonArray();
      for (int i = 0; i < SWEEP.length; i++) {
        sweep.add(json(swept[i]).put("modelReview", SWEEP[i]));
      }
      out.println(new JsonObject().put("sweep", sweep).encode());
    }
    out.println(json(metrics[0])
        .put("file", file.toString())
        .put("rejected", rejected[0])
        .put("lexiconVersion", engine.version())
        .encode());
    return 0;
  }

  /** The shipped cascade on FILE: each model alone, the stack, and the engine with the tier off and on. */
  private int runSemantic(Path file) throws IOException {
    SemanticData data = SemanticData.open(engines.lexicons(), semanticOptions);
    List<LabelledText> rows = SemanticData.rows(file);
    List<Scored> scored = new ArrayList<>();
    JsonObject report = judge(data, data.lexicons, rows, scored);
    out.println(report.put("file", file.toString()).encode());
    writeErrors(scored);
    data.cache.close();
    return 0;
  }

  /**
   * Leave-one-topic-out: train on two topics of TRAIN, judge on the third's rows of TRAIN and FILE;
   * with {@code --deals N}, N times, each deal of the same training (see {@link SemanticTrainer.Options#dealt}).
   */
  private int runLoto(List<Corpus> trainFiles, Path file) throws IOException {
    if (deals < 1) {
      throw new CommandFailure("--deals must be at least 1, not " + deals);
    }
    List<Corpus.Row> train = Corpus.sourcedRows(trainFiles, "training file");
    SemanticData data = SemanticData.open(engines.lexicons(), semanticOptions);
    List<LabelledText> held = Stream.concat(train.stream().map(Corpus.Row::text), SemanticData.rows(file).stream()).toList();
    TreeSet<String> topics = new TreeSet<>();
    train.forEach(r -> topics.add(r.text().topic()));
    topics.remove("");
    if (topics.size() < 2) {
      throw new CommandFailure("--loto needs a topic column with at least two topics in " + Corpus.describe(trainFiles)
          + "; give a CSV with a topic column (COLD's train split has three)");
    }
    if (judgeTopics != null) {
      List<String> unknown = judgeTopics.stream().filter(t -> !topics.contains(t)).toList();
      if (!unknown.isEmpty()) {
        throw new CommandFailure("--judge-topics " + unknown + " not among the topics of " + Corpus.describe(trainFiles) + ": " + topics);
      }
      topics.retainAll(judgeTopics);
    }
    SemanticTrainer.Options trainer = data.trainerOptions();
    // [deal] -> the judged texts of every topic, in topic order
    List<List<Scored>> pooled = perDeal();
    List<List<Scored>> pooledBaseline = perDeal();
    // topic -> [deal] -> that topic's judged texts
    Map<String, List<List<Scored>>> byTopic = new LinkedHashMap<>();
    for (String topic : topics) {
      List<Corpus.Row> in = train.stream().filter(r -> !r.text().topic().equals(topic)).toList();
      List<LabelledText> out1 = held.stream().filter(r -> r.topic().equals(topic)).toList();
      List<SemanticTrainer.Example> examples = data.trainingExamples(in);
      // the n-gram model on all of the other topics does not depend on the deal: trained once
      ToxicityModel ngram = SemanticTrainer.trainNgram(examples, trainer);
      byTopic.put(topic, perDeal());
      for (int d = 0; d < deals; d++) {
        SemanticTrainer.Options dealt = trainer.dealt(d);
        SemanticTrainer.Trained trained = SemanticTrainer.train(examples, data.encoderId(), dealt, ngram);
        List<Scored> scored = byTopic.get(topic).get(d);
        JsonObject report = judge(data, withModels(data.lexicons, trained, topic), out1, scored);
        pooled.get(d).addAll(scored);
        out.println(dealLine(d, dealt).put("heldOutTopic", topic).mergeIn(report.put("trainedOn", in.size())).encode());
        if (baselineLexicons != null) {
          List<Scored> before = new ArrayList<>();
          JsonObject baseline = judge(data, withModels(baselineLexicons, trained, topic), out1, before);
          pooledBaseline.get(d).addAll(before);
          out.println(dealLine(d, dealt).put("heldOutTopic", topic).put("lexicons", baselineLexicons.toString()).mergeIn(baseline).encode());
        }
      }
    }
    for (int d = 0; d < deals; d++) {
      if (baselineLexicons != null) {
        out.println(dealLine(d, trainer.dealt(d))
            .put("loto", "pooled over " + topics)
            .put("lexicons", baselineLexicons.toString())
            .put("pooled", summary(pooledBaseline.get(d), data.modelMinLength))
            .encode());
      }
      out.println(dealLine(d, trainer.dealt(d))
          .put("loto", "pooled over " + topics)
          .put("stackSweep", stackSweep(pooled.get(d), data.modelMinLength))
          .put("headAgreeSweep", headAgreeSweep(pooled.get(d)))
          .put("aimlessSweep", aimlessSweep(pooled.get(d), SemanticPolicy.from(policyOf(data.lexicons)).review()))
          .put("pooled", summary(pooled.get(d), data.modelMinLength))
          .encode());
    }
    if (deals > 1) {
      JsonArray seeds = new JsonArray();
      for (int d = 0; d < deals; d++) {
        seeds.add(dealLine(d, trainer.dealt(d)));
      }
      JsonObject topicsSpread = new JsonObject();
      byTopic.forEach((topic, scored) -> topicsSpread.put(topic, spread(scored)));
      if (baselineLexicons != null) {
        out.println(new JsonObject()
            .put("loto", deals + " deals pooled over " + topics)
            .put("lexicons", baselineLexicons.toString())
            .put("deals", seeds)
            .put("pooled", spread(pooledBaseline))
            .encode());
      }
      out.println(new JsonObject()
          .put("loto", deals + " deals pooled over " + topics)
          .put("deals", seeds)
          .put("byTopic", topicsSpread)
          .put("pooled", spread(pooled))
          .encode());
    }
    writeErrors(pooled.get(0));
    data.cache.close();
    return 0;
  }

  private List<List<Scored>> perDeal() {
    List<List<Scored>> lists = new ArrayList<>();
    for (int d = 0; d < deals; d++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  /** A line's deal and its seeds, or nothing with one deal, whose lines are those of a run without --deals. */
  private JsonObject dealLine(int d, SemanticTrainer.Options dealt) {
    JsonObject line = new JsonObject();
    return deals == 1 ? line : line.put("deal", d).put("foldSeed", dealt.seed()).put("headSeed", dealt.head().seed());
  }

  /** Both engines' macro-F1 and accuracy over the deals. */
  private static JsonObject spread(List<List<Scored>> byDeal) {
    return new JsonObject()
        .put("engineCascade", spread(byDeal, Scored::cascade))
        .put("engineFast", spread(byDeal, Scored::fast));
  }

  private static JsonObject spread(List<List<Scored>> byDeal, Predicate<Scored> flagged) {
    List<ClassifierMetrics> m = byDeal.stream().map(s -> metrics(s, flagged)).toList();
    return new JsonObject()
        .put("macroF1", spread(m.stream().mapToDouble(ClassifierMetrics::macroF1).toArray()))
        .put("accuracy", spread(m.stream().mapToDouble(ClassifierMetrics::accuracy).toArray()));
  }

  /** Mean, sample standard deviation, min and max of one figure over the deals, and each deal's value. */
  private static JsonObject spread(double[] values) {
    DoubleSummaryStatistics stats = Arrays.stream(values).summaryStatistics();
    double mean = stats.getAverage();
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    JsonArray each = new JsonArray();
    Arrays.stream(values).forEach(v -> each.add(round(v)));
    return new JsonObject()
        .put("mean", round(mean))
        .put("sd", round(Math.sqrt(squares / (values.length - 1))))
        .put("min", round(stats.getMin()))
        .put("max", round(stats.getMax()))
        .put("byDeal", each);
  }

  /** A copy of the lexicons directory holding the models trained for one held-out part. */
  private static Path withModels(Path lexicons, SemanticTrainer.Trained trained, String topic) throws IOException {
    Path dir = Files.createTempDirectory("humiao-loto-" + topic);
    copyTree(lexicons, dir);
    trained.ngram().write(dir.resolve("model/toxicity.bin"));
    trained.semanticModels().write(dir.resolve("model"));
    return dir;
  }

  /**
   * One judged text: label, normalized length, each model's probability and both engines' verdicts.
   *
   * @param heads each semantic head's probability, the comments' head (or the only one) first
   * @param flipped the cascade flagged by the stack a text the fast tier let pass
   * @param aimless a scoreable text that names no one, by semantic.short-cues
   * @param flipScore the score the engine held against its threshold for the flip (the stack's, with the boost of
   *     a mild term), NaN when the tier did not run
   */
  private record Scored(LabelledText row, boolean offensive, int length, double ngram, double[] heads, double stacked,
      boolean fast, boolean cascade, boolean tierRan, String why, boolean flipped, boolean aimless, double flipScore) {

    /** The cascade's verdict had semantic.head-agree been {@code agree} (at or above the judged policy's value). */
    boolean cascadeGuarded(double agree) {
      return cascade && !(flipped && SemanticModels.headVote(heads) < agree);
    }

    /** The cascade's verdict had an aimless flip needed {@code needed} (at or above what the judged policy asked). */
    boolean cascadeAimed(double needed) {
      return cascade && !(flipped && aimless && flipScore < needed);
    }
  }

  /** The cascade's wrong verdicts, one TSV line each, when --errors asks for them. */
  private void writeErrors(List<Scored> scored) throws IOException {
    if (errors == null) {
      return;
    }
    List<String> lines = new ArrayList<>();
    for (Scored s : scored) {
      if (s.cascade() != s.offensive()) {
        lines.add(String.join("\t", s.row().topic(), s.offensive() ? "fn" : "fp", s.why(),
            String.format(java.util.Locale.ROOT, "%.3f\t%.3f\t%.3f", s.ngram(), s.heads()[0], s.stacked()),
            s.row().text().replace('\t', ' ').replace('\n', ' ')));
      }
    }
    Files.write(errors, lines, StandardCharsets.UTF_8);
  }

  private JsonObject judge(SemanticData data, Path lexicons, List<LabelledText> rows, List<Scored> scored) throws IOException {
    var examples = data.examples(rows);
    SemanticPolicy semanticPolicy = SemanticPolicy.from(policyOf(lexicons));
    try (ScreeningEngine fast = engines.builder(lexicons).build();
         ScreeningEngine cascade = engines.builder(lexicons)
             .limits(new TextLimits(TextLimits.DEFAULT_MAX_LENGTH))
             .semanticTier(new SemanticTier(data.cache.asEncoder(), new SemanticTier.Settings(1, 1024, 1)))
             .build()) {
      ToxicityModel ngram = ToxicityModel.read(lexicons.resolve("model/toxicity.bin"));
      SemanticModels models = SemanticModels.read(lexicons.resolve("model"));
      for (int i = 0; i < rows.size(); i++) {
        var e = examples.get(i);
        ScreeningResult f;
        ScreeningResult c;
        try {
          // both unhurried: on a loaded machine the service's budget would hold a text for review, a verdict of the load
          f = fast.screen(rows.get(i).text(), Engines.UNHURRIED);
          c = cascade.screen(rows.get(i).text(), Engines.UNHURRIED);
        } catch (InvalidTextException ex) {
          continue;
        }
        double n = ngram.score(e.text());
        double[] heads = models.headScores(e.vector());
        boolean mild = c.evidence().stream().mapToInt(Evidence::severity).max().orElse(0) == 1;
        double flipScore = c.semanticScore().orElse(Double.NaN) + (mild ? cascade.policy().modelBoost() : 0);
        scored.add(new Scored(rows.get(i), e.offensive(), e.text().length(), n, heads,
            models.stacker().score(n, heads, e.text().length()),
            f.flagged(), c.flagged(), c.tiers().contains(Tier.SEMANTIC), why(c), !f.flagged() && c.reason() == Reason.SEMANTIC,
            e.text().length() >= fast.policy().modelMinLength() && !semanticPolicy.namesSomeone(e.text()), flipScore));
      }
      JsonObject report = summary(scored, fast.policy().modelReview(), semanticPolicy, fast.policy().modelMinLength());
      // in the causes' order: the stats' map iterates in an order that changes from one JVM to the next
      cascade.semanticStats().ifPresent(st -> report.put("skipped", new TreeMap<>(st.skipped()).toString()));
      return report;
    }
  }

  /** Both engines on all texts, and on the short ones the n-gram model leaves alone. */
  private static JsonObject summary(List<Scored> scored, int minLength) {
    List<Scored> shortOnes = scored.stream().filter(s -> s.length() < minLength).toList();
    return new JsonObject()
        .put("engineFast", json(metrics(scored, Scored::fast)))
        .put("engineCascade", json(metrics(scored, Scored::cascade)))
        .put("tierShare", round(share(scored)))
        .put("shortEngineFast", json(metrics(shortOnes, Scored::fast)))
        .put("shortEngineCascade", json(metrics(shortOnes, Scored::cascade)));
  }

  private static JsonObject summary(List<Scored> scored, double modelReview, SemanticPolicy p, int minLength) {
    JsonObject report = summary(scored, minLength)
        .put("ngramAlone", json(metrics(scored, s -> s.ngram() >= modelReview)))
        .put("semanticAlone", json(metrics(scored, s -> s.heads()[0] >= 0.5)));
    if (!scored.isEmpty() && scored.get(0).heads().length > 1) {
      report.put("sentencesHeadAlone", json(metrics(scored, s -> s.heads()[1] >= 0.5)));
    }
    return report
        .put("stacked", json(metrics(scored, s -> s.stacked() >= (s.length() < minLength ? p.shortReview() : p.review()))))
        .put("headAgreeSweep", headAgreeSweep(scored))
        .put("aimlessSweep", aimlessSweep(scored, p.review()))
        .put("items", scored.size());
  }

  /** The cascade at other semantic.head-agree values, derived from the judged verdicts (the stack's flips undone). */
  private static JsonArray headAgreeSweep(List<Scored> scored) {
    JsonArray sweep = new JsonArray();
    for (double agree : HEAD_AGREE_SWEEP) {
      sweep.add(json(metrics(scored, s -> s.cascadeGuarded(agree))).put("headAgree", agree));
    }
    return sweep;
  }

  /**
   * The cascade at other semantic.aimless-lift values over {@code review}, derived from the judged verdicts (the aimless
   * flips under review + lift undone); valid at and above the judged policy's lift.
   */
  private static JsonArray aimlessSweep(List<Scored> scored, double review) {
    JsonArray sweep = new JsonArray();
    for (double lift : AIMLESS_SWEEP) {
      sweep.add(json(metrics(scored, s -> s.cascadeAimed(review + lift))).put("aimlessLift", lift)
          .put("aimlessFlips", scored.stream().filter(s -> s.flipped() && s.aimless() && s.flipScore() >= review + lift).count()));
    }
    return sweep;
  }

  private static double share(List<Scored> scored) {
    return scored.isEmpty() ? 0 : (double) scored.stream().filter(Scored::tierRan).count() / scored.size();
  }

  /** Stacked probability thresholds: for long texts (short ones at 0.5) and for short ones alone. */
  private static JsonObject stackSweep(List<Scored> pooled, int minLength) {
    JsonArray longTexts = new JsonArray();
    JsonArray shortTexts = new JsonArray();
    for (double t : SWEEP) {
      longTexts.add(json(metrics(pooled.stream().filter(s -> s.length() >= minLength).toList(), s -> s.stacked() >= t)).put("threshold", t));
      shortTexts.add(json(metrics(pooled.stream().filter(s -> s.length() < minLength).toList(), s -> s.stacked() >= t)).put("threshold", t));
    }
    return new JsonObject().put("long", longTexts).put("short", shortTexts);
  }

  private static ClassifierMetrics metrics(List<Scored> scored, Predicate<Scored> flagged) {
    ClassifierMetrics m = new ClassifierMetrics(0, 0, 0, 0);
    for (Scored s : scored) {
      m = m.plus(flagged.test(s), s.offensive());
    }
    return m;
  }

  private static Properties policyOf(Path lexicons) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(lexicons.resolve("policy.properties"))) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The deciding reason and the evidence behind it, e.g. {@code lexicon:傻逼/insult/3}. */
  private static String why(ScreeningResult result) {
    StringBuilder b = new StringBuilder(result.reason().id());
    for (Evidence e : result.evidence()) {
      b.append(b.indexOf(":") < 0 ? ":" : ",").append(e.term()).append('/').append(e.category().id()).append('/').append(e.severity());
    }
    return b.toString();
  }

  private static boolean mildOnly(ScreeningResult result) {
    return !result.evidence().isEmpty() && result.evidence().stream().mapToInt(Evidence::severity).max().getAsInt() == 1;
  }

  private static JsonObject json(ClassifierMetrics m) {
    return new JsonObject()
        .put("items", m.total())
        .put("precision", round(m.precision()))
        .put("recall", round(m.recall()))
        .put("f1", round(m.f1()))
        .put("macroF1", round(m.macroF1()))
        .put("accuracy", round(m.accuracy()))
        .put("confusion", new JsonObject().put("tp", m.tp()).put("fp", m.fp()).put("tn", m.tn()).put("fn", m.fn()));
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
