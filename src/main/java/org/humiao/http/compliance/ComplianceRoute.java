package org.humiao.http.compliance;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.compliance.ComplianceReport;
import org.humiao.compliance.ComplianceReport.Compliance;
import org.humiao.compliance.PlatformCompliance;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.http.ApiError;
import org.humiao.http.Csv;
import org.humiao.http.ErrorCode;
import org.humiao.http.PrintableReport;
import org.humiao.http.Query;
import org.humiao.http.ReportFormat;
import org.humiao.http.Responses;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.Authenticator;
import org.humiao.regions.RegionScope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code GET /v1/regulator/compliance?from&to&format}: the dates are Beijing days, {@code to}
 * inclusive (default today), {@code from} by default the {@value #DEFAULT_DAYS} days up to {@code to},
 * at most {@value #MAX_DAYS} days; the scope is the key's region, never a parameter.
 */
final class ComplianceRoute {
  private static final int DEFAULT_DAYS = 30;
  /** A year and a day: a yearly 通报 over a leap year, and no report that scans the journal for longer. */
  private static final int MAX_DAYS = 366;
  private static final List<ComplianceColumn> COLUMNS = Arrays.asList(ComplianceColumn.values());

  private final ComplianceReport report;
  private final WorkerPool pool;
  private final Clock clock;

  ComplianceRoute(ComplianceReport report, WorkerPool pool, Clock clock) {
    this.report = report;
    this.pool = pool;
    this.clock = clock;
  }

  void handle(RoutingContext ctx) {
    ReportFormat format = ReportFormat.of(ctx, EnumSet.allOf(ReportFormat.class));
    LocalDate askedTo = Query.date(ctx, "to");
    LocalDate to = askedTo != null ? askedTo : LocalDate.now(clock.withZone(ViolationSummaries.ZONE));
    LocalDate askedFrom = Query.date(ctx, "from");
    LocalDate from = askedFrom != null ? askedFrom : to.minusDays(DEFAULT_DAYS - 1);
    if (to.isBefore(from)) {
      throw new ApiError(ErrorCode.INVALID_FIELD, "to (" + to + ") is before from (" + from + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new ApiError(ErrorCode.INVALID_FIELD, "a report covers at most " + MAX_DAYS + " days, not " + from + " to " + to);
    }
    RegionScope scope = Authenticator.key(ctx).scope();
    pool.submit(() -> report.build(from, to, scope))
        .onSuccess(compliance -> {
          switch (format) {
            case JSON -> Responses.json(ctx, 200, json(compliance));
            case CSV -> csv(ctx, compliance);
            case HTML -> html(compliance, scope).send(ctx);
          }
        })
        .onFailure(ctx::fail);
  }

  private static JsonObject json(Compliance compliance) {
    JsonArray platforms = new JsonArray();
    for (PlatformCompliance p : compliance.platforms()) {
      JsonObject row = new JsonObject();
      COLUMNS.forEach(c -> row.put(c.id, c.value.apply(p)));
      platforms.add(row);
    }
    return new JsonObject()
        .put("from", compliance.from().toString())
        .put("to", compliance.to().toString())
        .put("scope", new JsonObject().put("region", compliance.region()))
        .put("method", ComplianceReport.METHOD)
        .put("platforms", platforms);
  }

  private static void csv(RoutingContext ctx, Compliance compliance) {
    StringBuilder file = new StringBuilder(Csv.BOM).append(Csv.record(COLUMNS.stream().map(c -> c.id).toList()));
    for (PlatformCompliance p : compliance.platforms()) {
      file.append(Csv.record(COLUMNS.stream().map(c -> c.value.apply(p)).map(v -> v == null ? "" : v.toString()).toList()));
    }
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
        .putHeader(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"humiao-compliance-" + compliance.from() + "-" + compliance.to() + ".csv\"")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(file.toString());
  }

  private PrintableReport html(Compliance compliance, RegionScope scope) {
    List<List<Object>> rows = compliance.platforms().stream()
        .map(p -> COLUMNS.stream().map(c -> c.value.apply(p)).toList())
        .toList();
    return new PrintableReport("平台未成年人保护合规情况通报")
        .fact("统计期间", compliance.from() + " 至 " + compliance.to() + "（北京时间）")
        .fact("监管范围", scope.national() ? "全国" : scope.name() + "（" + scope.code() + "）及下级行政区划")
        .fact("生成时间", ZonedDateTime.now(clock.withZone(ViolationSummaries.ZONE))
            .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .fact("数据来源", "护苗 Humiao 违规事件、送检文本与未成年人模式会话计数")
        .paragraph("统计口径与排名规则", ComplianceReport.METHOD)
        .table("平台排名", COLUMNS.stream().map(c -> c.heading).toList(), rows);
  }
}
