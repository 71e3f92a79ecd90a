package org.humiao.screening;

/**
 * Why a category was raised: the lexicon term, rule or kind of personal information, and
 * where it is in the original text as UTF-16 offsets, so {@code text.substring(start, end)} is
 * exactly what the user typed.
 *
 * @param source how it was found: exact, variant, abbreviation, rule:&lt;id&gt;, pii:&lt;kind&gt;
 */
public record Evidence(String term, Category category, int severity, int start, int end, String source) {}
