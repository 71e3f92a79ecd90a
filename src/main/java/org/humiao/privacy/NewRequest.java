package org.humiao.privacy;

import java.util.Objects;

/**
 * A request as a platform forwards it.
 *
 * @param user the platform's id of the user whose information it concerns; used, never stored
 * @param region the platform key's division, or null
 * @param note optional, at most {@value PrivacyRequests#MAX_NOTE} characters, no resident ID number
 */
public record NewRequest(String platform, String region, String user, RequestKind kind, Requester requester,
                         String note) {
  public NewRequest {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requester, "requester");
  }
}
