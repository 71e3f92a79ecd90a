package org.humiao.http.regulator;

import org.humiao.http.Csv;
import org.humiao.http.WorkerPool;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.EventPage;
import org.humiao.events.summary.EventPager;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /v1/regulator/events/export}: the events of a listing as CSV, newest first, one page
 * at a time: each page is read on the worker pool, written, and the next is read only once the
 * client has taken it (drain), so neither the journal nor a slow download sits in memory. The
 * first page is read before the headers go out, so a refusal (503) is still a JSON error; a
 * failure later resets the stream, lest a cut file look complete.
 */
final class CsvExport {
  private final EventPager pager;
  private final WorkerPool pool;

  CsvExport(EventPager pager, WorkerPool pool) {
    this.pager = pager;
    this.pool = pool;
  }

  void handle(RoutingContext ctx) {
    EventFilter filter = QueryParams.eventFilter(ctx);
    read(filter, Long.MAX_VALUE)
        .onSuccess(first -> {
          HttpServerResponse response = ctx.response()
              .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
              .putHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"humiao-events.csv\"")
              .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
              .setChunked(true);
          response.write(Csv.BOM + Csv.record(EventCsv.HEADER));
          write(response, filter, first);
        })
        .onFailure(ctx::fail);
  }

  private Future<EventPage> read(EventFilter filter, long before) {
    return pool.submit(() -> pager.page(filter, before, EventPager.MAX_LIMIT));
  }

  private void write(HttpServerResponse response, EventFilter filter, EventPage page) {
    if (response.closed()) {
      return;
    }
    StringBuilder rows = new StringBuilder();
    for (JournalEntry entry : page.entries()) {
      rows.append(Csv.record(EventCsv.cells(entry)));
    }
    response.write(Buffer.buffer(rows.toString().getBytes(StandardCharsets.UTF_8)));
    if (page.nextBefore().isEmpty()) {
      response.end();
      return;
    }
    long before = page.nextBefore().getAsLong();
    Runnable next = () -> read(filter, before)
        .onSuccess(more -> write(response, filter, more))
        .onFailure(failure -> response.reset());
    if (response.writeQueueFull()) {
      response.drainHandler(drained -> next.run());
    } else {
      next.run();
    }
  }
}
