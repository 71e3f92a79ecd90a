package org.humiao.minor;

import org.humiao.minor.policy.MinorPolicy;
import org.humiao.minor.policy.PolicyBook;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.store.GuardianControls;
import org.humiao.minor.store.StateView;

/**
 * Everything one decision depends on besides the counters: the policy book it took (one version
 * for the whole decision), the policy and operator of the platform, the subject and, for a
 * person, the guardian's controls (null if none); {@code state} is all the call read of the store
 * at its start, in one round trip, counters included.
 */
record RequestContext(PolicyBook book, MinorPolicy policy, ServiceKind service, String platform, String userId,
                      String operator, Subject subject, GuardianControls guardian, StateView state) {}
