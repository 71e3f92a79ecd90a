package org.humiao.events.summary;

/** What a summary can be grouped by; {@link #DAY} and {@link #QUARTER} are two grains of one period and exclude each other. */
public enum Dimension {
  DAY, QUARTER, PLATFORM, CATEGORY, KIND, REGION
}
