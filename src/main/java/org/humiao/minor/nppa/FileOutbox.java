package org.humiao.minor.nppa;

import org.humiao.durable.JsonOutbox;

import java.io.IOException;
import java.nio.file.Path;

/** The NPPA's durable outbox of login/logout records: a {@link JsonOutbox} of {@link BehaviourRecord}s. */
public final class FileOutbox extends JsonOutbox<BehaviourRecord> {

  public static final long DEFAULT_COMPACT_AFTER_BYTES = JsonOutbox.DEFAULT_COMPACT_AFTER_BYTES;

  private FileOutbox(Path dir, long compactAfterBytes) throws IOException {
    super(dir, compactAfterBytes, BehaviourRecord::toJson, BehaviourRecord::fromJson);
  }

  public static FileOutbox open(Path dir) throws IOException {
    return open(dir, DEFAULT_COMPACT_AFTER_BYTES);
  }

  public static FileOutbox open(Path dir, long compactAfterBytes) throws IOException {
    return new FileOutbox(dir, compactAfterBytes);
  }
}
