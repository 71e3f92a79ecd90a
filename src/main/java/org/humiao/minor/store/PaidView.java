package org.humiao.minor.store;

import java.util.Optional;

/**
 * What {@link PlayStateStore#viewThenRecordPayment} read and what recording the planned payment answered
 * (empty: the plan recorded none).
 */
public record PaidView(StateView view, Optional<PaymentOutcome> outcome) {}
