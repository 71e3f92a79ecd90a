package org.humiao.cli;

import org.humiao.screening.Lexicon;
import org.humiao.screening.LexiconLoader;
import org.humiao.screening.TextNormalizer;
import org.humiao.screening.model.LabelledCorpus;
import org.humiao.screening.model.LabelledText;
import org.humiao.screening.semantic.BgeEncoder;
import org.humiao.screening.semantic.EmbeddingCache;
import org.humiao.screening.semantic.SemanticTrainer;

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

  private SemanticData(Path lexicons, TextNormalizer normalizer, EmbeddingCache cache, int threads, int modelMinLength) {
    this.lexicons = lexicons;
    this.normalizer = normalizer;
    this.cache = cache;
    this.threads = threads;
    this.modelMinLength = modelMinLength;
  }

  static SemanticData open(Args args) throws IOException {
    Path lexicons = Path.of(args.option("lexicons", Engines.DEFAULT_LEXICONS));
    Lexicon lexicon = LexiconLoader.load(lexicons);
    Properties policy = new Properties();
    try (InputStream in = Files.newInputStream(lexicons.resolve("policy.properties"))) {
      policy.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    EmbeddingCache cache = EmbeddingCache.open(Path.of(args.option("cache", DEFAULT_CACHE)), BgeEncoder.load(INTRA_OP_THREADS, MAX_TOKENS));
    return new SemanticData(lexicons, new TextNormalizer(lexicon.splitCharacters()), cache,
        Integer.parseInt(args.option("threads", "2")), Integer.parseInt(policy.getProperty("model.min-length").trim()));
  }

  /**
   * The rows of one file, or of several named with commas between them, in that order. A file
   * named {@code PATH@N} has its rows counted N times in training (a small corpus beside a large one).
   */
  static List<LabelledText> rows(String files) {
    List<LabelledText> rows = new ArrayList<>();
    for (String file : files.split(",")) {
      String name = file.trim();
      int at = name.lastIndexOf('@');
      int weight = 1;
      if (at > 0) {
        try {
          weight = Integer.parseInt(name.substring(at + 1));
        } catch (NumberFormatException e) {
          throw new Args.UsageException("bad weight in " + name + ": want FILE@N with N a whole number");
        }
        if (weight < 1) {
          throw new Args.UsageException("bad weight in " + name + ": want at least 1");
        }
        name = name.substring(0, at);
      }
      int times = weight;
      LabelledCorpus.forEach(Path.of(name), t -> rows.add(times == 1 ? t : t.weighted(times)));
    }
    return rows;
  }

  String normalize(String text) {
    return normalizer.normalize(text).text();
  }

  /** The rows normalized as the engine normalizes and paired with their (cached) vectors. */
  List<SemanticTrainer.Example> examples(List<LabelledText> rows) {
    List<String> texts = rows.stream().map(r -> normalize(r.text())).toList();
    float[][] vectors = cache.vectors(texts, threads);
    List<SemanticTrainer.Example> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new SemanticTrainer.Example(texts.get(i), rows.get(i).offensive(), vectors[i], rows.get(i).weight()));
    }
    return out;
  }

  String encoderId() {
    return cache.asEncoder().id();
  }
}
