/**
 * Platforms' callbacks for pile-on alerts: a platform registers a URL and gets a secret; every
 * level a target of that platform is raised to is queued in a durable outbox and POSTed to the URL,
 * signed with the secret, until the receiver answers 2xx. Decides and records only: never imports
 * {@code http}, {@code server} or {@code cli}.
 */
package org.humiao.callbacks;
