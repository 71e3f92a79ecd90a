/**
 * Each platform's own block and allow lists (issue 13 item 2): the entries and their validation
 * ({@link org.humiao.moderation.lists.ListEdit}), their versioned storage in the data dir or in Redis
 * ({@link org.humiao.moderation.lists.PlatformListStore}), and the
 * {@link org.humiao.moderation.lists.PlatformLists} service that keeps every instance's copy current
 * and hands the screening engine each platform's compiled overlay.
 */
package org.humiao.moderation.lists;
