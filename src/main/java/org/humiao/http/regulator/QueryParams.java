package org.humiao.http.regulator;

import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.http.guard.Authenticator;
import org.humiao.http.guard.PlatformScope;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.events.ViolationEvent;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.keys.ApiKey;
import org.humiao.regions.RegionScope;

import java.time.LocalDate;

import static org.humiao.http.Query.date;
import static org.humiao.http.Query.number;

/**
 * Reads the query parameters of the regulators' routes, or throws the 400 that names the
 * parameter, as {@link BodyFields} does for bodies; and applies a platform key's platform and a
 * regulator key's regions.
 */
final class QueryParams {
  private QueryParams() {}

  static String param(RoutingContext ctx, String name) {
    return ctx.queryParams().get(name);
  }

  /** The platform asked for, or a platform key's own (it may ask for no other); null for all. */
  static String platform(RoutingContext ctx) {
    ApiKey key = Authenticator.key(ctx);
    String named = id(ctx, "platform");
    PlatformScope.check(key, named);
    return named != null ? named : key.platform();
  }

  /** The regions the key may read: a regulator key's division and everything under it, or all. */
  static RegionScope regions(RoutingContext ctx) {
    return Authenticator.key(ctx).scope();
  }

  static String id(RoutingContext ctx, String name) {
    return BodyFields.id(new JsonObject().put(name, param(ctx, name)), name, "");
  }

  static long requiredNumber(RoutingContext ctx, String name, long min, long max) {
    BodyFields.required(name, param(ctx, name));
    return number(ctx, name, 0, min, max);
  }

  /**
   * The listing filter of {@code platform, kind, category, minSeverity} and, when given, the
   * Beijing days {@code from}..{@code to} (both inclusive).
   */
  static EventFilter eventFilter(RoutingContext ctx) {
    String kind = param(ctx, "kind");
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw new ApiError(ErrorCode.INVALID_FIELD, "to (" + to + ") is before from (" + from + ")");
    }
    return new EventFilter(platform(ctx),
        kind == null ? null : BodyFields.oneOf(ViolationEvent.Kind.class, "kind", kind, ViolationEvent.Kind::id),
        id(ctx, "category"),
        (int) number(ctx, "minSeverity", 0, 0, Integer.MAX_VALUE),
        from == null ? null : from.atStartOfDay(ViolationSummaries.ZONE).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(ViolationSummaries.ZONE).toInstant(),
        regions(ctx));
  }
}
