package org.humiao.pileon;

import java.time.Instant;

/** Whether a platform's user is a minor at a time, as minor mode's attestations say; unattested users are not. */
@FunctionalInterface
public interface MinorLookup {
  MinorLookup NOBODY = (platform, user, at) -> false;

  boolean isMinor(String platform, String user, Instant at);
}
