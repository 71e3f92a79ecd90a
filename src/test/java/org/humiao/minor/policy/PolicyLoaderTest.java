package org.humiao.minor.policy;

import org.humiao.TestFiles;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyLoaderTest {
  private static final Path SHIPPED = Path.of("policies");

  @Test
  void theShippedPoliciesLoadAndNameTheirDocuments() {
    PolicyBook book = new PolicyRegistry(SHIPPED).current();
    assertEquals(4, book.policies().size());
    assertEquals("国新出发〔2019〕34号", book.policies().get("nppa-2019").document());
    assertEquals("国新出发〔2021〕14号", book.policyFor("any", ServiceKind.GAME).document());
    assertEquals("cac-minor-mode-2024", book.policyFor("any", ServiceKind.STREAMING).id());
    assertEquals("tipping-2022", book.policyFor("any", ServiceKind.TIPPING).id());
    assertEquals("any", book.operator("any"));
    MinorPolicy cac = book.policies().get("cac-minor-mode-2024");
    assertEquals(3600, cac.quotaFor(7).orElseThrow().seconds(), "the 2023 draft's 40 minutes is off by default");
    assertEquals(7200, cac.quotaFor(16).orElseThrow().seconds());
    assertTrue(cac.quotaFor(18).isEmpty());
    MinorPolicy nppa2019 = book.policies().get("nppa-2019");
    assertEquals(5000, nppa2019.spendingFor(8).orElseThrow().perPaymentFen());
    assertEquals(10000, nppa2019.spendingFor(16).orElseThrow().perPaymentFen());
    assertEquals(0, nppa2019.spendingFor(7).orElseThrow().perPaymentFen());
  }

  @Test
  void theDraftOptionSwitchesOnFortyMinutesForUnderEights() throws IOException {
    JsonObject json = new JsonObject(Files.readString(SHIPPED.resolve("cac-minor-mode-2024.json")));
    json.getJsonObject("options").put("draft2023Under8", true);
    MinorPolicy cac = PolicyLoader.parsePolicy(json);
    assertEquals(2400, cac.quotaFor(7).orElseThrow().seconds());
    assertEquals(3600, cac.quotaFor(8).orElseThrow().seconds());
    json.getJsonArray("dailyQuota").getJsonObject(0).put("option", "undeclared");
    assertThrows(IllegalArgumentException.class, () -> PolicyLoader.parsePolicy(json));
  }

  @Test
  void theCalendarKnowsHolidaysAndAdjustedWorkdays() {
    HolidayCalendar calendar = HolidayCalendar.load(SHIPPED.resolve("holidays"));
    assertEquals(HolidayCalendar.DayKind.ADJUSTED_WORKDAY, calendar.kind(LocalDate.of(2026, 2, 14)));
    assertEquals(HolidayCalendar.DayKind.ADJUSTED_WORKDAY, calendar.kind(LocalDate.of(2026, 1, 4)));
    assertEquals(HolidayCalendar.DayKind.STATUTORY_HOLIDAY, calendar.kind(LocalDate.of(2026, 2, 18)));
    assertEquals(HolidayCalendar.DayKind.STATUTORY_HOLIDAY, calendar.kind(LocalDate.of(2024, 10, 7)));
    assertEquals(HolidayCalendar.DayKind.ORDINARY, calendar.kind(LocalDate.of(2026, 3, 14)));
    PlayDays days = new PolicyRegistry(SHIPPED).current().policies().get("nppa-2021").playDays();
    assertFalse(days.playable(LocalDate.of(2026, 2, 14), calendar)); // 调休 Saturday
    assertFalse(days.playable(LocalDate.of(2026, 1, 4), calendar)); // 调休 Sunday
    assertFalse(days.playable(LocalDate.of(2024, 9, 14), calendar)); // 调休 Saturday
    assertTrue(days.playable(LocalDate.of(2026, 2, 18), calendar)); // Wednesday in the Spring Festival
    assertTrue(days.playable(LocalDate.of(2026, 3, 13), calendar)); // ordinary Friday
    assertFalse(days.playable(LocalDate.of(2026, 3, 12), calendar)); // ordinary Thursday
  }

  @Test
  void reloadSwapsInANewVersionAndABrokenDirectoryChangesNothing(@TempDir Path dir) throws IOException {
    TestFiles.copyTree(SHIPPED, dir);
    PolicyRegistry registry = new PolicyRegistry(dir);
    PolicyBook before = registry.current();
    Files.writeString(dir.resolve("assignments.json"),
        "{\"default\":{\"game\":\"nppa-2019\",\"streaming\":\"cac-minor-mode-2024\",\"tipping\":\"tipping-2022\"}}");
    assertEquals("nppa-2019", registry.reload().policyFor("x", ServiceKind.GAME).id());
    PolicyBook good = registry.current();
    assertEquals("nppa-2021", before.policyFor("x", ServiceKind.GAME).id(), "an earlier version is immutable");
    Files.writeString(dir.resolve("assignments.json"),
        "{\"default\":{\"game\":\"missing\",\"streaming\":\"cac-minor-mode-2024\",\"tipping\":\"tipping-2022\"}}");
    assertThrows(IllegalArgumentException.class, registry::reload);
    assertSame(good, registry.current());
    Files.writeString(dir.resolve("nppa-2019.json"), "{ not json");
    assertThrows(IllegalArgumentException.class, registry::reload);
    assertSame(good, registry.current());
  }
}
