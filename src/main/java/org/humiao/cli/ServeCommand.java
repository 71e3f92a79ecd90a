package org.humiao.cli;

import org.humiao.config.Setting;
import org.humiao.config.Settings;
import org.humiao.config.SettingsResolver;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.KeyBootstrap;
import org.humiao.keys.KeyIssuer;
import org.humiao.keys.KeyStore;
import org.humiao.server.EngineFactory;
import org.humiao.server.HttpService;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code serve [--config FILE] [--port N] [--data-dir DIR] [--lexicons DIR]}: runs the HTTP
 * service until SIGTERM / Ctrl-C, which stop it gracefully. On a first start with no keys.json it
 * makes one key per role and prints them, the only time they are shown.
 */
public final class ServeCommand {
  private static final Map<String, Setting> FLAGS = Map.of(
      "port", Setting.PORT, "data-dir", Setting.DATA_DIR, "lexicons", Setting.LEXICONS);

  private ServeCommand() {}

  static int run(String[] argv, PrintStream out) throws Exception {
    return run(argv, out, Clock.systemUTC());
  }

  /**
   * Serves with minor mode deciding at {@code clock}: the load harness's launcher runs the service
   * at a chosen hour so that its figures do not depend on when they are taken. Not a flag of
   * {@code serve}: a production service decides at the real time.
   */
  public static int run(String[] argv, PrintStream out, Clock clock) throws Exception {
    Args args = new Args(argv, 0, Set.of());
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    FLAGS.forEach((flag, setting) -> Optional.ofNullable(args.option(flag, null)).ifPresent(v -> flags.put(setting, v)));
    Settings settings = new SettingsResolver(System.getenv())
        .resolve(Optional.ofNullable(args.option("config", null)).map(Path::of), flags);

    List<IssuedKey> first = KeyBootstrap.ensure(new KeyStore(settings.sharedDir()),
        new KeyIssuer(new SecureRandom(), Clock.systemUTC()));
    if (!first.isEmpty()) {
      Function<IssuedKey, String> line = k -> KeysCommand.describe(k.stored()) + " key=" + k.secret();
      Path file = KeyBootstrap.writeFirstKeys(settings.sharedDir(), first, line);
      // on a terminal the person starting it reads them at once; never into a log
      if (System.console() != null) {
        first.forEach(k -> out.println(line.apply(k)));
      }
      out.println("humiao: the first API keys are in " + file + " (mode 0600); keep them safe, then delete the file");
    }
    out.flush();

    HttpService service = HttpService.start(settings,
        () -> EngineFactory.create(settings, clock), clock).await();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> service.close()
        .toCompletionStage().toCompletableFuture()
        .orTimeout(settings.shutdownGraceMs() + 5_000, TimeUnit.MILLISECONDS)
        .join(), "humiao-shutdown"));
    out.println("humiao listening on " + settings.host() + ":" + service.port() + " (HTTP/1.1 and h2c)");
    out.flush();
    // Serves until SIGTERM, when the hook above stops it; returns only if the lexicons never load.
    CompletableFuture<Integer> loadFailed = new CompletableFuture<>();
    service.ready()
        .onSuccess(v -> {
          out.println("humiao ready");
          out.flush();
        })
        .onFailure(e -> {
          System.err.println("humiao: the lexicons did not load: " + e.getMessage());
          loadFailed.complete(1);
        });
    return loadFailed.join();
  }
}
