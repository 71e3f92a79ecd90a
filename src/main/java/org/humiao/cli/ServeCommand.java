package org.humiao.cli;

import org.humiao.config.Setting;
import org.humiao.config.Settings;
import org.humiao.config.SettingsResolver;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.KeyBootstrap;
import org.humiao.keys.KeyIssuer;
import org.humiao.keys.KeyStore;
import org.humiao.server.BuildInfo;
import org.humiao.server.EngineFactory;
import org.humiao.server.HttpService;
import org.humiao.server.logging.ServiceLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code serve [--config FILE] [--port N] [--data-dir DIR] [--lexicons DIR]}: runs the HTTP
 * service until SIGTERM / Ctrl-C, which stop it gracefully. On a first start with no keys.json it
 * makes one key per role and writes them to a 0600 file (printing them only on a terminal).
 */
@Command(name = "serve", sortOptions = false,
    description = "run the HTTP service until SIGTERM or Ctrl-C; flags override HUMIAO_* variables, which override the config file (docs/settings.md)")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "a JSON file of settings")
  Path config;

  @Option(names = "--port", paramLabel = "N", description = "the port (0: a free one)")
  Integer port;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "the data directory (default: data)")
  Path dataDir;

  @Option(names = "--lexicons", paramLabel = "DIR", description = "the lexicons directory (default: lexicons)")
  Path lexicons;

  private final PrintStream out;
  private final Clock clock;

  ServeCommand(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /**
   * Serves with minor mode deciding at {@code clock}: the load harness's launcher runs the service
   * at a chosen hour so that its figures do not depend on when they are taken. Not a flag of
   * {@code serve}: a production service decides at the real time.
   */
  public static int run(String[] argv, PrintStream out, Clock clock) {
    return Main.configure(new CommandLine(new ServeCommand(out, clock)), out, System.err).execute(argv);
  }

  @Override
  public Integer call() throws Exception {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    Optional.ofNullable(port).ifPresent(p -> flags.put(Setting.PORT, p.toString()));
    Optional.ofNullable(dataDir).ifPresent(d -> flags.put(Setting.DATA_DIR, d.toString()));
    Optional.ofNullable(lexicons).ifPresent(d -> flags.put(Setting.LEXICONS, d.toString()));
    Optional<Path> configFile = Optional.ofNullable(config).map(file -> CommandFailure.readableFile(file,
        "config file", "give the path of a JSON object of settings (docs/settings.md), or leave --config out"));
    SettingsResolver resolver = new SettingsResolver(System.getenv());
    Settings settings = resolver.resolve(configFile, flags);
    ServiceLog.configure(settings);
    Instant started = Instant.now();

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
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        service.close().toCompletionStage().toCompletableFuture()
            .orTimeout(settings.shutdownGraceMs() + 5_000, TimeUnit.MILLISECONDS)
            .join();
        ServiceLog.stopped(Duration.between(started, Instant.now()), null);
      } catch (RuntimeException e) {
        ServiceLog.stopped(Duration.between(started, Instant.now()), e);
      } finally {
        ServiceLog.flush();
      }
    }, "humiao-shutdown"));
    out.println("humiao listening on " + settings.host() + ":" + service.port() + " (HTTP/1.1 and h2c)");
    out.flush();
    // Serves until SIGTERM, when the hook above stops it; returns only if the lexicons never load.
    CompletableFuture<Integer> loadFailed = new CompletableFuture<>();
    service.ready()
        .onSuccess(v -> {
          ServiceLog.started(BuildInfo.version(), settings, resolver.given(configFile, flags), service.lexiconVersion(), service.port());
          out.println("humiao ready");
          out.flush();
        })
        .onFailure(e -> {
          System.err.println("humiao: the lexicons did not load: " + e.getMessage());
          loadFailed.complete(Main.FAILED);
        });
    return loadFailed.join();
  }
}
