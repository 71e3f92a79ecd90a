/**
 * The review queue of a platform's moderators: texts the engine held for review, users' appeals
 * of blocks and users' reports of content become {@link org.humiao.moderation.review.ReviewTask}s,
 * which a reviewer claims for a lease and resolves; a resolution is a violation event. The text is
 * kept for the queue only and dropped a set time after resolution. One
 * {@link org.humiao.moderation.review.ReviewStore} interface, a backend per profile.
 */
package org.humiao.moderation.review;
