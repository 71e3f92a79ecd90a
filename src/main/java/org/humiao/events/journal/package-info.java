/**
 * The durable violation-event journal.
 *
 * <p><b>Layout.</b> {@code <data-dir>/events/} holds segments named by the offset of their first
 * record, 20 digits ({@code 00000000000000000000.log}, {@code 00000000000000104857.log}, ...). A
 * new segment is started before a record would take the current one past
 * {@link org.humiao.events.journal.JournalOptions#segmentBytes()}; a record is never split.
 *
 * <p><b>Framing</b>, big-endian: {@code length u32 | crc32c u32 | offset u64 | payload}, where
 * payload is the event's schema-v1 JSON in UTF-8 and the CRC32C covers length, offset and payload.
 * Offsets start at 0 and rise by one per event with no gaps; they are the sequence numbers a Kafka
 * forwarder commits and pages use as cursors.
 *
 * <p><b>Durability.</b> Appends queue (bounded; a full queue is refused at once) for one writer
 * thread, which writes all queued appends, calls {@code FileChannel.force(false)} once, publishes
 * the new durable end to readers and listeners, and only then completes the appends' futures. A
 * new segment's directory entry is synced before anything in it is acknowledged.
 *
 * <p><b>Recovery.</b> Segments before the last were synced before the next was created, so only
 * the last is scanned on open: it is cut at the first record that is short, has an impossible
 * length, fails its CRC or carries the wrong offset. Nothing after such a record can have been
 * acknowledged, because a batch is acknowledged only once all of it is synced. A write or sync that
 * fails while running (a full disk) is undone the same way before the next: segments begun since
 * the last sync are deleted and the last synced one is cut to its synced length.
 *
 * <p><b>Retention.</b> The oldest segments last written before the retention are deleted after a
 * {@link org.humiao.events.journal.JournalArchive} has made what it keeps of their events durable;
 * the journal then starts at a later offset ({@link org.humiao.events.journal.Journal#startOffset()})
 * and offsets stay gap-free from there.
 */
package org.humiao.events.journal;
