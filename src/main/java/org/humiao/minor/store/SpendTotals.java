package org.humiao.minor.store;

/** Accepted, not refunded spending of one person at one operator and service, in fen. */
public record SpendTotals(long monthFen, long dayFen) {}
