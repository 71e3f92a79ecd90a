package org.humiao.cli;

import org.humiao.screening.model.LabelledCorpus;
import org.humiao.screening.model.LabelledText;
import org.humiao.screening.semantic.SemanticTrainer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A labelled file named on the command line and how many times training counts its rows:
 * {@code PATH}, or {@code PATH@N} for a small corpus that would drown beside a large one.
 */
record Corpus(Path path, int weight) {
  static final String LABELLED_HINT = "give a labelled CSV (TEXT/text and label columns), TSV (text, innocent|harmful) or JSONL file";

  Corpus {
    if (weight < 1) {
      throw new IllegalArgumentException("weight must be at least 1: " + weight);
    }
  }

  /** Reads {@code PATH} or {@code PATH@N} (picocli's converter for the options that take files). */
  static final class Converter implements ITypeConverter<Corpus> {
    @Override
    public Corpus convert(String spec) {
      int at = spec.lastIndexOf('@');
      if (at <= 0) {
        return new Corpus(Path.of(spec), 1);
      }
      try {
        int weight = Integer.parseInt(spec.substring(at + 1));
        if (weight >= 1) {
          return new Corpus(Path.of(spec.substring(0, at)), weight);
        }
      } catch (NumberFormatException e) {
        // reported below with what to write instead
      }
      throw new TypeConversionException("'" + spec + "': write FILE or FILE@N with N a whole number of at least 1");
    }
  }

  /** One row of a training file and the source it counts as. */
  record Row(LabelledText text, SemanticTrainer.Source source) {}

  /** The rows of every file in order, each counted its file's weight; every file checked readable first. */
  static List<LabelledText> rows(List<Corpus> files, String what) {
    return sourcedRows(files, what).stream().map(Row::text).toList();
  }

  /** As {@link #rows}, each with its source: the first file's rows are COLD's comments, later files' our sentences. */
  static List<Row> sourcedRows(List<Corpus> files, String what) {
    files.forEach(f -> CommandFailure.readableFile(f.path(), what, LABELLED_HINT));
    List<Row> rows = new ArrayList<>();
    for (Corpus f : files) {
      SemanticTrainer.Source source = f == files.get(0) ? SemanticTrainer.Source.COMMENTS : SemanticTrainer.Source.SENTENCES;
      LabelledCorpus.forEach(f.path(), t -> rows.add(new Row(f.weight() == 1 ? t : t.weighted(f.weight()), source)));
    }
    return rows;
  }

  /** The files as they were written: a.csv,b.tsv@3. */
  static String describe(List<Corpus> files) {
    return files.stream().map(f -> f.weight() == 1 ? f.path().toString() : f.path() + "@" + f.weight())
        .collect(Collectors.joining(","));
  }
}
