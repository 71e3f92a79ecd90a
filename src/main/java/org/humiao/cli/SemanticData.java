package org.humiao.cli;

import org.humiao.screening.Lexicon;
import org.humiao.screening.LexiconLoader;
import org.humiao.screening.TextNormalizer;
import org.humiao.screening.model.LabelledCorpus;
import org.humiao.screening.model.LabelledText;
import org.humiao.screening.semantic.BgeEncoder;
import org.humiao.screening.semantic.EmbeddingCache;
import org.humiao.screening.semantic.SemanticHead;
import org.humiao.screening.semantic.SemanticTrainer;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What train and eval share for the semantic tier: the lexicon's normalizer, the encoder behind
 * its on-disk cache (default target/semantic-cache), and labelled rows turned into training examples.
 */
final class SemanticData {
  static final String DEFAULT_CACHE = "target/semantic-cache";
  // one ONNX thread per worker: the service runs several on shared cores
  static final int INTRA_OP_THREADS = 1;
  // COLD comments run up to a few hundred characters; their first 128 tokens carry the verdict
  static final int MAX_TOKENS = 128;

  final Path lexicons;
  final TextNormalizer normalizer;
  final EmbeddingCache cache;
  final int threads;
  final int modelMinLength;
  private final SemanticTrainer.StackFolds stackFolds;
  private final SemanticHead.Options head;
  private final SemanticTrainer.Heads heads;

  private SemanticData(Path lexicons, TextNormalizer normalizer, EmbeddingCache cache, int threads, int modelMinLength,
      SemanticTrainer.StackFolds stackFolds, SemanticHead.Options head, SemanticTrainer.Heads heads) {
    this.lexicons = lexicons;
    this.normalizer = normalizer;
    this.cache = cache;
    this.threads = threads;
    this.modelMinLength = modelMinLength;
    this.stackFolds = stackFolds;
    this.head = head;
    this.heads = heads;
  }

  /** As a mixin, the options of the commands that encode texts: where the vectors are cached, and threads. */
  static final class Options {
    @Option(names = "--cache", paramLabel = "DIR", defaultValue = DEFAULT_CACHE,
        description = "the sentence-vector cache (default: ${DEFAULT-VALUE})")
    Path cache;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "encoder threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--stack-folds", paramLabel = "HOW", defaultValue = "RANDOM",
        description = "how training folds the stacker's out-of-fold scores: RANDOM (k seeded folds) or TOPICS "
            + "(a row with a topic scored by models trained without its topic; default: ${DEFAULT-VALUE})")
    SemanticTrainer.StackFolds stackFolds;

    @Option(names = "--head-bags", paramLabel = "K", defaultValue = "1",
        description = "semantic heads averaged, each on its own bootstrap sample above 1 (default: ${DEFAULT-VALUE})")
    int headBags;

    @Option(names = "--head-balanced", description = "train the semantic head with a class-balanced loss")
    boolean headBalanced;

    @Option(names = "--heads", paramLabel = "HOW", defaultValue = "ONE",
        description = "ONE semantic head on all training files, or PER_SOURCE: one on the first file (COLD's comments) "
            + "and one on the later files (our sentences), weighed apart by the stacker; GATED: those two and a gate "
            + "that tells the sources apart, by which the stacker weighs them (default: ${DEFAULT-VALUE})")
    SemanticTrainer.Heads heads;

    /** The head's training options these flags ask for. */
    SemanticHead.Options head() {
      if (headBags < 1) {
        throw new CommandFailure("--head-bags must be at least 1, not " + headBags);
      }
      return SemanticHead.Options.defaults().withBags(headBags).withBalanced(headBalanced);
    }
  }

  static SemanticData open(Path lexicons, Options options) throws IOException {
    Lexicon lexicon = LexiconLoader.load(lexicons);
    Properties policy = new Properties();
    try (InputStream in = Files.newInputStream(lexicons.resolve("policy.properties"))) {
      policy.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    EmbeddingCache cache = EmbeddingCache.open(options.cache, BgeEncoder.load(INTRA_OP_THREADS, MAX_TOKENS));
    return new SemanticData(lexicons, new TextNormalizer(lexicon.splitCharacters()), cache,
        options.threads, Integer.parseInt(policy.getProperty("model.min-length").trim()), options.stackFolds, options.head(),
        options.heads);
  }

  /** The rows of one labelled file. */
  static List<LabelledText> rows(Path file) {
    return Corpus.rows(List.of(new Corpus(file, 1)), "labelled file");
  }

  String normalize(String text) {
    return normalizer.normalize(text).text();
  }

  /** The rows normalized as the engine normalizes and paired with their (cached) vectors, to be judged. */
  List<SemanticTrainer.Example> examples(List<LabelledText> rows) {
    return trainingExamples(rows.stream().map(r -> new Corpus.Row(r, SemanticTrainer.Source.COMMENTS)).toList());
  }

  /** The training rows as {@link #examples}, each keeping its source. */
  List<SemanticTrainer.Example> trainingExamples(List<Corpus.Row> rows) {
    List<String> texts = rows.stream().map(r -> normalize(r.text().text())).toList();
    float[][] vectors = cache.vectors(texts, threads);
    List<SemanticTrainer.Example> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      LabelledText t = rows.get(i).text();
      out.add(new SemanticTrainer.Example(texts.get(i), t.offensive(), vectors[i], t.weight(), t.topic(), rows.get(i).source()));
    }
    return out;
  }

  /** How the cascade is trained: the defaults with this command's stack folding and head options. */
  SemanticTrainer.Options trainerOptions() {
    return SemanticTrainer.Options.defaults(modelMinLength).withStackFolds(stackFolds).withHead(head).withHeads(heads);
  }

  String encoderId() {
    return cache.asEncoder().id();
  }
}
