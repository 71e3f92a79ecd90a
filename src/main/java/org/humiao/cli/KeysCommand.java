package org.humiao.cli;

import org.humiao.config.Settings;
import org.humiao.keys.ApiKey;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.KeyIssuer;
import org.humiao.keys.KeyStore;
import org.humiao.keys.Role;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;

/**
 * {@code keys add|revoke|list --data-dir DIR}: edits keys.json; a running service picks the
 * change up within a second, no restart.
 */
final class KeysCommand {
  private KeysCommand() {}

  static int run(String[] argv, PrintStream out) {
    if (argv.length == 0) {
      throw new Args.UsageException("keys needs add, revoke or list");
    }
    Args args = new Args(argv, 1, Set.of());
    KeyStore store = new KeyStore(Path.of(args.option("data-dir", Settings.defaults().dataDir().toString())));
    switch (argv[0]) {
      case "add" -> {
        Role role = role(args.required("role"));
        String platform = args.option("platform", null);
        if ((role == Role.PLATFORM) != (platform != null)) {
          throw new Args.UsageException("--platform ID goes with --role platform, and only with it");
        }
        IssuedKey issued = new KeyIssuer(new SecureRandom(), Clock.systemUTC()).issue(role, platform);
        store.add(issued.stored());
        out.println(describe(issued.stored()) + " key=" + issued.secret());
      }
      case "revoke" -> {
        String id = args.required("id");
        if (!store.exists() || store.revoke(id).isEmpty()) {
          throw new Args.UsageException("no key with id " + id + " in " + store.file());
        }
        out.println("revoked " + id);
      }
      case "list" -> {
        if (store.exists()) {
          store.read().forEach(k -> out.println(describe(k) + " created=" + k.created()));
        }
      }
      default -> throw new Args.UsageException("unknown keys command: " + argv[0]);
    }
    return 0;
  }

  static String describe(ApiKey k) {
    return "id=" + k.id() + " role=" + k.role().id() + (k.platform() == null ? "" : " platform=" + k.platform());
  }

  private static Role role(String id) {
    try {
      return Role.byId(id);
    } catch (IllegalArgumentException e) {
      throw new Args.UsageException(e.getMessage());
    }
  }
}
