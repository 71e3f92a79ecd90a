package org.humiao.cli;

import org.humiao.screening.model.ClassifierMetrics;
import org.humiao.screening.model.LabelledText;
import org.humiao.screening.semantic.SemanticHead;
import org.humiao.screening.semantic.SemanticTrainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A quick comparison of semantic-head variants from cached vectors, before the heavy runs: the head
 * alone (at 0.5) on COLD leave-one-topic-out (trained on two topics' train rows and the sentences,
 * judged on the third topic's train and dev rows) and on the sentences' CV folds 0 and 1 (trained on
 * COLD and the other folds). Test scope, run by hand (docs/screening-quality.md, session 9):
 * {@code java -cp target/test-classes:target/humiao.jar org.humiao.cli.HeadHarness COLD_TRAIN COLD_DEV
 * SENTENCES COLD_NOTOPIC CV_FOLDS VARIANT...}, a variant being
 * {@code name:hidden,epochs,l2,bags,balanced}.
 */
public final class HeadHarness {
  private static final int SENTENCE_WEIGHT = 3;

  private HeadHarness() {}

  public static void main(String[] args) throws Exception {
    SemanticData.Options options = new SemanticData.Options();
    options.cache = Path.of(System.getProperty("cache", SemanticData.DEFAULT_CACHE));
    options.threads = 2;
    options.stackFolds = SemanticTrainer.StackFolds.RANDOM;
    SemanticData data = SemanticData.open(Path.of(System.getProperty("lexicons", "lexicons")), options);
    List<SemanticTrainer.Example> cold = data.examples(SemanticData.rows(Path.of(args[0])));
    List<SemanticTrainer.Example> dev = data.examples(SemanticData.rows(Path.of(args[1])));
    List<SemanticTrainer.Example> sentences = data.examples(Corpus.rows(List.of(new Corpus(Path.of(args[2]), SENTENCE_WEIGHT)), "sentences"));
    List<SemanticTrainer.Example> coldNoTopic = data.examples(SemanticData.rows(Path.of(args[3])));
    List<SemanticTrainer.Example> cv = data.examples(Corpus.rows(List.of(new Corpus(Path.of(args[4]), SENTENCE_WEIGHT)), "folds"));
    List<String> parts = List.of("gender", "race", "region", "fold0", "fold1");
    for (int v = 5; v < args.length; v++) {
      String name = args[v].substring(0, args[v].indexOf(':'));
      String[] f = args[v].substring(name.length() + 1).split(",");
      SemanticHead.Options head = SemanticHead.Options.defaults()
          .withShape(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]))
          .withBags(Integer.parseInt(f[3]))
          .withBalanced(Boolean.parseBoolean(f[4]));
      Map<String, ClassifierMetrics> figures = new TreeMap<>();
      ClassifierMetrics loto = ClassifierMetrics.of(0, 0, 0, 0);
      ClassifierMetrics folds = ClassifierMetrics.of(0, 0, 0, 0);
      long started = System.nanoTime();
      for (String part : parts) {
        boolean isFold = part.startsWith("fold");
        List<SemanticTrainer.Example> train = new ArrayList<>();
        List<SemanticTrainer.Example> judged = new ArrayList<>();
        if (isFold) {
          // as eval --loto --judge-topics fold0,fold1: COLD and every other row train, the part's rows are judged
          train.addAll(coldNoTopic);
          cv.forEach(e -> (e.topic().equals(part) ? judged : train).add(e));
        } else {
          cold.stream().filter(e -> !e.topic().equals(part)).forEach(train::add);
          train.addAll(sentences);
          cold.stream().filter(e -> e.topic().equals(part)).forEach(judged::add);
          dev.stream().filter(e -> e.topic().equals(part)).forEach(judged::add);
        }
        SemanticHead trained = SemanticTrainer.trainHead(train, data.encoderId(), head);
        ClassifierMetrics m = ClassifierMetrics.of(0, 0, 0, 0);
        for (SemanticTrainer.Example e : judged) {
          m = m.plus(trained.score(e.vector()) >= 0.5, e.offensive());
        }
        figures.put(part, m);
        if (isFold) {
          folds = add(folds, m);
        } else {
          loto = add(loto, m);
        }
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s loto %.4f cv01 %.4f |", name, loto.macroF1(), folds.macroF1()));
      figures.forEach((part, m) -> line.append(String.format(Locale.ROOT, " %s %.4f", part, m.macroF1())));
      line.append(String.format(Locale.ROOT, " | cv01 innocent flagged %d | %.0f s", folds.fp(), (System.nanoTime() - started) / 1e9));
      System.out.println(line);
    }
    data.cache.close();
  }

  private static ClassifierMetrics add(ClassifierMetrics a, ClassifierMetrics b) {
    return ClassifierMetrics.of(a.tp() + b.tp(), a.fp() + b.fp(), a.tn() + b.tn(), a.fn() + b.fn());
  }
}
