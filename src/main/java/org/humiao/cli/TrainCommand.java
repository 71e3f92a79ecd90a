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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * {@code train --train FILE[@N][,FILE[@N]...]}: trains the toxicity model on exactly the text the engine will
 * score, normalized by the lexicon's own normalizer. With {@code --semantic} it trains the whole
 * cascade instead: n-gram model, semantic head and stacker (on out-of-fold scores), written to
 * DIR/model/. Deterministic: the same files give the same model bytes.
 */
@Command(name = "train", sortOptions = false, description = "train the toxicity model on a labelled file, deterministically, on the text the engine scores; with --semantic the n-gram model, the semantic head and the stacker")
final class TrainCommand implements Callable<Integer> {

  @Option(names = "--train", required = true, paramLabel = "FILE[@N]", split = ",", converter = Corpus.Converter.class,
      description = "the labelled training files, commas between; FILE@N counts a file's rows N times")
  List<Corpus> train;

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
    if (semantic) {
      return runSemantic(Corpus.sourcedRows(train, "training file"));
    }
    List<LabelledText> rows = Corpus.rows(train, "training file");
    Path lexicons = engines.lexicons();
    Path modelFile = outFile != null ? outFile : lexicons.resolve("model/toxicity.bin");
    Lexicon lexicon = LexiconLoader.load(lexicons);
    TextNormalizer normalizer = new TextNormalizer(lexicon.splitCharacters());
    UnaryOperator<String> preprocess = s -> normalizer.normalize(s).text();

    long started = System.nanoTime();
    // each training text is normalized once, as it is read: the lines done of the progress
    List<LabelledText> expanded = LabelledText.expanded(rows);
    Progress shown = progress.start("train", expanded::size, err);
    ToxicityModel model = ToxicityTrainer.train(expanded, ToxicityTrainer.Options.defaults(), s -> {
      shown.step();
      return preprocess.apply(s);
    });
    shown.finish();
    JsonObject report = new JsonObject()
        .put("train", Corpus.describe(train))
        .put("options", ToxicityTrainer.Options.defaults().describe())
        .put("seconds", (System.nanoTime() - started) / 1e9);
    if (dev != null) {
      Path devFile = CommandFailure.readableFile(dev, "dev file", Corpus.LABELLED_HINT);
      ToxicityTrainer.ThresholdChoice choice = ToxicityTrainer.selectThreshold(model, LabelledCorpus.of(devFile), preprocess);
      model = model.withThreshold(choice.threshold());
      report.put("dev", devFile.toString()).put("threshold", choice.threshold()).put("devF1", choice.metrics().f1());
    }
    Files.createDirectories(modelFile.toAbsolutePath().getParent());
    model.write(modelFile);
    out.println(report.put("out", modelFile.toString()).put("bytes", Files.size(modelFile)).encode());
    return 0;
  }

  /** {@code train --semantic --train FILE[@N][,...] [--out-dir DIR]}: the three model files of the cascade. */
  private int runSemantic(List<Corpus.Row> rows) throws Exception {
    SemanticData data = SemanticData.open(engines.lexicons(), semanticOptions);
    Path modelDir = outDir != null ? outDir : data.lexicons.resolve("model");
    long started = System.nanoTime();
    var examples = data.trainingExamples(rows);
    double encoded = (System.nanoTime() - started) / 1e9;
    SemanticTrainer.Trained trained = SemanticTrainer.train(examples, data.encoderId(), data.trainerOptions());
    trained.ngram().write(modelDir.resolve("toxicity.bin"));
    trained.semanticModels().write(modelDir);
    out.println(new JsonObject()
        .put("train", Corpus.describe(train))
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
