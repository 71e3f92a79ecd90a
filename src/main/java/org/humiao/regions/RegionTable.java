package org.humiao.regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The GB/T 2260 division codes shipped in the jar ({@code regions/gbt2260.tsv}, source and
 * licence in the README beside it): looks a code up and walks up from it. Immutable; the shipped
 * table is read once per JVM.
 */
public final class RegionTable {
  static final String RESOURCE = "regions/gbt2260.tsv";
  private static final Pattern CODE = Pattern.compile("[1-9][0-9]{5}");
  private static final Comparator<Region> BY_CODE = Comparator.comparing(Region::code);

  private final Map<String, Region> byCode;

  RegionTable(Collection<Region> regions) {
    Map<String, Region> map = new HashMap<>();
    for (Region r : regions) {
      if (!CODE.matcher(r.code()).matches() || map.put(r.code(), r) != null) {
        throw new IllegalArgumentException("bad or repeated division code " + r.code());
      }
    }
    for (Region r : map.values()) {
      Region parent = r.parent() == null ? null : map.get(r.parent());
      if (r.parent() != null && (parent == null || parent.level().compareTo(r.level()) >= 0)) {
        throw new IllegalArgumentException(r.code() + " names a parent the table lacks or one not above it: " + r.parent());
      }
    }
    this.byCode = Map.copyOf(map);
  }

  /** The table shipped in the jar. */
  public static RegionTable shipped() {
    return Shipped.TABLE;
  }

  public Optional<Region> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
  }

  public boolean contains(String code) {
    return code != null && byCode.containsKey(code);
  }

  public int size() {
    return byCode.size();
  }

  /** The code itself and the codes above it, nearest first (a county, its city, its province); empty when unknown. */
  public List<String> ancestry(String code) {
    List<String> chain = new ArrayList<>(3);
    for (Region r = byCode.get(code); r != null; r = r.parent() == null ? null : byCode.get(r.parent())) {
      chain.add(r.code());
    }
    return chain;
  }

  /** The divisions a scope covers (its own and every one under it; all for the country), by code. */
  public List<Region> within(RegionScope scope) {
    return byCode.values().stream().filter(r -> scope.contains(r.code())).sorted(BY_CODE).toList();
  }

  static RegionTable read(InputStream in) throws IOException {
    List<Region> regions = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != 3) {
          throw new IllegalArgumentException("a division line has code, name and parent: " + line);
        }
        regions.add(new Region(cells[0], cells[1], cells[2].isEmpty() ? null : cells[2]));
      }
    }
    return new RegionTable(regions);
  }

  /** Holder idiom: the table is read on first use, by whichever thread comes first, once. */
  private static final class Shipped {
    static final RegionTable TABLE = load();

    private static RegionTable load() {
      try (InputStream in = RegionTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
