package org.humiao.regions;

import java.util.Objects;

/**
 * What a regulator may see: one division and every division under it, or the whole country.
 * A region is in scope when the scope's division is the region itself or one of its ancestors in
 * the {@link RegionTable}; an event without a region, or with a code the table does not know, is
 * in the national scope only.
 */
public final class RegionScope {
  /** The code a national scope may be written as; no key region means the same. */
  public static final String NATIONAL_CODE = "000000";
  public static final RegionScope NATIONAL = new RegionScope(null, null);

  private final Region region;
  private final RegionTable table;

  private RegionScope(Region region, RegionTable table) {
    this.region = region;
    this.table = table;
  }

  /**
   * @param code a division code of the table, or null or {@value #NATIONAL_CODE} for the country
   * @throws IllegalArgumentException when the table does not know the code
   */
  public static RegionScope of(RegionTable table, String code) {
    if (code == null || NATIONAL_CODE.equals(code)) {
      return NATIONAL;
    }
    Region region = table.find(code)
        .orElseThrow(() -> new IllegalArgumentException("unknown GB/T 2260 division code \"" + code + "\""));
    return new RegionScope(region, table);
  }

  public boolean national() {
    return region == null;
  }

  /** The scope's division code; null for the national scope. */
  public String code() {
    return region == null ? null : region.code();
  }

  /** The scope's division name (保山市); null for the national scope. */
  public String name() {
    return region == null ? null : region.name();
  }

  /** Whether events of {@code code} (null: none given) are visible in this scope. */
  public boolean contains(String code) {
    if (region == null) {
      return true;
    }
    return code != null && table.ancestry(code).contains(region.code());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegionScope other && Objects.equals(code(), other.code());
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(code());
  }

  @Override
  public String toString() {
    return region == null ? "national" : region.code() + " " + region.name();
  }
}
