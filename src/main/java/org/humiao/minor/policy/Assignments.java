package org.humiao.minor.policy;

import io.vertx.core.json.JsonObject;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Which policy applies to which platform and service kind, and which operator runs a platform
 * ({@code policies/assignments.json}). Quotas and spending are shared by all platforms of one
 * operator (the 2019 notice binds the 企业, not one app); a platform not listed is its own operator.
 */
public record Assignments(Map<ServiceKind, String> defaults, Map<String, Platform> platforms) {
  public record Platform(String operator, Map<ServiceKind, String> policies) {}

  public Assignments {
    defaults = Map.copyOf(defaults);
    platforms = Map.copyOf(platforms);
  }

  public String policyId(String platform, ServiceKind service) {
    Platform p = platforms.get(platform);
    String id = p == null ? null : p.policies().get(service);
    return id != null ? id : defaults.get(service);
  }

  public String operator(String platform) {
    Platform p = platforms.get(platform);
    return p != null && p.operator() != null ? p.operator() : platform;
  }

  static Assignments parse(JsonObject json) {
    Map<String, Platform> platforms = new HashMap<>();
    JsonObject list = json.getJsonObject("platforms", new JsonObject());
    for (String name : list.fieldNames()) {
      JsonObject p = list.getJsonObject(name);
      platforms.put(name, new Platform(p.getString("operator"), byKind(p.getJsonObject("policies", new JsonObject()))));
    }
    return new Assignments(byKind(json.getJsonObject("default")), platforms);
  }

  private static Map<ServiceKind, String> byKind(JsonObject json) {
    Map<ServiceKind, String> out = new EnumMap<>(ServiceKind.class);
    for (String kind : json.fieldNames()) {
      out.put(ServiceKind.byId(kind), json.getString(kind));
    }
    return out;
  }
}
