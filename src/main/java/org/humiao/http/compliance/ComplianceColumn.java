package org.humiao.http.compliance;

import org.humiao.compliance.PlatformCompliance;

import java.util.function.Function;

/**
 * The columns of the compliance report, in order: the JSON field (also the CSV header), the Chinese
 * heading of the printable report, and the value. One list, so the three forms cannot drift apart.
 */
enum ComplianceColumn {
  RANK("rank", "排名", PlatformCompliance::rank),
  PLATFORM("platform", "平台", PlatformCompliance::platform),
  SCREENED("screened", "送检文本", PlatformCompliance::screened),
  MINOR_SESSIONS("minorSessions", "未成年人会话", PlatformCompliance::minorSessions),
  VIOLATIONS("violations", "违规", PlatformCompliance::violations),
  PER_10K("per10k", "违规/万条", PlatformCompliance::per10k),
  CURFEW_REFUSALS("curfewRefusals", "宵禁拒绝", PlatformCompliance::curfewRefusals),
  CURFEW_REFUSALS_PER_10K_SESSIONS("curfewRefusalsPer10kSessions", "宵禁拒绝/万会话",
      PlatformCompliance::curfewRefusalsPer10kSessions),
  QUOTA_REFUSALS("quotaRefusals", "时长拒绝", PlatformCompliance::quotaRefusals),
  QUOTA_REFUSALS_PER_10K_SESSIONS("quotaRefusalsPer10kSessions", "时长拒绝/万会话",
      PlatformCompliance::quotaRefusalsPer10kSessions),
  PAYMENT_REFUSALS("paymentRefusals", "充值拒绝", PlatformCompliance::paymentRefusals),
  NONCOMPLIANCE("noncompliance", "平台违规", PlatformCompliance::noncompliance),
  MANDATORY_REPORTS("mandatoryReports", "强制报告", PlatformCompliance::mandatoryReports),
  MANDATORY_REPORTS_PER_10K("mandatoryReportsPer10k", "强制报告/万条", PlatformCompliance::mandatoryReportsPer10k),
  REVIEW_BACKLOG("reviewBacklog", "审核积压", PlatformCompliance::reviewBacklog),
  REPORTS_HANDLED("reportsHandled", "举报处理", PlatformCompliance::reportsHandled),
  REPORTS_HANDLED_WITHIN_24H("reportsHandledWithin24h", "24小时内处理", PlatformCompliance::reportsHandledWithin24h),
  APPEALS_OVERTURNED("appealsOverturned", "申诉改判", PlatformCompliance::appealsOverturned),
  SURGES("surges", "网暴激增", PlatformCompliance::surges),
  MEDIAN_SECONDS_TO_PROTECTION("medianSecondsToProtection", "保护用时中位数(秒)",
      PlatformCompliance::medianSecondsToProtection);

  final String id;
  final String heading;
  final Function<PlatformCompliance, Object> value;

  ComplianceColumn(String id, String heading, Function<PlatformCompliance, Object> value) {
    this.id = id;
    this.heading = heading;
    this.value = value;
  }
}
