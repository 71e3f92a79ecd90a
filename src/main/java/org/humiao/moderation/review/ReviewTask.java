package org.humiao.moderation.review;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One piece of content before a platform's reviewers. Immutable: a claim, a resolution or the
 * dropping of the text makes a new task.
 *
 * @param id the task's id, derived from platform, kind and dataId when there is one, so a retry adds nothing
 * @param dataId the platform's id of the content; null only for a screened text that named none
 * @param priority higher first (see {@link Priority}); then older first
 * @param complaint who appealed or reported, and why; null for a screened text
 * @param claim the latest claim; it holds the task only until its lease ends; null when never claimed
 * @param resolution the reviewer's decision; null while undecided
 */
public record ReviewTask(String id, String platform, TaskKind kind, String dataId, int priority, Instant created,
                         Content content, Complaint complaint, Claim claim, Resolution resolution) {

  public ReviewTask {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(content, "content");
  }

  /**
   * What the reviewer judges.
   *
   * @param text the text as the user wrote it; null once dropped after resolution (never in an event)
   * @param masked the text with the evidence masked; null when the engine did not screen it
   * @param evidence what the engine found, with offsets into {@code text}
   * @param categories category ids, strongest first
   */
  public record Content(String scene, String text, String masked, List<TaskEvidence> evidence, List<String> categories,
                        DecisionSource source) {
    public Content {
      Objects.requireNonNull(source, "source");
      evidence = List.copyOf(evidence);
      categories = List.copyOf(categories);
    }

    Content withoutText() {
      return new Content(scene, null, masked, evidence, categories, source);
    }

    /** Without the text and its masked copy: what remains is the engine's findings, never the user's words. */
    Content withoutTexts() {
      return new Content(scene, null, null, evidence, categories, source);
    }
  }

  /**
   * An appeal or report.
   *
   * @param userId who appealed or reported, as the platform names users; may be null
   * @param reportedUser whom a report is about; null for an appeal
   * @param reason the user's words or the platform's reason code
   * @param minor whether the user complaining or the user reported is a minor: such tasks come first
   */
  public record Complaint(String userId, String reportedUser, String reason, boolean minor) {}

  /** A reviewer's hold on a task, by key id, until {@code until}. */
  public record Claim(String keyId, Instant until) {}

  /** A decision: the verdict, the category it settles on, the reviewer's note, who and when. */
  public record Resolution(Verdict verdict, String category, String note, String keyId, Instant at) {
    public Resolution {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(at, "at");
    }
  }

  public TaskStatus status(Instant now) {
    if (resolution != null) {
      return TaskStatus.RESOLVED;
    }
    return claim != null && claim.until().isAfter(now) ? TaskStatus.CLAIMED : TaskStatus.OPEN;
  }

  public ReviewTask withClaim(Claim newClaim) {
    return new ReviewTask(id, platform, kind, dataId, priority, created, content, complaint, newClaim, resolution);
  }

  public ReviewTask withResolution(Resolution decided) {
    return new ReviewTask(id, platform, kind, dataId, priority, created, content, complaint, claim, decided);
  }

  public ReviewTask withoutText() {
    return new ReviewTask(id, platform, kind, dataId, priority, created, content.withoutText(), complaint, claim,
        resolution);
  }

  /** Whether the task's complaint names {@code userId}, as the user who complained or the user reported. */
  public boolean concerns(String userId) {
    return complaint != null && (userId.equals(complaint.userId()) || userId.equals(complaint.reportedUser()));
  }

  /**
   * The task with {@code userId} forgotten (a deletion request): no text nor masked text, and the
   * complaint without the user's id, nor the complainant's words when the user complained.
   */
  public ReviewTask forgetting(String userId) {
    boolean complained = complaint != null && userId.equals(complaint.userId());
    Complaint kept = complaint == null ? null : new Complaint(complained ? null : complaint.userId(),
        userId.equals(complaint.reportedUser()) ? null : complaint.reportedUser(), complained ? null : complaint.reason(),
        complaint.minor());
    return new ReviewTask(id, platform, kind, dataId, priority, created, content.withoutTexts(), kept, claim,
        resolution);
  }

  /** The category a resolved task settles on: the reviewer's, else the strongest one found, else "unspecified". */
  public String settledCategory() {
    if (resolution != null && resolution.category() != null) {
      return resolution.category();
    }
    return content.categories().isEmpty() ? "unspecified" : content.categories().get(0);
  }

  /** Whether the text is to be gone by {@code now}: resolved at least {@code retention} ago. */
  public boolean textExpired(Instant now, Duration retention) {
    return resolution != null && !resolution.at().plus(retention).isAfter(now);
  }

  /** The id of a task: derived when the content has a dataId, so the same content enters a queue once per kind. */
  static String idFor(String platform, TaskKind kind, String dataId) {
    return dataId == null ? UUID.randomUUID().toString()
        : UUID.nameUUIDFromBytes(String.join("\u0000", "review", platform, Vocabulary.id(kind), dataId)
            .getBytes(StandardCharsets.UTF_8)).toString();
  }
}
