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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a lexicon directory (layout and format: lexicons/README.md). */
public final class LexiconLoader {
  private static final String GROUPS = "{groups}";
  private static final Pattern ESCAPED = Pattern.compile("\\\\.");
  private static final Pattern CHARACTER_CLASS = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern UNBOUNDED = Pattern.compile("[*+]|\\{\\d+,\\}");
  /** The upper bound of a repetition, {n} or {n,m}. */
  private static final Pattern BOUND = Pattern.compile("\\{(?:\\d+,)?(\\d+)\\}");
  private static final int MAX_REPEAT = 32;

  private LexiconLoader() {}

  public static Lexicon load(Path dir) {
    String version = version(dir);
    GroupNouns groups = GroupNouns.read(dir.resolve("context"));
    return new Lexicon(
        version,
        terms(dir.resolve("terms")),
        TsvFile.column(dir.resolve("whitelist.tsv")),
        homophones(dir.resolve("variants/homophones.tsv")),
        splitCharacters(dir.resolve("variants/split_chars.tsv")),
        abbreviations(dir.resolve("variants/abbreviations.tsv")),
        TsvFile.column(dir.resolve("context/targets.tsv")),
        groups.words(),
        TsvFile.column(dir.resolve("context/possessions.tsv")),
        rules(dir.resolve("context/rules.tsv"), groups),
        mitigations(dir.resolve("context/mitigations.tsv"), groups),
        policy(dir));
  }

  /**
   * The group nouns: those of context/groups.tsv, and every occupation or role of context/roles.tsv
   * qualified by a gender of context/qualifiers.tsv or by a place, the X of an X人 group noun (女司机,
   * 男老师, 河南老板, 外地打工的). {@code words} lists them all (for the automaton and the cues); {@code regex}
   * is their alternation, the compounds as qualifiers then roles, so it stays as short as the lists.
   */
  private record GroupNouns(List<String> words, String regex) {
    /** A place of one character (黑 of 黑人) or one ending in a gender (中国男 of 中国男人) qualifies no role. */
    static GroupNouns read(Path context) {
      List<String> listed = TsvFile.column(context.resolve("groups.tsv"));
      List<String> qualifiers = new ArrayList<>(TsvFile.column(context.resolve("qualifiers.tsv")));
      for (String group : listed) {
        String place = group.substring(0, group.length() - 1);
        if (group.endsWith("人") && place.length() >= 2 && !qualifiers.contains(place.substring(place.length() - 1))
            && !qualifiers.contains(place)) {
          qualifiers.add(place);
        }
      }
      List<String> roles = TsvFile.column(context.resolve("roles.tsv"));
      List<String> words = new ArrayList<>(listed);
      for (String qualifier : qualifiers) {
        for (String role : roles) {
          words.add(qualifier + role);
        }
      }
      String regex = "(?:" + alternation(listed) + "|(?:" + alternation(qualifiers) + ")(?:" + alternation(roles) + "))";
      return new GroupNouns(words, regex);
    }

    private static String alternation(List<String> words) {
      return words.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }
  }

  /** The lexicon's version, from manifest.properties. */
  static String version(Path dir) {
    String version = properties(dir.resolve("manifest.properties")).getProperty("version");
    if (version == null || version.isBlank()) {
      throw new LexiconException(dir.resolve("manifest.properties") + ": missing version");
    }
    return version.trim();
  }

  /** The decision thresholds, from policy.properties. */
  static DecisionPolicy policy(Path dir) {
    return DecisionPolicy.from(properties(dir.resolve("policy.properties")));
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

  /** Rules and mitigations may name the group nouns of context/groups.tsv as {@value #GROUPS}, in cues and regex. */
  private static List<ContextRule> rules(Path file, GroupNouns groups) {
    List<ContextRule> rules = new ArrayList<>();
    for (TsvFile.Row row : TsvFile.rows(file)) {
      row.expectColumns(5);
      try {
        rules.add(new ContextRule(row.col(0), Category.byId(row.col(1)), Integer.parseInt(row.col(2)),
            cues(row.col(3), groups), pattern(row.col(4), groups)));
      } catch (PatternSyntaxException e) {
        throw row.error("bad regex: " + e.getDescription());
      } catch (IllegalArgumentException e) {
        throw row.error(e.getMessage());
      }
    }
    return rules;
  }

  private static List<Mitigation> mitigations(Path file, GroupNouns groups) {
    List<Mitigation> mitigations = new ArrayList<>();
    for (TsvFile.Row row : TsvFile.rows(file)) {
      row.expectColumns(6);
      try {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String id : row.col(1).split(",")) {
          categories.add(Category.byId(id.strip()));
        }
        int severity = Integer.parseInt(row.col(2));
        if (severity < 0 || severity > Term.MAX_SEVERITY) {
          throw new IllegalArgumentException("severity out of range 0-4: " + severity);
        }
        mitigations.add(new Mitigation(row.col(0), categories, severity,
            Mitigation.Scope.valueOf(row.col(3).toUpperCase(Locale.ROOT)), cues(row.col(4), groups),
            pattern(row.col(5), groups)));
      } catch (PatternSyntaxException e) {
        throw row.error("bad regex: " + e.getDescription());
      } catch (IllegalArgumentException e) {
        throw row.error(e.getMessage());
      }
    }
    return mitigations;
  }

  private static List<String> cues(String column, GroupNouns groups) {
    List<String> cues = new ArrayList<>();
    for (String cue : column.split("\\|")) {
      if (cue.equals(GROUPS)) {
        cues.addAll(groups.words());
      } else {
        cues.add(cue);
      }
    }
    return cues;
  }

  /**
   * Compiles a rule's regex. Unbounded repetition ({@code *}, {@code +}, {@code {n,}}) and bounds
   * over {@value #MAX_REPEAT} are refused: over a long line a repeated group recurses once per
   * repetition and can overflow the stack.
   */
  private static Pattern pattern(String regex, GroupNouns groups) {
    String bare = ESCAPED.matcher(regex).replaceAll("");
    bare = CHARACTER_CLASS.matcher(bare).replaceAll("");
    if (UNBOUNDED.matcher(bare).find()) {
      throw new IllegalArgumentException("unbounded repetition (*, + or {n,}) in " + regex + "; bound it, e.g. .{0,12}");
    }
    Matcher bound = BOUND.matcher(bare);
    while (bound.find()) {
      if (Integer.parseInt(bound.group(1)) > MAX_REPEAT) {
        throw new IllegalArgumentException("repetition bound over " + MAX_REPEAT + " in " + regex
            + ": a long bound over a group recurses as deep as an unbounded one");
      }
    }
    return Pattern.compile(collapseRepeats(regex.replace(GROUPS, groups.regex())));
  }

  /**
   * Collapses a run of one ideograph in a regex (奶奶 → 奶) as the normalizer collapses it in the
   * text the regex runs over; a pattern written 奶奶 would otherwise never match. A run followed by
   * a quantifier ({@code 哈哈?}) is kept: collapsing it would change what the quantifier applies to.
   */
  static String collapseRepeats(String regex) {
    StringBuilder out = new StringBuilder(regex.length());
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      boolean repeat = i > 0 && regex.charAt(i - 1) == c && Character.isIdeographic(c);
      boolean quantified = i + 1 < regex.length() && "?*+{".indexOf(regex.charAt(i + 1)) >= 0;
      if (!repeat || quantified) {
        out.append(c);
      }
    }
    return out.toString();
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
