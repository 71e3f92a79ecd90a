package org.humiao.config;

/** Where the service keeps what must outlive a request: one machine, or shared parts for several instances. */
public enum Profile {
  /** Everything in the data dir: one instance, no external server. */
  EMBEDDED,
  /** Minor-mode state in Redis, so any instance may answer for any user. */
  CLUSTER
}
