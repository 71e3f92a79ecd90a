package org.humiao.http.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.humiao.moderation.review.ReviewQueue;
import org.humiao.moderation.review.ReviewTask;
import org.humiao.moderation.review.Vocabulary;

import java.time.Duration;

/**
 * The queue's meters: depth and the oldest task's age (read from the store at each scrape), time
 * to resolution, and the feedback count of resolutions by kind, category, decision source and
 * outcome, which says how often reviewers confirm each category and each tier of the engine.
 */
final class ReviewMetrics {
  private final MeterRegistry registry;
  private final Timer resolution;

  ReviewMetrics(MeterRegistry registry, ReviewQueue queue) {
    this.registry = registry;
    Gauge.builder("humiao.review.queue.depth", queue, q -> q.depth().tasks())
        .description("review tasks not yet resolved, of every platform")
        .register(registry);
    Gauge.builder("humiao.review.oldest.age.seconds", queue, q -> q.depth().oldestSeconds())
        .description("age of the oldest unresolved review task")
        .register(registry);
    resolution = Timer.builder("humiao.review.resolution")
        .description("time from a review task's creation to its resolution")
        .register(registry);
  }

  void resolved(ReviewTask task) {
    resolution.record(Duration.ofSeconds(ReviewQueue.handlingSeconds(task)));
    ReviewTask.Resolution r = task.resolution();
    Counter.builder("humiao.review.resolutions")
        .description("review resolutions by kind, category, decision source and outcome (confirmed or overturned)")
        .tag("kind", Vocabulary.id(task.kind()))
        .tag("category", task.settledCategory())
        .tag("source", Vocabulary.id(task.content().source()))
        .tag("outcome", r.verdict().outcome())
        .register(registry)
        .increment();
  }
}
