package org.humiao.cli;

import io.vertx.core.json.JsonObject;
import org.humiao.screening.Lexicon;
import org.humiao.screening.LexiconLoader;
import org.humiao.screening.TextNormalizer;
import org.humiao.screening.model.LabelledCorpus;
import org.humiao.screening.model.ToxicityModel;
import org.humiao.screening.model.ToxicityTrainer;
import org.humiao.screening.semantic.SemanticTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * {@code train --train FILE}: trains the toxicity model on exactly the text the engine will
 * score, normalized by the lexicon's own normalizer. With {@code --semantic} it trains the whole
 * cascade instead: n-gram model, semantic head and stacker (on out-of-fold scores), written to
 * DIR/model/. Deterministic: the same files give the same model bytes.
 */
@Command(name = "train", sortOptions = false, description = "train the toxicity model on a labelled file, deterministically, on the text the engine scores; with --semantic the n-gram model, the semantic head and the stacker")
final class TrainCommand implements Callable<Integer> {
  private static final String LABELLED_HINT = "give a labelled CSV (TEXT/text and label columns) or JSONL file";

  @Option(names = "--train", required = true, paramLabel = "FILE", description = "the labelled training file")
  Path train;

  @Option(names = "--dev", paramLabel = "FILE", description = "a labelled file to choose the threshold on")
  Path dev;

  @Option(names = "--out", paramLabel = "FILE", description = "the model file (default: DIR/model/toxicity.bin of --lexicons)")
  Path outFile;

  @Option(names = "--semantic", description = "train the whole cascade into --out-dir")
  boolean semantic;

  @Option(names = "--out-dir", paramLabel = "DIR", description = "with --semantic: where the three model files go (default: DIR/model/)")
  Path outDir;

  @Mixin
  Engines engines;

  @Mixin
  SemanticData.Options semanticOptions;

  @Mixin
  Progress.Flag progress;

  private final PrintStream out;
  private final PrintStream err;

  TrainCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    Path trainFile = CommandFailure.readableFile(train, "training file", LABELLED_HINT);
    if (semantic) {
      return runSemantic(trainFile);
    }
    Path lexicons = engines.lexicons();
    Path modelFile = outFile != null ? outFile : lexicons.resolve("model/toxicity.bin");
    Lexicon lexicon = LexiconLoader.load(lexicons);
    TextNormalizer normalizer = new TextNormalizer(lexicon.splitCharacters());
    UnaryOperator<String> preprocess = s -> normalizer.normalize(s).text();

    long started = System.nanoTime();
    // each training text is normalized once, as it is read: the lines done of the progress
    Progress shown = progress.start("train", () -> Progress.countLines(trainFile), err);
    ToxicityModel model = ToxicityTrainer.train(LabelledCorpus.of(trainFile), ToxicityTrainer.Options.defaults(), s -> {
      shown.step();
      return preprocess.apply(s);
    });
    shown.finish();
    JsonObject report = new JsonObject()
        .put("train", trainFile.toString())
        .put("options", ToxicityTrainer.Options.defaults().describe())
        .put("seconds", (System.nanoTime() - started) / 1e9);
    if (dev != null) {
      Path devFile = CommandFailure.readableFile(dev, "dev file", LABELLED_HINT);
      ToxicityTrainer.ThresholdChoice choice = ToxicityTrainer.selectThreshold(model, LabelledCorpus.of(devFile), preprocess);
      model = model.withThreshold(choice.threshold());
      report.put("dev", devFile.toString()).put("threshold", choice.threshold()).put("devF1", choice.metrics().f1());
    }
    Files.createDirectories(modelFile.toAbsolutePath().getParent());
    model.write(modelFile);
    out.println(report.put("out", modelFile.toString()).put("bytes", Files.size(modelFile)).encode());
    return 0;
  }

  /** {@code train --semantic --train FILE [--out-dir DIR]}: the three model files of the cascade. */
  private int runSemantic(Path trainFile) throws Exception {
    SemanticData data = SemanticData.open(engines.lexicons(), semanticOptions);
    Path modelDir = outDir != null ? outDir : data.lexicons.resolve("model");
    long started = System.nanoTime();
    var examples = data.examples(SemanticData.rows(trainFile));
    double encoded = (System.nanoTime() - started) / 1e9;
    SemanticTrainer.Trained trained = SemanticTrainer.train(examples, data.encoderId(), SemanticTrainer.Options.defaults(data.modelMinLength));
    trained.ngram().write(modelDir.resolve("toxicity.bin"));
    trained.head().write(modelDir.resolve("semantic-head.bin"));
    trained.stacker().write(modelDir.resolve("semantic-stack.bin"));
    out.println(new JsonObject()
        .put("train", trainFile.toString())
        .put("examples", examples.size())
        .put("encoder", data.encoderId())
        .put("cache", data.cache.file().toString())
        .put("encodeSeconds", encoded)
        .put("trainSeconds", (System.nanoTime() - started) / 1e9 - encoded)
        .put("outDir", modelDir.toString())
        .encode());
    data.cache.close();
    return 0;
  }
}
