package org.humiao.screening.text;

import java.util.Properties;

/** Reads the values of policy.properties, each required: a missing line names itself rather than becoming a default. */
public final class PolicyProperties {
  private PolicyProperties() {}

  public static String text(Properties p, String name) {
    String value = p.getProperty(name);
    if (value == null) {
      throw new IllegalArgumentException("policy.properties: missing " + name);
    }
    return value.trim();
  }

  public static int integer(Properties p, String name) {
    return Integer.parseInt(text(p, name));
  }

  public static double number(Properties p, String name) {
    return Double.parseDouble(text(p, name));
  }
}
