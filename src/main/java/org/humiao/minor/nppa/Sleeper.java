package org.humiao.minor.nppa;

import java.time.Duration;

/** Waits between attempts; injected so that tests of the retry policy take no wall time. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  static Sleeper threadSleep() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
