package org.humiao.minor.store;

import java.util.List;
import java.util.function.Function;

/**
 * What one minor-mode call reads before it decides ({@link PlayStateStore#view}): a user's link
 * and, when the user is linked, the keys that depend on the linked person (guardian controls and
 * play budgets) as functions of the person id, so a store can resolve them where the link is;
 * optionally a session's stop mark, a guest device's window and a payment's record. Built from
 * {@link #of} by the withers; a key left null is not read.
 *
 * @param guardianKeyOf the guardian controls' key of a person id
 * @param budgetKeysOf the play budget keys whose allowed totals are read, of a person id
 */
public record StateQuery(String userKey, Function<String, String> guardianKeyOf,
                         Function<String, List<String>> budgetKeysOf, String sessionKey, String guestKey,
                         String paymentKey) {

  /** The link only. */
  public static StateQuery of(String userKey) {
    return new StateQuery(userKey, person -> null, person -> List.of(), null, null, null);
  }

  public StateQuery guardian(Function<String, String> keyOf) {
    return new StateQuery(userKey, keyOf, budgetKeysOf, sessionKey, guestKey, paymentKey);
  }

  public StateQuery budgets(Function<String, List<String>> keysOf) {
    return new StateQuery(userKey, guardianKeyOf, keysOf, sessionKey, guestKey, paymentKey);
  }

  public StateQuery session(String key) {
    return new StateQuery(userKey, guardianKeyOf, budgetKeysOf, key, guestKey, paymentKey);
  }

  public StateQuery guest(String key) {
    return new StateQuery(userKey, guardianKeyOf, budgetKeysOf, sessionKey, key, paymentKey);
  }

  public StateQuery payment(String key) {
    return new StateQuery(userKey, guardianKeyOf, budgetKeysOf, sessionKey, guestKey, key);
  }
}
