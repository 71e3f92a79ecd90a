package org.humiao.screening.pii;

import org.humiao.screening.text.LexiconException;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.humiao.screening.text.TsvFile;

/**
 * The word lists of the personal-information rules, from the {@code pii/} folder of a lexicon
 * directory (files described in lexicons/README.md). Entries are stripped, blank ones dropped and
 * repeats kept once.
 */
record PiiLexicon(
    List<String> qqCues,
    List<String> wechatCues,
    List<String> contactFillers,
    List<String> residenceCues,
    List<String> compoundSuffixes,
    List<String> schoolSuffixes) {

  PiiLexicon {
    qqCues = clean(qqCues);
    wechatCues = clean(wechatCues);
    contactFillers = clean(contactFillers);
    residenceCues = clean(residenceCues);
    compoundSuffixes = clean(compoundSuffixes);
    schoolSuffixes = clean(schoolSuffixes);
  }

  /** @throws org.humiao.screening.LexiconException when a file is missing or unreadable */
  static PiiLexicon load(Path lexiconDir) {
    Path dir = lexiconDir.resolve("pii");
    return new PiiLexicon(
        TsvFile.column(dir.resolve("qq_cues.tsv")),
        TsvFile.column(dir.resolve("wechat_cues.tsv")),
        TsvFile.column(dir.resolve("contact_fillers.tsv")),
        TsvFile.column(dir.resolve("residence_cues.tsv")),
        TsvFile.column(dir.resolve("compound_suffixes.tsv")),
        TsvFile.column(dir.resolve("school_suffixes.tsv")));
  }

  private static List<String> clean(List<String> words) {
    Set<String> kept = new LinkedHashSet<>();
    for (String word : words) {
      String w = word.strip();
      if (!w.isEmpty()) {
        kept.add(w);
      }
    }
    return List.copyOf(kept);
  }
}
