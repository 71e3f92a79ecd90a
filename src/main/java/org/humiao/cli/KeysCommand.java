package org.humiao.cli;

import org.humiao.config.Settings;
import org.humiao.keys.ApiKey;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.KeyIssuer;
import org.humiao.keys.KeyStore;
import org.humiao.keys.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * {@code keys add|revoke|list --data-dir DIR}: edits keys.json; a running service picks the
 * change up within a second, no restart.
 */
@Command(name = "keys", description = "make, remove and list API keys in DIR/keys.json (a running service sees a change within a second)")
final class KeysCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  private KeysCommand() {}

  static CommandLine commandLine(PrintStream out) {
    return new CommandLine(new KeysCommand())
        .addSubcommand(new Add(out))
        .addSubcommand(new Revoke(out))
        .addSubcommand(new ListKeys(out));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "keys needs a command: add, revoke or list");
  }

  static String describe(ApiKey k) {
    return "id=" + k.id() + " role=" + k.role().id() + (k.platform() == null ? "" : " platform=" + k.platform())
        + (k.region() == null ? "" : " region=" + k.region());
  }

  /** The data-dir option every keys command takes. */
  static final class DataDir {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "where keys.json is (default: the dataDir setting's default, data)")
    Path dataDir = Settings.defaults().dataDir();

    KeyStore store() {
      return new KeyStore(dataDir);
    }
  }

  @Command(name = "add", description = "make an API key and print it (the only time it is shown)")
  static final class Add implements Runnable {
    @CommandLine.Mixin
    DataDir dir;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "ROLE", converter = RoleConverter.class,
        description = "platform, regulator, admin or reviewer")
    Role role;

    @Option(names = "--platform", paramLabel = "ID", description = "the platform id; with --role platform or reviewer, and only with them")
    String platform;

    @Option(names = "--region", paramLabel = "CODE", description = "a GB/T 2260 division code: a regulator key sees "
        + "that division and everything under it (000000 or none: the whole country); a platform key's events carry it "
        + "when a request names no region")
    String region;

    private final PrintStream out;

    Add(PrintStream out) {
      this.out = out;
    }

    @Override
    public void run() {
      if (role.scoped() != (platform != null)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--platform ID goes with --role platform or reviewer, and only with them");
      }
      IssuedKey issued;
      try {
        issued = new KeyIssuer(new SecureRandom(), Clock.systemUTC()).issue(role, platform, region);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--region: " + e.getMessage());
      }
      dir.store().add(issued.stored());
      out.println(describe(issued.stored()) + " key=" + issued.secret());
    }
  }

  @Command(name = "revoke", description = "remove a key; a running service stops taking it within a second")
  static final class Revoke implements Runnable {
    @CommandLine.Mixin
    DataDir dir;

    @Option(names = "--id", required = true, paramLabel = "KEYID", description = "the key's id (keys list shows them)")
    String id;

    private final PrintStream out;

    Revoke(PrintStream out) {
      this.out = out;
    }

    @Override
    public void run() {
      KeyStore store = dir.store();
      if (!store.exists() || store.revoke(id).isEmpty()) {
        throw new CommandFailure("no key with id " + id + " in " + store.file() + "; 'keys list --data-dir "
            + dir.dataDir + "' shows the ids");
      }
      out.println("revoked " + id);
    }
  }

  @Command(name = "list", description = "print the ids, roles, platforms and creation times of the keys, never the keys")
  static final class ListKeys implements Runnable {
    @CommandLine.Mixin
    DataDir dir;

    private final PrintStream out;

    ListKeys(PrintStream out) {
      this.out = out;
    }

    @Override
    public void run() {
      KeyStore store = dir.store();
      if (store.exists()) {
        store.read().forEach(k -> out.println(describe(k) + " created=" + k.created()));
      }
    }
  }

  /** A role by its id, refused as a usage error naming the roles. */
  static final class RoleConverter implements CommandLine.ITypeConverter<Role> {
    @Override
    public Role convert(String id) {
      try {
        return Role.byId(id);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
