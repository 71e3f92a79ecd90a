package org.humiao.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.summary.Dimension;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.EventPage;
import org.humiao.events.summary.EventPager;
import org.humiao.events.summary.SummaryQuery;
import org.humiao.events.summary.SummaryRow;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.keys.ApiKey;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The regulators' reading of the violation events: counts and listings. A regulator or admin key
 * sees every platform; a platform key sees its own events only, whatever it asks. The query is
 * checked on the event loop (cheap), the reading runs on the worker pool (a listing may scan the
 * journal on disk).
 */
final class RegulatorRoutes {
  private static final int DEFAULT_PAGE = 100;

  private final ViolationSummaries summaries;
  private final EventPager pager;
  private final WorkerPool pool;

  RegulatorRoutes(ViolationSummaries summaries, EventPager pager, WorkerPool pool) {
    this.summaries = summaries;
    this.pager = pager;
    this.pool = pool;
  }

  /** {@code GET /v1/regulator/summary?from&to&groupBy&period&platform}: {@code to} is inclusive. */
  void summary(RoutingContext ctx) {
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
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
    SummaryQuery query = new SummaryQuery(from, to.plusDays(1), groupBy, platform(ctx));
    pool.submit(() -> summaryJson(query, to))
        .onSuccess(answer -> Responses.json(ctx, 200, answer))
        .onFailure(ctx::fail);
  }

  /** {@code GET /v1/regulator/events?platform&kind&category&minSeverity&before&limit}: newest first. */
  void events(RoutingContext ctx) {
    String kind = param(ctx, "kind");
    EventFilter filter = new EventFilter(platform(ctx), kind == null ? null : kind(kind), id(ctx, "category"),
        (int) number(ctx, "minSeverity", 0, 0, Integer.MAX_VALUE), null, null);
    long before = number(ctx, "before", Long.MAX_VALUE, 0, Long.MAX_VALUE);
    int limit = (int) number(ctx, "limit", DEFAULT_PAGE, 1, EventPager.MAX_LIMIT);
    pool.submit(() -> pageJson(pager.page(filter, before, limit)))
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
          .put("events", row.events())
          .put("mandatoryReports", row.mandatoryReports())
          .put("maxSeverity", row.maxSeverity()));
    }
    return new JsonObject()
        .put("from", query.from().toString())
        .put("to", to.toString())
        .put("groupBy", new JsonArray(query.groupBy().stream().map(RegulatorRoutes::dimensionId).toList()))
        .put("platform", query.platform())
        .put("rows", rows);
  }

  private static JsonObject pageJson(EventPage page) {
    JsonArray events = new JsonArray();
    for (JournalEntry entry : page.entries()) {
      events.add(entry.event().toJson().put("offset", entry.offset()));
    }
    return new JsonObject()
        .put("events", events)
        .put("nextBefore", page.nextBefore().isPresent() ? page.nextBefore().getAsLong() : null);
  }

  /** The platform asked for, or a platform key's own (it may ask for no other); null for all. */
  private static String platform(RoutingContext ctx) {
    ApiKey key = Authenticator.key(ctx);
    String named = id(ctx, "platform");
    PlatformScope.check(key, named);
    return named != null ? named : key.platform();
  }

  private static String param(RoutingContext ctx, String name) {
    return ctx.queryParams().get(name);
  }

  private static String id(RoutingContext ctx, String name) {
    return BodyFields.id(new JsonObject().put(name, param(ctx, name)), name, "");
  }

  private static LocalDate date(RoutingContext ctx, String name) {
    String value = BodyFields.required(name, param(ctx, name));
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw BodyFields.invalid(name, "a date YYYY-MM-DD");
    }
  }

  private static long number(RoutingContext ctx, String name, long absent, long min, long max) {
    String value = param(ctx, name);
    if (value == null) {
      return absent;
    }
    try {
      long n = Long.parseLong(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below, as a number out of range is
    }
    throw BodyFields.invalid(name, "a whole number from " + min + " to " + max);
  }

  private static Dimension dimension(String param, String name) {
    return BodyFields.oneOf(Dimension.class, param, name, RegulatorRoutes::dimensionId);
  }

  private static ViolationEvent.Kind kind(String name) {
    return BodyFields.oneOf(ViolationEvent.Kind.class, "kind", name, ViolationEvent.Kind::id);
  }

  private static String dimensionId(Dimension dimension) {
    return dimension.name().toLowerCase(Locale.ROOT);
  }
}
