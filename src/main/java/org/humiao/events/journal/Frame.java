package org.humiao.events.journal;

/** One record as read back from a segment: its offset and its JSON payload. */
record Frame(long offset, byte[] payload) {}
