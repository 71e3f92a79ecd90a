package org.humiao.screening.semantic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The semantic tier's trained models as one unit: its head (or a head per training source) and the
 * stacker that weighs them with the n-gram model, read and written together so a stacker never
 * meets heads it was not trained with.
 *
 * @param heads in training-source order (the gate between the sources last, when there is one), as many as the stacker takes
 */
public record SemanticModels(List<SemanticHead> heads, Stacker stacker) {
  public static final String STACK_FILE = "semantic-stack.bin";
  // the first head keeps the file name of the one-head cascade, so every older model directory loads
  private static final List<String> HEAD_FILES = List.of("semantic-head.bin", "semantic-head-sentences.bin", "semantic-gate.bin");

  public SemanticModels {
    heads = List.copyOf(heads);
    if (heads.size() != stacker.heads()) {
      throw new IllegalArgumentException("the stacker takes " + stacker.heads() + " heads, given " + heads.size());
    }
    if (heads.stream().map(SemanticHead::encoderId).distinct().count() != 1) {
      throw new IllegalArgumentException("the heads were trained on different encoders");
    }
  }

  /** The encoder whose vectors the heads read. */
  public String encoderId() {
    return heads.get(0).encoderId();
  }

  /** Probability that a text is offensive given the n-gram model's probability, its vector and its normalized length. */
  public double score(double ngram, float[] vector, int length) {
    return stacker.score(ngram, headScores(vector), length);
  }

  /**
   * The stacked probability of a text and what the heads alone say of it.
   *
   * @param headVote the heads' own probability: {@link #headVote(double[])}
   */
  public record Stacked(double probability, double headVote) {}

  /** {@link #score} and the heads' own vote, from one pass of the heads. */
  public Stacked stack(double ngram, float[] vector, int length) {
    double[] scores = headScores(vector);
    return new Stacked(stacker.score(ngram, scores, length), headVote(scores));
  }

  /**
   * What the heads say without the n-gram model: the head's probability; with a head per source the
   * lower of the two (both must agree); with the gate, the two source heads mixed by it, since the
   * gate says whose source the text reads like and each head is useless on the other's source.
   */
  public static double headVote(double[] headScores) {
    if (headScores.length == Stacker.GATED) {
      double g = headScores[2];
      return (1 - g) * headScores[0] + g * headScores[1];
    }
    return Arrays.stream(headScores).min().orElseThrow();
  }

  /** Each head's probability for the vector, in the stacker's order. */
  public double[] headScores(float[] vector) {
    double[] out = new double[heads.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = heads.get(i).score(vector);
    }
    return out;
  }

  /** Reads the stacker of {@code modelDir} and as many head files as it takes. */
  public static SemanticModels read(Path modelDir) throws IOException {
    Stacker stacker = Stacker.read(modelDir.resolve(STACK_FILE));
    List<SemanticHead> heads = new java.util.ArrayList<>();
    for (int i = 0; i < stacker.heads(); i++) {
      heads.add(SemanticHead.read(modelDir.resolve(HEAD_FILES.get(i))));
    }
    try {
      return new SemanticModels(heads, stacker);
    } catch (IllegalArgumentException e) {
      throw new IOException(modelDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the heads and the stacker into {@code modelDir}, and removes a head file left by an
   * earlier training with more heads, so the directory holds exactly the models that are read.
   */
  public void write(Path modelDir) throws IOException {
    for (int i = 0; i < HEAD_FILES.size(); i++) {
      Path file = modelDir.resolve(HEAD_FILES.get(i));
      if (i < heads.size()) {
        heads.get(i).write(file);
      } else {
        Files.deleteIfExists(file);
      }
    }
    stacker.write(modelDir.resolve(STACK_FILE));
  }
}
