package org.humiao.moderation.review;

/**
 * What the engine found in a task's text: the term, its category and severity, where it is (UTF-16
 * offsets into the text) and how it was found (the API's evidence {@code source}).
 */
public record TaskEvidence(String term, String category, int severity, int start, int end, String source) {}
