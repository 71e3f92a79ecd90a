package org.humiao.server;

import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the operations ("POST /v1/text/screen") out of an OpenAPI document by its indentation:
 * paths at two spaces under {@code paths:}, methods at four. Enough for our hand-written file,
 * without a YAML library.
 */
final class OpenApiPaths {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private OpenApiPaths() {}

  static Set<String> operations(String yaml) {
    Set<String> operations = new TreeSet<>();
    boolean inPaths = false;
    String path = null;
    for (String line : yaml.split("\n")) {
      if (line.isBlank() || line.trim().startsWith("#")) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      String key = line.trim().endsWith(":") ? line.trim().substring(0, line.trim().length() - 1) : null;
      if (indent == 0) {
        inPaths = "paths".equals(key);
      } else if (inPaths && indent == 2 && key != null) {
        path = key.replaceAll("^['\"]|['\"]$", "");
      } else if (inPaths && indent == 4 && key != null && METHODS.contains(key)) {
        operations.add(key.toUpperCase() + " " + path);
      }
    }
    return operations;
  }
}
