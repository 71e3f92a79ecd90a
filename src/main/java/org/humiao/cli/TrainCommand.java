package org.humiao.cli;

import io.vertx.core.json.JsonObject;
import org.humiao.screening.Lexicon;
import org.humiao.screening.LexiconLoader;
import org.humiao.screening.TextNormalizer;
import org.humiao.screening.model.LabelledCorpus;
import org.humiao.screening.model.LabelledText;
import org.humiao.screening.model.ToxicityModel;
import org.humiao.screening.model.ToxicityTrainer;
import org.humiao.screening.semantic.SemanticTrainer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code train --train FILE[@N][,FILE[@N]...]}: trains the toxicity model on exactly the text the engine will
 * score, normalized by the lexicon's own normalizer. With {@code --semantic} it trains the whole
 * cascade instead: n-gram model, semantic head and stacker (on out-of-fold scores), written to
 * DIR/model/. Deterministic: the same files give the same model bytes.
 */
final class TrainCommand {
  private TrainCommand() {}

  static int run(String[] argv, PrintStream out) throws Exception {
    Args args = new Args(argv, 0, Set.of("semantic"));
    if (args.flag("semantic")) {
      return runSemantic(args, out);
    }
    Path lexicons = Path.of(args.option("lexicons", Engines.DEFAULT_LEXICONS));
    String trainFiles = args.required("train");
    Path outFile = Path.of(args.option("out", lexicons.resolve("model/toxicity.bin").toString()));
    Lexicon lexicon = LexiconLoader.load(lexicons);
    TextNormalizer normalizer = new TextNormalizer(lexicon.splitCharacters());
    UnaryOperator<String> preprocess = s -> normalizer.normalize(s).text();

    long started = System.nanoTime();
    ToxicityModel model = ToxicityTrainer.train(LabelledText.expanded(SemanticData.rows(trainFiles)), ToxicityTrainer.Options.defaults(), preprocess);
    JsonObject report = new JsonObject()
        .put("train", trainFiles)
        .put("options", ToxicityTrainer.Options.defaults().describe())
        .put("seconds", (System.nanoTime() - started) / 1e9);
    String dev = args.option("dev", null);
    if (dev != null) {
      ToxicityTrainer.ThresholdChoice choice = ToxicityTrainer.selectThreshold(model, LabelledCorpus.of(Path.of(dev)), preprocess);
      model = model.withThreshold(choice.threshold());
      report.put("dev", dev).put("threshold", choice.threshold()).put("devF1", choice.metrics().f1());
    }
    Files.createDirectories(outFile.toAbsolutePath().getParent());
    model.write(outFile);
    out.println(report.put("out", outFile.toString()).put("bytes", Files.size(outFile)).encode());
    return 0;
  }

  /** {@code train --semantic --train FILE [--out-dir DIR]}: the three model files of the cascade. */
  private static int runSemantic(Args args, PrintStream out) throws Exception {
    SemanticData data = SemanticData.open(args);
    String trainFiles = args.required("train");
    Path outDir = Path.of(args.option("out-dir", data.lexicons.resolve("model").toString()));
    long started = System.nanoTime();
    var examples = data.examples(SemanticData.rows(trainFiles));
    double encoded = (System.nanoTime() - started) / 1e9;
    SemanticTrainer.Trained trained = SemanticTrainer.train(examples, data.encoderId(), SemanticTrainer.Options.defaults(data.modelMinLength));
    trained.ngram().write(outDir.resolve("toxicity.bin"));
    trained.head().write(outDir.resolve("semantic-head.bin"));
    trained.stacker().write(outDir.resolve("semantic-stack.bin"));
    out.println(new JsonObject()
        .put("train", trainFiles)
        .put("examples", examples.size())
        .put("encoder", data.encoderId())
        .put("cache", data.cache.file().toString())
        .put("encodeSeconds", encoded)
        .put("trainSeconds", (System.nanoTime() - started) / 1e9 - encoded)
        .put("outDir", outDir.toString())
        .encode());
    data.cache.close();
    return 0;
  }
}
