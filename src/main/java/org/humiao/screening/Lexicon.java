package org.humiao.screening;

import java.util.List;
import java.util.Map;

/**
 * Everything read from one version of the lexicon directory, before compilation.
 *
 * @param homophones canonical char to the strings (single chars or letters) typed for it
 * @param splitCharacters component pair ({@link TextNormalizer#pair}) to the joined character
 * @param abbreviations latin or digit abbreviation to the text of the term it stands for
 * @param groups nouns for groups of people (女的, 河南人, 黑人) that a group slur can be aimed at
 * @param possessions what of 你 a harm can reach so it reaches 你 (妈, 头, 狗): a term ending in 你 before
 *     的 + anything else (收拾你的行李) has a thing as its object
 */
public record Lexicon(
    String version,
    List<Term> terms,
    List<String> whitelist,
    Map<Character, List<String>> homophones,
    Map<Integer, Character> splitCharacters,
    Map<String, String> abbreviations,
    List<String> targets,
    List<String> groups,
    List<String> possessions,
    List<ContextRule> rules,
    List<Mitigation> mitigations,
    DecisionPolicy policy) {

  public Lexicon {
    terms = List.copyOf(terms);
    whitelist = List.copyOf(whitelist);
    homophones = Map.copyOf(homophones);
    splitCharacters = Map.copyOf(splitCharacters);
    abbreviations = Map.copyOf(abbreviations);
    targets = List.copyOf(targets);
    groups = List.copyOf(groups);
    possessions = List.copyOf(possessions);
    rules = List.copyOf(rules);
    mitigations = List.copyOf(mitigations);
  }
}
