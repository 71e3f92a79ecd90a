package org.humiao.minor.store;

import java.util.Objects;
import java.util.Set;

/**
 * What {@link PlayStateStore#erase} removes of one platform user, and what it keeps because a rule
 * still needs it (docs/privacy.md lists both). Built by minor mode from the user's link.
 *
 * @param userKey the user's link ({@link Keys#user}), removed
 * @param guardianKey the person's guardian controls at the operator ({@link Keys#personOperator}), removed; null: kept
 * @param playPrefix budget keys starting with this (the person's play at the operator) are removed,
 *     except {@code keepPlay}; null: no play is removed
 * @param keepPlay budget keys kept: today's, so the daily quota still holds
 * @param spendKeys the person's spending keys at the operator; their totals are removed except the
 *     month {@code keepMonth} and the day {@code keepDay}, so spending limits still hold
 * @param guestKeys guest device keys ({@link Keys#guestDevice}) made of the user id (a platform that
 *     sends no device): their windows and every window's play are removed, since they name the user
 */
public record Erasure(String userKey, String guardianKey, String playPrefix, Set<String> keepPlay,
                      Set<String> spendKeys, String keepMonth, String keepDay, Set<String> guestKeys) {
  public Erasure {
    Objects.requireNonNull(userKey, "userKey");
    keepPlay = Set.copyOf(keepPlay);
    guestKeys = Set.copyOf(guestKeys);
    spendKeys = Set.copyOf(spendKeys);
    Objects.requireNonNull(keepMonth, "keepMonth");
    Objects.requireNonNull(keepDay, "keepDay");
  }

  /** Whether a budget key is the person's play at the operator that is not kept, or a guest play of the user's. */
  public boolean erasesPlay(String budgetKey) {
    return playPrefix != null && budgetKey.startsWith(playPrefix) && !keepPlay.contains(budgetKey)
        || guestKeys.stream().anyMatch(guest -> budgetKey.startsWith(Keys.guestPlayOf(guest)));
  }
}
