package org.humiao.minor.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a scenario moves: each step sets it to the step's time. */
public final class SettableClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  public SettableClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  public void set(Instant instant) {
    this.now = instant;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new SettableClock(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
