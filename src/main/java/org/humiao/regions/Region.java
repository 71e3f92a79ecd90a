package org.humiao.regions;

/**
 * One administrative division of GB/T 2260.
 *
 * @param code the 6-digit division code, e.g. {@code 530502}
 * @param name its name, e.g. 隆阳区
 * @param parent the code of the division it belongs to; null for a province-level one
 */
public record Region(String code, String name, String parent) {
  public RegionLevel level() {
    return RegionLevel.of(code);
  }
}
