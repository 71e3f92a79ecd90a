package org.humiao.minor;

import org.humiao.minor.policy.ServiceKind;

import java.util.Objects;

/**
 * A payment (or, for {@link ServiceKind#TIPPING}, a tip) the platform wants to take.
 *
 * @param idempotencyKey the platform's key of this payment: the same key is one payment
 */
public record PaymentRequest(String platform, String userId, ServiceKind service, long amountFen,
                             String idempotencyKey) {
  public PaymentRequest {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (amountFen <= 0) {
      throw new IllegalArgumentException("amountFen must be positive");
    }
  }
}
