/**
 * Durability without blocking: {@link org.humiao.durable.GroupCommit} writes what callers submit
 * from one thread, a sync per batch; {@link org.humiao.durable.PendingWrites} lets a request's
 * answer wait for the writes its work started without the work waiting for any of them.
 */
package org.humiao.durable;
