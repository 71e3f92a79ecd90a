package org.humiao.screening;

import org.humiao.screening.text.LexiconException;
import org.humiao.screening.text.TsvFile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/** Reads a lexicon directory (layout and format: lexicons/README.md). */
public final class LexiconLoader {
  private LexiconLoader() {}

  public static Lexicon load(Path dir) {
    Properties manifest = properties(dir.resolve("manifest.properties"));
    String version = manifest.getProperty("version");
    if (version == null || version.isBlank()) {
      throw new LexiconException(dir.resolve("manifest.properties") + ": missing version");
    }
    return new Lexicon(
        version.trim(),
        terms(dir.resolve("terms")),
        TsvFile.column(dir.resolve("whitelist.tsv")),
        homophones(dir.resolve("variants/homophones.tsv")),
        splitCharacters(dir.resolve("variants/split_chars.tsv")),
        abbreviations(dir.resolve("variants/abbreviations.tsv")),
        TsvFile.column(dir.resolve("context/targets.tsv")),
        rules(dir.resolve("context/rules.tsv")),
        DecisionPolicy.from(properties(dir.resolve("policy.properties"))));
  }

  private static List<Term> terms(Path dir) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
    } catch (IOException e) {
      throw new LexiconException("cannot list " + dir + ": " + e.getMessage());
    }
    List<Term> terms = new ArrayList<>();
    for (Path file : files) {
      for (TsvFile.Row row : TsvFile.rows(file)) {
        row.expectColumns(4);
        try {
          terms.add(new Term(row.col(0), Category.byId(row.col(1)), Integer.parseInt(row.col(2)), tags(row.col(3))));
        } catch (IllegalArgumentException e) {
          throw row.error(e.getMessage());
        }
      }
    }
    return terms;
  }

  private static Set<Term.Tag> tags(String column) {
    Set<Term.Tag> tags = EnumSet.noneOf(Term.Tag.class);
    if (!column.equals("-")) {
      for (String tag : column.split(",")) {
        tags.add(Term.Tag.valueOf(tag.trim().toUpperCase(Locale.ROOT)));
      }
    }
    return tags;
  }

  private static Map<Character, List<String>> homophones(Path file) {
    Map<Character, List<String>> map = new LinkedHashMap<>();
    for (TsvFile.Row row : TsvFile.rows(file)) {
      row.expectColumns(3);
      if (row.col(0).length() != 1) {
        throw row.error("canonical must be one character");
      }
      List<String> variants = map.computeIfAbsent(row.col(0).charAt(0), c -> new ArrayList<>());
      for (String variant : row.col(1).split(" +")) {
        if (!variant.isEmpty() && !variants.contains(variant)) {
          variants.add(variant);
        }
      }
    }
    return map;
  }

  private static Map<Integer, Character> splitCharacters(Path file) {
    Map<Integer, Character> map = new HashMap<>();
    for (TsvFile.Row row : TsvFile.rows(file)) {
      row.expectColumns(2);
      String parts = row.col(0);
      if (parts.length() != 2 || row.col(1).length() != 1) {
        throw row.error("expected two component characters and one joined character");
      }
      map.put(TextNormalizer.pair(parts.charAt(0), parts.charAt(1)), row.col(1).charAt(0));
    }
    return map;
  }

  private static Map<String, String> abbreviations(Path file) {
    Map<String, String> map = new LinkedHashMap<>();
    for (TsvFile.Row row : TsvFile.rows(file)) {
      row.expectColumns(2);
      map.put(row.col(0).toLowerCase(Locale.ROOT), row.col(1));
    }
    return map;
  }

  private static List<ContextRule> rules(Path file) {
    List<ContextRule> rules = new ArrayList<>();
    for (TsvFile.Row row : TsvFile.rows(file)) {
      row.expectColumns(5);
      try {
        rules.add(new ContextRule(row.col(0), Category.byId(row.col(1)), Integer.parseInt(row.col(2)),
            List.of(row.col(3).split("\\|")), Pattern.compile(row.col(4))));
      } catch (PatternSyntaxException e) {
        throw row.error("bad regex: " + e.getDescription());
      } catch (IllegalArgumentException e) {
        throw row.error(e.getMessage());
      }
    }
    return rules;
  }

  private static Properties properties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new LexiconException("cannot read " + file + ": " + e.getMessage());
    }
    return properties;
  }
}
