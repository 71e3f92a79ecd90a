package org.humiao.compliance;

import io.vertx.core.json.JsonObject;
import org.humiao.events.ViolationEvent;
import org.humiao.events.ViolationEvent.Kind;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.summary.Dimension;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.EventPage;
import org.humiao.events.summary.EventPager;
import org.humiao.events.summary.SummaryQuery;
import org.humiao.events.summary.SummaryRow;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.moderation.review.ReviewQueue;
import org.humiao.moderation.review.ReviewSummary;
import org.humiao.moderation.review.TaskKind;
import org.humiao.moderation.review.Vocabulary;
import org.humiao.regions.RegionScope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Platform compliance for 通报: per platform, over Beijing days and a regulator's region scope, the
 * counts of the violation events by kind (from the summaries, so they agree with
 * {@code /v1/regulator/summary}), review handling and time to protection (from the events'
 * evidence, read from the journal), the screened texts and minor-mode sessions they are rated
 * against (the {@link DenominatorTally}s), and a rank. Reading runs on a worker: it may scan the journal.
 */
public final class ComplianceReport {
  /** What is counted and how platforms are ranked, stated in the report itself (Chinese: regulators read it). */
  public static final String METHOD = "统计口径：按北京时间自然日，在所选期间与监管辖区（含下级行政区划）内计数。"
      + "违规数为被拦截或转人工审核的文本（text_blocked、text_review、repost_blocked 事件）；"
      + "送检文本数为平台调用文本审核的条数（由服务在审核时计数，每隔几秒汇总存储），"
      + "每万条比率 = 计数 × 10000 ÷ 送检文本数，无送检文本时不计比率；未成年人模式会话数为平台对受未成年人模式限制的用户（未成年人及受限游客，不含成年人）请求开始游戏（authorize）的次数，无论准许或拒绝；宵禁、时长拒绝的每万会话比率 = 拒绝数 × 10000 ÷ 会话数，无会话时不计比率。"
      + "宵禁、时长、充值（含打赏）拒绝与平台违规（停止后仍在游戏）取自未成年人模式事件；强制报告为标记为强制报告的全部事件；"
      + "审核积压为平台当前未处理的审核任务（任务不含地区，仅全国范围显示）；"
      + "举报处理数及 24 小时内处理数、申诉改判数取自审核结果事件；网暴激增取自 bullying_surge 事件，"
      + "保护用时为 target_protected 事件中自激增起的秒数的中位数。"
      + "排名规则：先按平台违规数从多到少，再按每万条强制报告数从高到低，再按每万条违规数从高到低（无比率者在后），最后按平台标识排序；第 1 名最需关注。";

  /** Handling within this many hours is "within 24 h", the time the 未成年人网络保护条例 asks reports to be dealt with in. */
  static final long HANDLED_WITHIN_SECONDS = 24 * 3600;
  private static final Set<Kind> VIOLATIONS = Set.of(Kind.TEXT_BLOCKED, Kind.TEXT_REVIEW, Kind.REPOST_BLOCKED);
  private static final Comparator<Double> RATE = Comparator.nullsLast(Comparator.reverseOrder());
  private static final Comparator<PlatformCompliance.Builder> RANKING =
      Comparator.comparingLong((PlatformCompliance.Builder p) -> -p.noncompliance)
          .thenComparing(p -> p.per10k(p.mandatoryReports), RATE)
          .thenComparing(p -> p.per10k(p.violations), RATE)
          .thenComparing(p -> p.platform);

  private final ViolationSummaries summaries;
  private final EventPager pager;
  private final DenominatorTally screened;
  private final DenominatorTally sessions;
  private final ReviewQueue reviews;
  private final Function<String, Optional<String>> platformRegion;

  /**
   * @param platformRegion a platform's default region (its keys'), under which its texts that named no
   *     region are counted, as its events are (and all its minor-mode sessions: they name none)
   */
  public ComplianceReport(ViolationSummaries summaries, EventPager pager, DenominatorTally screened,
      DenominatorTally sessions, ReviewQueue reviews, Function<String, Optional<String>> platformRegion) {
    this.summaries = summaries;
    this.pager = pager;
    this.screened = screened;
    this.sessions = sessions;
    this.reviews = reviews;
    this.platformRegion = platformRegion;
  }

  /** The figures of the Beijing days {@code from} to {@code to} (inclusive) in {@code scope}, ranked. */
  public Compliance build(LocalDate from, LocalDate to, RegionScope scope) {
    Map<String, PlatformCompliance.Builder> platforms = new TreeMap<>();
    Function<String, PlatformCompliance.Builder> of = id -> platforms.computeIfAbsent(id, PlatformCompliance.Builder::new);
    read(screened, from, to, scope, (key, n) -> of.apply(key.platform()).screened += n);
    read(sessions, from, to, scope, (key, n) -> of.apply(key.platform()).minorSessions += n);
    for (SummaryRow row : summaries.query(new SummaryQuery(from, to.plusDays(1), Set.of(Dimension.PLATFORM, Dimension.KIND),
        null, scope))) {
      count(of.apply(row.platform()), row);
    }
    Instant start = from.atStartOfDay(ViolationSummaries.ZONE).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ViolationSummaries.ZONE).toInstant();
    for (Kind kind : List.of(Kind.REVIEW_CONFIRMED, Kind.REVIEW_OVERTURNED, Kind.TARGET_PROTECTED)) {
      scan(new EventFilter(null, kind, null, 0, start, end, scope), event -> evidence(of.apply(event.platform()), event));
    }
    if (scope.national()) {
      platforms.values().forEach(p -> p.reviewBacklog = backlog(p.platform));
    }
    List<PlatformCompliance.Builder> ranked = new ArrayList<>(platforms.values());
    ranked.sort(RANKING);
    List<PlatformCompliance> rows = new ArrayList<>(ranked.size());
    for (int i = 0; i < ranked.size(); i++) {
      rows.add(ranked.get(i).build(i + 1));
    }
    return new Compliance(from, to, scope.code(), rows);
  }

  /** Each count of {@code tally} in the days and the scope, a count naming no region being its platform's. */
  private void read(DenominatorTally tally, LocalDate from, LocalDate to, RegionScope scope,
      BiConsumer<TallyKey, Long> each) {
    tally.read(from, to).forEach((key, n) -> {
      String region = key.region() != null ? key.region() : platformRegion.apply(key.platform()).orElse(null);
      if (scope.contains(region)) {
        each.accept(key, n);
      }
    });
  }

  private static void count(PlatformCompliance.Builder p, SummaryRow row) {
    long n = row.events();
    p.mandatoryReports += row.mandatoryReports();
    if (VIOLATIONS.contains(row.kind())) {
      p.violations += n;
    }
    switch (row.kind()) {
      case CURFEW_ATTEMPT -> p.curfewRefusals += n;
      case QUOTA_EXCEEDED -> p.quotaRefusals += n;
      case PAYMENT_REFUSED, TIP_REFUSED -> p.paymentRefusals += n;
      case PLATFORM_NONCOMPLIANCE -> p.noncompliance += n;
      case BULLYING_SURGE -> p.surges += n;
      default -> {
        // counted above, or not a figure of the report
      }
    }
  }

  private static void evidence(PlatformCompliance.Builder p, ViolationEvent event) {
    JsonObject evidence = event.evidence();
    if (event.kind() == Kind.TARGET_PROTECTED) {
      Long seconds = evidence.getLong("secondsSinceSurge");
      if (seconds != null) {
        p.secondsToProtection.add(seconds);
      }
      return;
    }
    String taskKind = evidence.getString("taskKind");
    if (Vocabulary.id(TaskKind.REPORT).equals(taskKind)) {
      p.reportsHandled++;
      Long seconds = evidence.getLong("handlingSeconds");
      if (seconds != null && seconds <= HANDLED_WITHIN_SECONDS) {
        p.reportsHandledWithin24h++;
      }
    } else if (Vocabulary.id(TaskKind.APPEAL).equals(taskKind) && event.kind() == Kind.REVIEW_OVERTURNED) {
      p.appealsOverturned++;
    }
  }

  /** Every event of the filter, a page at a time. */
  private void scan(EventFilter filter, Consumer<ViolationEvent> each) {
    long before = Long.MAX_VALUE;
    while (true) {
      EventPage page = pager.page(filter, before, EventPager.MAX_LIMIT);
      page.entries().stream().map(JournalEntry::event).forEach(each);
      if (page.nextBefore().isEmpty()) {
        return;
      }
      before = page.nextBefore().getAsLong();
    }
  }

  private long backlog(String platform) {
    ReviewSummary summary = reviews.summary(platform, (int) (HANDLED_WITHIN_SECONDS / 3600));
    return summary.kinds().values().stream().mapToLong(ReviewSummary.Counts::open).sum();
  }

  /**
   * The report: the days it covers, the scope's division (null: national), and the platforms in rank order.
   */
  public record Compliance(LocalDate from, LocalDate to, String region, List<PlatformCompliance> platforms) {}
}
