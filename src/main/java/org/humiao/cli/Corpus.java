package org.humiao.cli;

import org.humiao.screening.model.LabelledCorpus;
import org.humiao.screening.model.LabelledText;
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

  /** The rows of every file in order, each counted its file's weight; every file checked readable first. */
  static List<LabelledText> rows(List<Corpus> files, String what) {
    files.forEach(f -> CommandFailure.readableFile(f.path(), what, LABELLED_HINT));
    List<LabelledText> rows = new ArrayList<>();
    for (Corpus f : files) {
      LabelledCorpus.forEach(f.path(), t -> rows.add(f.weight() == 1 ? t : t.weighted(f.weight())));
    }
    return rows;
  }

  /** The files as they were written: a.csv,b.tsv@3. */
  static String describe(List<Corpus> files) {
    return files.stream().map(f -> f.weight() == 1 ? f.path().toString() : f.path() + "@" + f.weight())
        .collect(Collectors.joining(","));
  }
}
