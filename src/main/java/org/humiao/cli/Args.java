package org.humiao.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of the form {@code --name value} or {@code --flag}, and positional arguments. */
final class Args {
  private final Map<String, String> options = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  Args(String[] args, int from, Set<String> flags) {
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        String name = a.substring(2);
        int eq = name.indexOf('=');
        if (eq >= 0) {
          options.put(name.substring(0, eq), name.substring(eq + 1));
        } else if (flags.contains(name)) {
          options.put(name, "true");
        } else if (i + 1 < args.length) {
          options.put(name, args[++i]);
        } else {
          throw new UsageException("option --" + name + " needs a value");
        }
      } else {
        positional.add(a);
      }
    }
  }

  String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  String required(String name) {
    String value = options.get(name);
    if (value == null) {
      throw new UsageException("missing --" + name);
    }
    return value;
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  List<String> positional() {
    return positional;
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
