package org.humiao.privacy;

import java.util.List;
import java.util.Optional;

/**
 * Where data-rights requests and their outcomes are kept: a file in the data dir (embedded profile,
 * {@link FilePrivacyLog}) or Redis (cluster profile, {@link RedisPrivacyLog}). Each call is durable
 * when it returns; calls may block on I/O.
 */
public interface PrivacyLog extends AutoCloseable {
  /** Stores the request, replacing the one of its id. */
  void put(PrivacyRequest request);

  Optional<PrivacyRequest> find(String id);

  /** Every request, in no particular order. */
  List<PrivacyRequest> all();

  @Override
  void close();
}
