package org.humiao.pileon;

/** Hears of every target raised to a level, after its event is recorded (the platforms' callbacks). */
@FunctionalInterface
public interface SurgeListener {
  SurgeListener NONE = surge -> { };

  /** Called on the tracker's thread, which may block; must not throw (the level is raised already, once). */
  void surged(Surge surge);
}
