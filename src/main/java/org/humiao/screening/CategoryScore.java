package org.humiao.screening;

/** The strongest finding of one category: severity 1–4 (0 for model-only) and a score in [0, 1]. */
public record CategoryScore(Category category, int severity, double score) {}
