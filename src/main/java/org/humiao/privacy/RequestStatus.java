package org.humiao.privacy;

import java.util.Locale;

/** Where a request stands: taken and not yet done, done, or stopped by a storage failure (asked again, it is redone). */
public enum RequestStatus {
  RECEIVED,
  COMPLETED,
  FAILED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
