package org.humiao.regions;

/** The tiers of GB/T 2260 a division code names: province-level, prefecture-level, county-level. */
public enum RegionLevel {
  PROVINCE, CITY, COUNTY;

  /** The tier a 6-digit code's digits name: {@code xx0000}, {@code xxxx00}, or any other. */
  static RegionLevel of(String code) {
    if (code.endsWith("0000")) {
      return PROVINCE;
    }
    return code.endsWith("00") ? CITY : COUNTY;
  }
}
