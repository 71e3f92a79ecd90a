package org.humiao.http.regulator;

import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.http.ReportFormat;
import org.humiao.http.Responses;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.Authenticator;
import org.humiao.keys.ApiKey;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.summary.Dimension;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.EventPage;
import org.humiao.events.summary.EventPager;
import org.humiao.events.summary.SummaryQuery;
import org.humiao.events.summary.SummaryRow;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.regions.RegionScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static org.humiao.http.Query.number;
import static org.humiao.http.Query.date;
import static org.humiao.http.regulator.QueryParams.param;
import static org.humiao.http.regulator.QueryParams.platform;

/**
 * The regulators' reading of the violation events: counts and listings. A regulator or admin key
 * sees every platform, a regulator key only the events of its region and the divisions under it
 * (none: the whole country); a platform key sees its own events only, whatever it asks. The query is
 * checked on the event loop (cheap), the reading runs on the worker pool (a listing may scan the
 * journal on disk).
 */
final class RegulatorRoutes {
  private static final int DEFAULT_PAGE = 100;
  /** Years a report may be asked for: the law's era, not the date type's. */
  private static final int MIN_YEAR = 2000;
  private static final int MAX_YEAR = 2199;
  /** The Beijing days a summary counts when the query names no {@code from}: a month up to {@code to}. */
  private static final int DEFAULT_DAYS = 30;

  private final ViolationSummaries summaries;
  private final QuarterlyReport quarterly;
  private final EventPager pager;
  private final EventCursors cursors;
  private final WorkerPool pool;
  private final Clock clock;

  /** @param clock what "today" is, for a summary that names no {@code to} */
  RegulatorRoutes(ViolationSummaries summaries, EventPager pager, EventCursors cursors, WorkerPool pool, Clock clock) {
    this.summaries = summaries;
    this.quarterly = new QuarterlyReport(summaries, pager);
    this.pager = pager;
    this.cursors = cursors;
    this.pool = pool;
    this.clock = clock;
  }

  /**
   * {@code GET /v1/regulator/summary?from&to&groupBy&period&platform}: {@code to} is inclusive;
   * without it, today in Beijing; without {@code from}, the {@value #DEFAULT_DAYS} days up to {@code to}.
   * {@code groupBy=hour} counts by Beijing hour of day (the console's minor-mode refusals by hour).
   */
  void summary(RoutingContext ctx) {
    LocalDate askedTo = date(ctx, "to");
    LocalDate to = askedTo != null ? askedTo : LocalDate.now(clock.withZone(ViolationSummaries.ZONE));
    LocalDate askedFrom = date(ctx, "from");
    LocalDate from = askedFrom != null ? askedFrom : to.minusDays(DEFAULT_DAYS - 1);
    if (to.isBefore(from)) {
      throw new ApiError(ErrorCode.INVALID_FIELD, "to (" + to + ") is before from (" + from + ")");
    }
    Set<Dimension> groupBy = EnumSet.noneOf(Dimension.class);
    String listed = param(ctx, "groupBy");
    if (listed != null && !listed.isEmpty()) {
      for (String name : listed.split(",")) {
        groupBy.add(dimension("groupBy", name.trim()));
      }
    }
    String period = param(ctx, "period");
    if (period != null) {
      Dimension grain = dimension("period", period);
      if (grain != Dimension.DAY && grain != Dimension.QUARTER) {
        throw BodyFields.invalid("period", "day or quarter");
      }
      groupBy.add(grain);
    }
    if (groupBy.contains(Dimension.DAY) && groupBy.contains(Dimension.QUARTER)) {
      throw new ApiError(ErrorCode.INVALID_FIELD, "group by day or by quarter, not both");
    }
    SummaryQuery query = new SummaryQuery(from, to.plusDays(1), groupBy, platform(ctx), QueryParams.regions(ctx));
    pool.submit(() -> summaryJson(query, to))
        .onSuccess(answer -> Responses.json(ctx, 200, answer))
        .onFailure(ctx::fail);
  }

  /** {@code GET /v1/regulator/reports/quarterly?year&quarter&platform&format}: 季报, as JSON or a printable page. */
  void quarterly(RoutingContext ctx) {
    int year = (int) QueryParams.requiredNumber(ctx, "year", MIN_YEAR, MAX_YEAR);
    int quarter = (int) QueryParams.requiredNumber(ctx, "quarter", 1, 4);
    String platform = platform(ctx);
    RegionScope regions = QueryParams.regions(ctx);
    ReportFormat format = ReportFormat.of(ctx, EnumSet.of(ReportFormat.JSON, ReportFormat.HTML));
    pool.submit(() -> quarterly.build(year, quarter, platform, regions))
        .onSuccess(answer -> {
          if (format == ReportFormat.HTML) {
            QuarterlyReport.printable(answer, regions).send(ctx);
          } else {
            Responses.json(ctx, 200, answer);
          }
        })
        .onFailure(ctx::fail);
  }

  /**
   * {@code GET /v1/regulator/events?platform&kind&category&minSeverity&from&to&before&limit}: newest first;
   * {@code before} is the {@code nextBefore} cursor of the page before.
   */
  void events(RoutingContext ctx) {
    EventFilter filter = QueryParams.eventFilter(ctx);
    ApiKey reader = Authenticator.key(ctx);
    String cursor = param(ctx, "before");
    long before = cursor == null ? Long.MAX_VALUE : cursors.offset(cursor, reader, "before");
    int limit = (int) number(ctx, "limit", DEFAULT_PAGE, 1, EventPager.MAX_LIMIT);
    pool.submit(() -> pageJson(pager.page(filter, before, limit), reader))
        .onSuccess(answer -> Responses.json(ctx, 200, answer))
        .onFailure(ctx::fail);
  }

  private JsonObject summaryJson(SummaryQuery query, LocalDate to) {
    JsonArray rows = new JsonArray();
    for (SummaryRow row : summaries.query(query)) {
      rows.add(new JsonObject()
          .put("period", row.period())
          .put("platform", row.platform())
          .put("category", row.category())
          .put("kind", row.kind() == null ? null : row.kind().id())
          .put("region", row.region())
          .put("hour", row.hour())
          .put("events", row.events())
          .put("mandatoryReports", row.mandatoryReports())
          .put("maxSeverity", row.maxSeverity()));
    }
    return new JsonObject()
        .put("from", query.from().toString())
        .put("to", to.toString())
        .put("groupBy", new JsonArray(query.groupBy().stream().map(RegulatorRoutes::dimensionId).toList()))
        .put("platform", query.platform())
        .put("region", query.regions().code())
        .put("rows", rows);
  }

  private JsonObject pageJson(EventPage page, ApiKey reader) {
    JsonArray events = new JsonArray();
    for (JournalEntry entry : page.entries()) {
      events.add(entry.event().toJson().put("cursor", cursors.of(entry.offset(), reader)));
    }
    return new JsonObject()
        .put("events", events)
        .put("nextBefore", page.nextBefore().isPresent() ? cursors.of(page.nextBefore().getAsLong(), reader) : null);
  }

  private static Dimension dimension(String param, String name) {
    return BodyFields.oneOf(Dimension.class, param, name, RegulatorRoutes::dimensionId);
  }

  private static String dimensionId(Dimension dimension) {
    return dimension.name().toLowerCase(Locale.ROOT);
  }
}
