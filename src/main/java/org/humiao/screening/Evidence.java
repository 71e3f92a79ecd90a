package org.humiao.screening;

/**
 * Why a category was raised: the lexicon term, rule or kind of personal information, and
 * where it is in the original text as UTF-16 offsets, so {@code text.substring(start, end)} is
 * exactly what the user typed.
 *
 * @param via how it was found
 * @param detail the rule's id or the kind of personal information; null for the other sources
 */
public record Evidence(String term, Category category, int severity, int start, int end, EvidenceSource via,
                       String detail) {

  /** Evidence of a source that needs no detail. */
  public Evidence(String term, Category category, int severity, int start, int end, EvidenceSource via) {
    this(term, category, severity, start, end, via, null);
  }

  /** The same evidence at another severity. */
  public Evidence withSeverity(int lowered) {
    return new Evidence(term, category, lowered, start, end, via, detail);
  }

  /** The documented {@code source} of the API: exact, variant, abbreviation, rule:&lt;id&gt;, pii:&lt;kind&gt;, repost, platform_list, segment. */
  public String source() {
    return via.id(detail);
  }
}
