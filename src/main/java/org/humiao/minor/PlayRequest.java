package org.humiao.minor;

import org.humiao.minor.policy.ServiceKind;

import java.util.Objects;

/**
 * A platform asking about play.
 *
 * @param session the platform's own id of this play session; a stop is remembered per session
 * @param device the device id, used for guests (null: the user id stands for the device)
 */
public record PlayRequest(String platform, String userId, String session, ServiceKind service, String device) {
  public PlayRequest {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(service, "service");
  }
}
