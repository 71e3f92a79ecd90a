package org.humiao.moderation.review;

import org.humiao.screening.Decision;
import org.humiao.screening.Evidence;
import org.humiao.screening.ScreeningResult;

import java.time.Instant;
import java.util.List;

/** Makes the tasks that enter a queue: from a screened text held for review, an appeal and a report. */
public final class NewTasks {
  private NewTasks() {}

  /**
   * The task of a screened text, or null when the engine did not hold it for review.
   *
   * @param dataId the platform's id of the content, or null
   */
  public static ReviewTask screened(String platform, String dataId, String scene, String text, ScreeningResult result,
      Instant now) {
    if (result.decision() != Decision.REVIEW) {
      return null;
    }
    List<TaskEvidence> evidence = result.evidence().stream().map(NewTasks::evidence).toList();
    List<String> categories = result.categories().stream().map(c -> c.category().id()).toList();
    ReviewTask.Content content = new ReviewTask.Content(scene, text, result.masked(), evidence, categories,
        DecisionSource.of(result.reason()));
    return task(platform, TaskKind.SCREEN, dataId, content, null, now);
  }

  /**
   * The task of a user's complaint: an appeal of a block or a report of content.
   *
   * @param category the category the platform or user names, if any
   */
  public static ReviewTask complaint(String platform, TaskKind kind, String dataId, String scene, String text,
      String category, ReviewTask.Complaint complaint, Instant now) {
    if (kind == TaskKind.SCREEN) {
      throw new IllegalArgumentException("a screened text is no complaint");
    }
    ReviewTask.Content content = new ReviewTask.Content(scene, text, null, List.of(),
        category == null ? List.of() : List.of(category), DecisionSource.USER);
    return task(platform, kind, dataId, content, complaint, now);
  }

  private static ReviewTask task(String platform, TaskKind kind, String dataId, ReviewTask.Content content,
      ReviewTask.Complaint complaint, Instant now) {
    return new ReviewTask(ReviewTask.idFor(platform, kind, dataId), platform, kind, dataId,
        Priority.of(kind, complaint != null && complaint.minor()), now, content, complaint, null, null);
  }

  private static TaskEvidence evidence(Evidence e) {
    return new TaskEvidence(e.term(), e.category().id(), e.severity(), e.start(), e.end(), e.source());
  }
}
