package org.humiao.screening;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parts of a {@link Lexicon} read from its TSV files (terms, whitelist, spellings, context rules
 * and mitigations), written into the compiled lexicon's cache file so that a start that finds the
 * file parses no TSV: the rules' regular expressions are kept as the source LexiconLoader checked
 * and expanded, and compiled as read. The version and the decision policy are not in it: they come
 * from the two properties files, which the cache's fingerprint does not cover.
 */
final class LexiconSnapshot {
  private LexiconSnapshot() {}

  static void write(DataOutputStream out, Lexicon lexicon) throws IOException {
    out.writeInt(lexicon.terms().size());
    for (Term term : lexicon.terms()) {
      string(out, term.text());
      string(out, term.category().name());
      out.writeByte(term.severity());
      enums(out, term.tags());
    }
    strings(out, lexicon.whitelist());
    out.writeInt(lexicon.homophones().size());
    for (Map.Entry<Character, List<String>> e : lexicon.homophones().entrySet()) {
      out.writeChar(e.getKey());
      strings(out, e.getValue());
    }
    out.writeInt(lexicon.splitCharacters().size());
    for (Map.Entry<Integer, Character> e : lexicon.splitCharacters().entrySet()) {
      out.writeInt(e.getKey());
      out.writeChar(e.getValue());
    }
    out.writeInt(lexicon.abbreviations().size());
    for (Map.Entry<String, String> e : lexicon.abbreviations().entrySet()) {
      string(out, e.getKey());
      string(out, e.getValue());
    }
    strings(out, lexicon.targets());
    strings(out, lexicon.groups());
    strings(out, lexicon.possessions());
    out.writeInt(lexicon.rules().size());
    for (ContextRule rule : lexicon.rules()) {
      string(out, rule.id());
      string(out, rule.category().name());
      out.writeByte(rule.severity());
      strings(out, rule.cues());
      pattern(out, rule.pattern());
    }
    out.writeInt(lexicon.mitigations().size());
    for (Mitigation mitigation : lexicon.mitigations()) {
      string(out, mitigation.id());
      enums(out, mitigation.categories());
      out.writeByte(mitigation.severity());
      string(out, mitigation.scope().name());
      strings(out, mitigation.cues());
      pattern(out, mitigation.pattern());
    }
  }

  /** The lexicon written at {@code in}'s position, with the version and policy read from its properties. */
  static Lexicon read(ByteBuffer in, String version, DecisionPolicy policy) {
    int termCount = in.getInt();
    List<Term> terms = new ArrayList<>(termCount);
    for (int i = 0; i < termCount; i++) {
      terms.add(new Term(string(in), Category.valueOf(string(in)), in.get(), enums(in, Term.Tag.class)));
    }
    List<String> whitelist = strings(in);
    int homophoneCount = in.getInt();
    Map<Character, List<String>> homophones = new LinkedHashMap<>();
    for (int i = 0; i < homophoneCount; i++) {
      homophones.put(in.getChar(), strings(in));
    }
    int splitCount = in.getInt();
    Map<Integer, Character> splitCharacters = new HashMap<>();
    for (int i = 0; i < splitCount; i++) {
      splitCharacters.put(in.getInt(), in.getChar());
    }
    int abbreviationCount = in.getInt();
    Map<String, String> abbreviations = new LinkedHashMap<>();
    for (int i = 0; i < abbreviationCount; i++) {
      abbreviations.put(string(in), string(in));
    }
    List<String> targets = strings(in);
    List<String> groups = strings(in);
    List<String> possessions = strings(in);
    int ruleCount = in.getInt();
    List<ContextRule> rules = new ArrayList<>(ruleCount);
    for (int i = 0; i < ruleCount; i++) {
      rules.add(new ContextRule(string(in), Category.valueOf(string(in)), in.get(), strings(in), pattern(in)));
    }
    int mitigationCount = in.getInt();
    List<Mitigation> mitigations = new ArrayList<>(mitigationCount);
    for (int i = 0; i < mitigationCount; i++) {
      mitigations.add(new Mitigation(string(in), enums(in, Category.class), in.get(),
          Mitigation.Scope.valueOf(string(in)), strings(in), pattern(in)));
    }
    return new Lexicon(version, terms, whitelist, homophones, splitCharacters, abbreviations, targets, groups,
        possessions, rules, mitigations, policy);
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  private static void strings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      string(out, s);
    }
  }

  private static List<String> strings(ByteBuffer in) {
    int count = in.getInt();
    List<String> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(string(in));
    }
    return list;
  }

  private static void enums(DataOutputStream out, Set<? extends Enum<?>> set) throws IOException {
    out.writeByte(set.size());
    for (Enum<?> e : set) {
      string(out, e.name());
    }
  }

  private static <E extends Enum<E>> Set<E> enums(ByteBuffer in, Class<E> type) {
    int count = in.get();
    Set<E> set = EnumSet.noneOf(type);
    for (int i = 0; i < count; i++) {
      set.add(Enum.valueOf(type, string(in)));
    }
    return set;
  }

  /** The expanded source and flags; compiled again as read, without LexiconLoader's checks, which it passed when written. */
  private static void pattern(DataOutputStream out, Pattern pattern) throws IOException {
    string(out, pattern.pattern());
    out.writeInt(pattern.flags());
  }

  private static Pattern pattern(ByteBuffer in) {
    return Pattern.compile(string(in), in.getInt());
  }
}
