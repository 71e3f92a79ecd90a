package org.humiao.moderation.lists;

/**
 * How much one list may hold (settings {@code listMaxEntries}, {@code listMaxEntryLength}).
 *
 * @param maxEntries entries per list
 * @param maxLength UTF-16 units per term or phrase
 */
public record ListLimits(int maxEntries, int maxLength) {}
