package org.humiao.minor.policy;

import java.util.List;
import java.util.Optional;

/**
 * One policy file of {@code policies/}: the rules of one regulatory document for minors. A null
 * or empty part is a rule the document does not make.
 *
 * @param document the issuing document's number (文号) or short name
 * @param title the document's title
 * @param curfew hours without service, or null
 * @param playDays the only days and hours with service, or null
 * @param quota daily play by age (bands switched off by an option are already left out)
 * @param restReminderSeconds continuous play after which a rest reminder is due, or null
 * @param spending payment caps by age; no band for an age: no cap
 */
public record MinorPolicy(
    String id,
    String document,
    String title,
    CurfewRule curfew,
    PlayDays playDays,
    List<QuotaBand> quota,
    Long restReminderSeconds,
    GuestRule guests,
    List<SpendingBand> spending) {

  public MinorPolicy {
    quota = List.copyOf(quota);
    spending = List.copyOf(spending);
  }

  /** The first band covering {@code age}, so an optional narrower band listed first wins. */
  public Optional<QuotaBand> quotaFor(int age) {
    return quota.stream().filter(b -> b.covers(age)).findFirst();
  }

  public Optional<SpendingBand> spendingFor(int age) {
    return spending.stream().filter(b -> b.covers(age)).findFirst();
  }
}
