package org.humiao.regions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped GB/T 2260 table: its shape, the ancestry of every kind of division, scopes over it. */
class RegionTableTest {
  private static final RegionTable TABLE = RegionTable.shipped();

  @Test
  void theShippedTableHoldsEveryTierAndNamesTheSeedsAreas() {
    assertEquals(3217, TABLE.size(), "34 province-level, 337 prefecture-level (4 of them groupings), 2,846 county-level rows");
    assertEquals("保山市", TABLE.find("530500").orElseThrow().name());
    assertEquals("壤塘县", TABLE.find("513230").orElseThrow().name());
    assertEquals("如皋市", TABLE.find("320682").orElseThrow().name());
    assertEquals("省直辖县级行政区划", TABLE.find("429000").orElseThrow().name());
    assertEquals(RegionLevel.COUNTY, TABLE.find("530502").orElseThrow().level());
    assertEquals(RegionLevel.CITY, TABLE.find("530500").orElseThrow().level());
    assertEquals(RegionLevel.PROVINCE, TABLE.find("530000").orElseThrow().level());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvFileSource(resources = "/regions/ancestry.tsv", delimiter = '\t')
  void ancestryWalksUpTheTable(String code, String ancestry) {
    List<String> expected = ancestry == null ? List.of() : Arrays.asList(ancestry.split(" "));
    assertEquals(expected, TABLE.ancestry(code));
    assertEquals(!expected.isEmpty(), TABLE.contains(code));
  }

  @Test
  void aScopeHoldsItsDivisionAndEverythingUnderIt() {
    RegionScope city = RegionScope.of(TABLE, "530500");
    assertTrue(city.contains("530500"));
    assertTrue(city.contains("530502"));
    assertFalse(city.contains("530000"), "not the province above it");
    assertFalse(city.contains("530600"), "not a sibling");
    assertFalse(city.contains(null), "an event of no region is national only");
    assertFalse(city.contains("5305xx"), "nor one of a code the table lacks");
    RegionScope hubei = RegionScope.of(TABLE, "420000");
    assertTrue(hubei.contains("429004"), "a county-level unit under the province directly");
    assertTrue(RegionScope.of(TABLE, "110000").contains("110105"), "a municipality holds its districts");
    for (String national : new String[] {null, RegionScope.NATIONAL_CODE}) {
      RegionScope all = RegionScope.of(TABLE, national);
      assertTrue(all.national() && all.contains(null) && all.contains("530502") && all.code() == null);
    }
    assertThrows(IllegalArgumentException.class, () -> RegionScope.of(TABLE, "530599"));
  }

  @Test
  void aTableWithAMissingOrMisplacedParentIsRefused() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> read("530502\t隆阳区\t530500\n"), "missing parent");
    assertThrows(IllegalArgumentException.class,
        () -> read("530000\t云南省\t\n530500\t保山市\t530502\n530502\t隆阳区\t530000\n"), "a county above a city");
    assertThrows(IllegalArgumentException.class, () -> read("53050\t隆阳区\t\n"), "five digits");
    assertEquals(List.of("530500", "530000"), read("# a comment\n530000\t云南省\t\n530500\t保山市\t530000\n")
        .ancestry("530500"));
  }

  private static RegionTable read(String tsv) throws Exception {
    return RegionTable.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
  }
}
