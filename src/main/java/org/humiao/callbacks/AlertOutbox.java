package org.humiao.callbacks;

import org.humiao.durable.JsonOutbox;

import java.io.IOException;
import java.nio.file.Path;

/** The durable outbox of alerts still to deliver: a {@link JsonOutbox} of {@link QueuedAlert}s. */
public final class AlertOutbox extends JsonOutbox<QueuedAlert> {

  private AlertOutbox(Path dir) throws IOException {
    super(dir, DEFAULT_COMPACT_AFTER_BYTES, QueuedAlert::toJson, QueuedAlert::fromJson);
  }

  /** Opens the outbox in {@code dir}; what an earlier run left pending is delivered first. */
  public static AlertOutbox open(Path dir) throws IOException {
    return new AlertOutbox(dir);
  }
}
