package org.humiao.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.screening.Evidence;
import org.humiao.screening.InvalidTextException;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.model.ClassifierMetrics;
import org.humiao.screening.model.LabelledCorpus;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code eval FILE}: screens every labelled text and prints, as JSON on the last line, the
 * confusion matrix of flagged (review or block) against the label with precision, recall and F1.
 * {@code --sweep} also prints the figures the model threshold of policy.properties would give at
 * other values, the way model.review is chosen on a dev split.
 */
final class EvalCommand {
  private static final double[] SWEEP = {0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80};

  private EvalCommand() {}

  static int run(String[] argv, PrintStream out) {
    Args args = new Args(argv, 0, Set.of("sweep"));
    if (args.positional().size() != 1) {
      throw new Args.UsageException("eval needs one labelled FILE");
    }
    Path file = Path.of(args.positional().get(0));
    ScreeningEngine engine = Engines.fromArgs(args, Engines.CHINA_CLOCK);
    double modelBoost = engine.policy().modelBoost();
    ClassifierMetrics[] metrics = {new ClassifierMetrics(0, 0, 0, 0)};
    ClassifierMetrics[] swept = new ClassifierMetrics[SWEEP.length];
    java.util.Arrays.fill(swept, metrics[0]);
    long[] rejected = {0};
    LabelledCorpus.forEach(file, item -> {
      ScreeningResult result;
      try {
        result = engine.screen(item.text());
      } catch (InvalidTextException e) {
        rejected[0]++;
        return;
      }
      metrics[0] = metrics[0].plus(result.flagged(), item.offensive());
      boolean flaggedWithoutModel = result.flagged() && !result.reason().equals("model");
      double modelInput = result.modelScore() + (mildOnly(result) ? modelBoost : 0);
      for (int i = 0; i < SWEEP.length; i++) {
        swept[i] = swept[i].plus(flaggedWithoutModel || modelInput >= SWEEP[i], item.offensive());
      }
    });
    if (args.flag("sweep")) {
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

  private static boolean mildOnly(ScreeningResult result) {
    return !result.evidence().isEmpty() && result.evidence().stream().mapToInt(Evidence::severity).max().getAsInt() == 1;
  }

  private static JsonObject json(ClassifierMetrics m) {
    return new JsonObject()
        .put("items", m.total())
        .put("precision", round(m.precision()))
        .put("recall", round(m.recall()))
        .put("f1", round(m.f1()))
        .put("accuracy", round(m.accuracy()))
        .put("confusion", new JsonObject().put("tp", m.tp()).put("fp", m.fp()).put("tn", m.tn()).put("fn", m.fn()));
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
