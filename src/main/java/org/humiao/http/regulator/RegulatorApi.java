package org.humiao.http.regulator;

import io.vertx.core.http.HttpMethod;
import org.humiao.events.summary.EventPager;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.KeyConcurrency;

import java.time.Clock;

/**
 * The regulators' routes, mounted together: summaries, events, their export, the live stream, the
 * quarterly report (the console that reads them is http.console). Every role reads; a platform key only its own events.
 *
 * @param cursors what listings and the stream show of journal offsets
 * @param pool where reads of the journal run: a pool of their own, so they never hold up screening
 * @param clock the service's clock: a summary without dates counts the last days up to its today
 */
public record RegulatorApi(ViolationSummaries summaries, EventPager pager, EventCursors cursors, EventStream streams,
                           WorkerPool pool, Clock clock) {

  /** Reads of one key at once: a regulator's console issues a few in parallel, not dozens. */
  static final int READS_PER_KEY = 4;

  public void mount(Mount mount) {
    RegulatorRoutes regulator = new RegulatorRoutes(summaries, pager, cursors, pool, clock);
    KeyConcurrency reads = new KeyConcurrency(READS_PER_KEY);
    mount.route(HttpMethod.GET, "/v1/regulator/summary", Access.ANY_KEY, reads, regulator::summary);
    mount.route(HttpMethod.GET, "/v1/regulator/events", Access.ANY_KEY, reads, regulator::events);
    mount.route(HttpMethod.GET, "/v1/regulator/events/export", Access.ANY_KEY, reads, new CsvExport(pager, pool)::handle);
    mount.route(HttpMethod.GET, "/v1/regulator/stream", Access.ANY_KEY, streams::handle);
    mount.route(HttpMethod.GET, "/v1/regulator/reports/quarterly", Access.ANY_KEY, reads, regulator::quarterly);
  }
}
