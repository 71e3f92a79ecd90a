package org.humiao.events.summary;

/**
 * What a summary can be grouped by; {@link #DAY} and {@link #QUARTER} are two grains of one period and
 * exclude each other; {@link #HOUR} is the Beijing hour of day (0–23), whatever the day.
 */
public enum Dimension {
  DAY, QUARTER, PLATFORM, CATEGORY, KIND, REGION, HOUR
}
