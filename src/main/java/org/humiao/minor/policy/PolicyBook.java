package org.humiao.minor.policy;

import java.util.Map;

/** One consistent, immutable version of every policy, the assignments and the calendar. */
public record PolicyBook(Map<String, MinorPolicy> policies, Assignments assignments, HolidayCalendar calendar) {
  public PolicyBook {
    Map<String, MinorPolicy> known = Map.copyOf(policies);
    policies = known;
    for (ServiceKind kind : ServiceKind.values()) {
      requireKnown(assignments.defaults().get(kind), "default " + kind.id(), known);
    }
    assignments.platforms().forEach((platform, p) ->
        p.policies().forEach((kind, id) -> requireKnown(id, platform + " " + kind.id(), known)));
  }

  public MinorPolicy policyFor(String platform, ServiceKind service) {
    return policies.get(assignments.policyId(platform, service));
  }

  public String operator(String platform) {
    return assignments.operator(platform);
  }

  private static void requireKnown(String id, String where, Map<String, MinorPolicy> policies) {
    if (id == null || !policies.containsKey(id)) {
      throw new IllegalArgumentException("assignment " + where + " names no loaded policy: " + id);
    }
  }
}
