package org.humiao.events.summary;

import org.humiao.events.ViolationEvent;

/**
 * One group of a summary; a dimension the query did not group by is null.
 *
 * @param period {@code 2026-11-23} when grouped by day, {@code 2026-Q4} by quarter
 * @param hour the Beijing hour of day (0–23) when grouped by hour; null too for counts whose hour is
 *     not known (archived by a version that did not keep hours)
 * @param mandatoryReports how many of the events must be reported to the authorities
 * @param maxSeverity the highest severity among the events
 */
public record SummaryRow(String period, String platform, String category, ViolationEvent.Kind kind, String region,
                         Integer hour, long events, long mandatoryReports, int maxSeverity) {}
