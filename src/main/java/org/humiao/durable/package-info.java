/**
 * Durability without blocking: {@link org.humiao.durable.GroupCommit} writes what callers submit
 * from one thread, a sync per batch, and comes back by itself after a failed write (a full disk:
 * {@link org.humiao.durable.StorageFullException}); {@link org.humiao.durable.PendingWrites} lets a
 * request's answer wait for the writes its work started without the work waiting for any of them;
 * {@link org.humiao.durable.PrivateFiles} makes files 0600 and replaces them atomically.
 */
package org.humiao.durable;
