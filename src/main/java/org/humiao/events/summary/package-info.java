/**
 * Views over the journal kept in memory and fed by it: the journal replays itself into them on
 * open and hands them every synced batch before its appenders are answered.
 *
 * <p><b>Roll-ups</b> ({@link org.humiao.events.summary.ViolationSummaries}): per Beijing day, one
 * counter per distinct (platform, category, kind, region, severity, mandatory report), the key
 * packed into a long and the day's cells held as flat arrays. A query over {@code [from, to)}
 * reads only the cells of those days, whatever the number of events.
 *
 * <p><b>Newest first</b> ({@link org.humiao.events.summary.EventPager}): the last N events sit in
 * a ring ({@link org.humiao.events.summary.RecentEvents}), so the pages people actually look at
 * cost no disk reads; older pages, or a rare filter, fall back to scanning the journal backwards
 * segment by segment, holding at most one page. Chosen over a per-segment time index because
 * event times come from platforms and need not rise with offsets, so an index could not prune
 * safely, and the ring already serves the common case.
 */
package org.humiao.events.summary;
