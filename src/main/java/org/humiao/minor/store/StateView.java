package org.humiao.minor.store;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a {@link StateQuery} found, read together: nothing of the person (guardian controls, play)
 * when the user is not linked, and empty where the query named no key.
 *
 * @param allowedPlay the allowed total of each budget key the query named, for a linked user
 */
public record StateView(Optional<PersonLink> link, Optional<GuardianControls> guardian, Map<String, Long> allowedPlay,
                        OptionalLong stoppedAt, OptionalLong guestWindow, Optional<PaymentRecord> payment) {}
