package org.humiao.moderation.review;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.events.ViolationEvent;
import org.humiao.screening.ScreeningResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The review queues of every platform over one {@link ReviewStore}: what enters them, their order,
 * leases on the service's clock, resolutions as violation events, and the dropping of texts
 * {@code retention} after resolution. A task whose text is due to go is shown without it even
 * before {@link #dropExpiredTexts()} has run. Calls block on the store: run them on a worker.
 */
public final class ReviewQueue {
  /** Queue order: highest priority first, then oldest first; the id settles ties so pages are stable. */
  static final Comparator<ReviewTask> ORDER = Comparator.comparingInt(ReviewTask::priority).reversed()
      .thenComparing(ReviewTask::created).thenComparing(ReviewTask::id);

  private final ReviewStore store;
  private final Consumer<ViolationEvent> sink;
  private final Clock clock;
  private final Duration lease;
  private final Duration retention;
  private final ListAddition.Lists lists;

  /**
   * @param sink where resolutions go as violation events (the journal)
   * @param lease how long a claim holds a task
   * @param retention how long a resolved task keeps its text
   * @param lists where a resolution's list addition goes
   */
  public ReviewQueue(ReviewStore store, Consumer<ViolationEvent> sink, Clock clock, Duration lease, Duration retention,
      ListAddition.Lists lists) {
    this.store = store;
    this.sink = sink;
    this.clock = clock;
    this.lease = lease;
    this.retention = retention;
    this.lists = lists;
  }

  public Instant now() {
    return clock.instant();
  }

  /** A screened text enters its platform's queue if the engine held it for review; a retry of its dataId adds nothing. */
  public void screened(String platform, String dataId, String scene, String text, ScreeningResult result) {
    if (platform == null) {
      return; // an admin screening for no platform: no queue to put it in
    }
    ReviewTask task = NewTasks.screened(platform, dataId, scene, text, result, clock.instant());
    if (task != null) {
      store.add(task);
    }
  }

  /** An appeal or report enters the queue; the same content's complaint of the same kind answers with its first task. */
  public ReviewTask complain(String platform, TaskKind kind, String dataId, String scene, String text, String category,
      ReviewTask.Complaint complaint) {
    return visible(store.add(NewTasks.complaint(platform, kind, dataId, scene, text, category, complaint,
        clock.instant())));
  }

  /** The tasks of the query, in queue order. */
  public List<ReviewTask> list(TaskQuery q) {
    Instant now = clock.instant();
    return store.tasks(q.platform()).stream()
        .filter(t -> q.status() == null || t.status(now) == q.status())
        .filter(t -> q.kind() == null || t.kind() == q.kind())
        .filter(t -> q.category() == null || t.content().categories().contains(q.category()))
        .sorted(ORDER)
        .skip(q.offset())
        .limit(q.limit())
        .map(this::visible)
        .toList();
  }

  public Optional<ReviewTask> task(String platform, String id) {
    return store.task(platform, id).map(this::visible);
  }

  public ReviewStore.Claimed claim(String platform, String id, String keyId) {
    Instant now = clock.instant();
    ReviewStore.Claimed claimed = store.claim(platform, id, keyId, now, now.plus(lease));
    return claimed.task() == null ? claimed : new ReviewStore.Claimed(claimed.outcome(), visible(claimed.task()));
  }

  /**
   * Resolves the task; a resolution is journaled as a {@code review_confirmed} or {@code
   * review_overturned} event, and its list addition, if any, handed to the platform's lists.
   *
   * @param addition a term for the platform's lists, or null
   */
  public Resolution resolve(String platform, String id, String keyId, Verdict verdict, String category, String note,
      ListAddition addition) {
    ReviewStore.Resolved resolved = store.resolve(platform, id,
        new ReviewTask.Resolution(verdict, category, note, keyId, clock.instant()));
    boolean listed = false;
    if (resolved.outcome() == ReviewStore.Outcome.DONE) {
      sink.accept(event(resolved.task()));
      // the resolution's category: the reviewer's, or the task's when the reviewer named none
      listed = addition != null && lists.add(platform, addition, resolved.task().settledCategory());
    }
    return new Resolution(resolved.outcome(), resolved.task() == null ? null : visible(resolved.task()), listed);
  }

  /** What a resolution did; {@code listed}: whether the lists took its addition. */
  public record Resolution(ReviewStore.Outcome outcome, ReviewTask task, boolean listed) {}

  /** Drops the texts due to go; returns how many. */
  public int dropExpiredTexts() {
    return store.dropTexts(clock.instant().minus(retention).plusNanos(1));
  }

  /** Counts for regulators, of one platform or (null) all. */
  public ReviewSummary summary(String platform, int withinHours) {
    Instant now = clock.instant();
    Duration within = Duration.ofHours(withinHours);
    Map<TaskKind, List<ReviewTask>> byKind = store.tasks(platform).stream()
        .collect(Collectors.groupingBy(ReviewTask::kind, () -> new EnumMap<>(TaskKind.class), Collectors.toList()));
    Map<TaskKind, ReviewSummary.Counts> kinds = new EnumMap<>(TaskKind.class);
    for (TaskKind kind : TaskKind.values()) {
      List<ReviewTask> tasks = byKind.getOrDefault(kind, List.of());
      List<ReviewTask> resolved = tasks.stream().filter(t -> t.status(now) == TaskStatus.RESOLVED).toList();
      long seconds = resolved.stream().mapToLong(ReviewQueue::handlingSeconds).sum();
      kinds.put(kind, new ReviewSummary.Counts(
          tasks.size() - resolved.size(),
          resolved.size(),
          resolved.stream().filter(t -> t.resolution().verdict() == Verdict.BLOCK).count(),
          resolved.stream().filter(t -> t.resolution().verdict() == Verdict.PASS).count(),
          tasks.stream().filter(t -> t.complaint() != null && t.complaint().minor()).count(),
          resolved.stream().filter(t -> handlingSeconds(t) <= within.toSeconds()).count(),
          resolved.isEmpty() ? 0 : seconds / resolved.size()));
    }
    return new ReviewSummary(withinHours, kinds);
  }

  /** Unresolved tasks, and the age of the oldest, for the queue's gauges. */
  public Depth depth() {
    Instant now = clock.instant();
    List<ReviewTask> waiting = store.tasks(null).stream().filter(t -> t.resolution() == null).toList();
    Instant oldest = waiting.stream().map(ReviewTask::created).min(Comparator.naturalOrder()).orElse(now);
    return new Depth(waiting.size(), Duration.between(oldest, now).toSeconds());
  }

  /** @param oldestSeconds the age of the oldest unresolved task; 0 when there is none */
  public record Depth(int tasks, long oldestSeconds) {}

  public static long handlingSeconds(ReviewTask resolved) {
    return Duration.between(resolved.created(), resolved.resolution().at()).toSeconds();
  }

  private ReviewTask visible(ReviewTask task) {
    return task.content().text() != null && task.textExpired(clock.instant(), retention) ? task.withoutText() : task;
  }

  /** The resolution as regulators see it: the verdict and what it was about, never the text. */
  private static ViolationEvent event(ReviewTask task) {
    ReviewTask.Resolution r = task.resolution();
    int severity = task.content().evidence().stream().mapToInt(TaskEvidence::severity).max().orElse(0);
    JsonObject evidence = new JsonObject()
        .put("task", task.id())
        .put("taskKind", Vocabulary.id(task.kind()))
        .put("verdict", Vocabulary.id(r.verdict()))
        .put("source", Vocabulary.id(task.content().source()))
        .put("categories", new JsonArray(List.copyOf(task.content().categories())))
        .put("handlingSeconds", handlingSeconds(task))
        .put("minor", task.complaint() != null && task.complaint().minor());
    if (task.content().masked() != null) {
      evidence.put("masked", task.content().masked());
    }
    return ViolationEvent.builder(task.platform(), r.verdict().event())
        .id(ViolationEvent.derivedId("review", task.platform(), task.id()))
        .time(r.at())
        .category(task.settledCategory(), severity)
        .rule(Vocabulary.id(task.content().source()))
        .dataId(task.dataId())
        .evidence(evidence)
        .build();
  }
}
