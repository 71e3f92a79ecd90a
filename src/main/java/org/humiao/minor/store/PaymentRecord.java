package org.humiao.minor.store;

/** An accepted payment and the totals right after it was accepted (what its answer reported). */
public record PaymentRecord(PaymentEntry entry, SpendTotals totalsAfter, boolean refunded) {}
