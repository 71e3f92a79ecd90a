package org.humiao.http.regulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.events.summary.Dimension;
import org.humiao.http.PrintableReport;
import org.humiao.events.summary.EventPager;
import org.humiao.events.summary.SummaryQuery;
import org.humiao.events.summary.SummaryRow;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.pileon.PileOnReport;
import org.humiao.regions.RegionScope;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * 季报: the figures of one quarter (Beijing days), each breakdown one summary query, so a report
 * and {@code /v1/regulator/summary} over the same days cannot disagree. Months come from the
 * query by day; every month of the quarter is listed, an empty one with zeros.
 */
final class QuarterlyReport {
  /** What the printable 季报 says it counts. */
  private static final String METHOD = "按北京时间自然日统计本季度内、监管辖区（含下级行政区划）内的违规事件，"
      + "与 /v1/regulator/summary 对同一期间的计数一致；强制报告为标记为强制报告的事件；"
      + "最高严重度为事件严重度（0–4）的最大值，无事件时为“—”。";

  private final ViolationSummaries summaries;
  private final EventPager pager;

  /** @param pager reads the journal for what summaries do not keep (pile-ons' time to protection) */
  QuarterlyReport(ViolationSummaries summaries, EventPager pager) {
    this.summaries = summaries;
    this.pager = pager;
  }

  /**
   * @param platform null for every platform
   * @param regions the regions the report covers
   */
  JsonObject build(int year, int quarter, String platform, RegionScope regions) {
    LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    LocalDate end = from.plusMonths(3);
    Function<Set<Dimension>, List<SummaryRow>> by =
        groupBy -> summaries.query(new SummaryQuery(from, end, groupBy, platform, regions));
    List<SummaryRow> total = by.apply(EnumSet.noneOf(Dimension.class));
    JsonObject report = new JsonObject()
        .put("year", year)
        .put("quarter", quarter)
        .put("period", year + "-Q" + quarter)
        .put("from", from.toString())
        .put("to", end.minusDays(1).toString())
        .put("platform", platform)
        .put("region", regions.code());
    figures(report, total.isEmpty() ? null : total.get(0));
    return report
        .put("byPlatform", rows(by.apply(Set.of(Dimension.PLATFORM)), "platform", SummaryRow::platform))
        .put("byCategory", rows(by.apply(Set.of(Dimension.CATEGORY)), "category", SummaryRow::category))
        .put("byKind", rows(by.apply(Set.of(Dimension.KIND)), "kind", row -> row.kind().id()))
        .put("byMonth", months(from, by.apply(Set.of(Dimension.DAY))))
        .put("pileOns", PileOnReport.build(summaries, pager, from, end, platform, regions));
  }

  /** The report as a printable page: the same figures, headed in Chinese, with period, scope and method. */
  static PrintableReport printable(JsonObject report, RegionScope regions) {
    List<String> figures = List.of("违规事件", "强制报告", "最高严重度");
    Function<JsonObject, List<Object>> counts = row ->
        List.of(row.getLong("events"), row.getLong("mandatoryReports"), row.getValue("maxSeverity") == null ? "—"
            : row.getValue("maxSeverity"));
    PrintableReport page = new PrintableReport("未成年人网络保护季报 " + report.getInteger("year") + " 年第 "
        + report.getInteger("quarter") + " 季度")
        .fact("统计期间", report.getString("from") + " 至 " + report.getString("to") + "（北京时间）")
        .fact("监管范围", regions.national() ? "全国" : regions.name() + "（" + regions.code() + "）及下级行政区划")
        .fact("平台", report.getString("platform") == null ? "全部平台" : report.getString("platform"))
        .paragraph("统计口径", METHOD)
        .table("合计", figures, List.of(counts.apply(report)));
    // the JSON array, its rows' name field, the table's heading and its first column's
    for (String[] part : new String[][] {{"byPlatform", "platform", "按平台", "平台"},
        {"byCategory", "category", "按类别", "类别"}, {"byKind", "kind", "按事件类型", "事件类型"}, {"byMonth", "month", "按月", "月份"}}) {
      List<List<Object>> rows = new ArrayList<>();
      for (Object row : report.getJsonArray(part[0])) {
        List<Object> cells = new ArrayList<>();
        cells.add(((JsonObject) row).getString(part[1]));
        cells.addAll(counts.apply((JsonObject) row));
        rows.add(cells);
      }
      List<String> headers = new ArrayList<>();
      headers.add(part[3]);
      headers.addAll(figures);
      page.table(part[2], headers, rows);
    }
    return page;
  }

  private static JsonArray rows(List<SummaryRow> rows, String name, Function<SummaryRow, String> value) {
    JsonArray answer = new JsonArray();
    rows.forEach(row -> answer.add(figures(new JsonObject().put(name, value.apply(row)), row)));
    return answer;
  }

  private static JsonArray months(LocalDate from, List<SummaryRow> days) {
    Map<YearMonth, long[]> months = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      // events, mandatory reports, highest severity (-1: none)
      months.put(YearMonth.from(from.plusMonths(i)), new long[] {0, 0, -1});
    }
    for (SummaryRow day : days) {
      long[] month = months.get(YearMonth.from(LocalDate.parse(day.period())));
      month[0] += day.events();
      month[1] += day.mandatoryReports();
      month[2] = Math.max(month[2], day.maxSeverity());
    }
    JsonArray answer = new JsonArray();
    months.forEach((month, sums) -> answer.add(new JsonObject()
        .put("month", month.toString())
        .put("events", sums[0])
        .put("mandatoryReports", sums[1])
        .put("maxSeverity", sums[2] < 0 ? null : sums[2])));
    return answer;
  }

  private static JsonObject figures(JsonObject into, SummaryRow row) {
    return into
        .put("events", row == null ? 0 : row.events())
        .put("mandatoryReports", row == null ? 0 : row.mandatoryReports())
        .put("maxSeverity", row == null ? null : row.maxSeverity());
  }
}
