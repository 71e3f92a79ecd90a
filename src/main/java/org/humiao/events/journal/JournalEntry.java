package org.humiao.events.journal;

import org.humiao.events.ViolationEvent;

/** An event as recorded in the journal, under its offset (sequence number, from 0, no gaps). */
public record JournalEntry(long offset, ViolationEvent event) {}
