package org.humiao.cases;

import java.util.List;
import java.util.Optional;

/**
 * Where the cases live: a log in the data dir (embedded profile, {@link FileCaseStore}) or Redis
 * (cluster profile, {@link RedisCaseStore}, the same cases from every instance). Calls may block
 * (disk sync, a Redis round trip): call them off the event loop.
 */
public interface CaseStore extends AutoCloseable {
  /** Stores {@code opening} unless a case of its id exists; answers the stored case either way. */
  MandatoryCase open(MandatoryCase opening);

  Optional<MandatoryCase> find(String id);

  /** Every case, newest opening first. */
  List<MandatoryCase> all();

  /**
   * Appends {@code action} to the case's history, atomically against other writers.
   *
   * @throws CaseException NOT_FOUND for an unknown case, CONFLICT when its status does not allow the step
   */
  MandatoryCase act(String id, CaseAction action);

  @Override
  void close();
}
