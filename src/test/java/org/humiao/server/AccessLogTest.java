package org.humiao.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import org.humiao.config.Setting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accessLog setting: sampled keeps every error and few of the rest, off keeps none. */
class AccessLogTest {
  private static final int OK_REQUESTS = 200;

  @TempDir
  Path dir;
  private Vertx vertx;
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger access = (Logger) LoggerFactory.getLogger("humiao.access");

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    lines.start();
    access.addAppender(lines);
  }

  @AfterEach
  void stop() {
    access.detachAppender(lines);
    vertx.close().await();
  }

  /** The statuses of the access lines after OK_REQUESTS answered 200, one 401 and one 404. */
  private List<Integer> statusesLogged(String mode) throws Exception {
    try (LocalService service = new LocalService(dir.resolve(mode), Map.of(Setting.ACCESS_LOG, mode));
         Client client = new Client(vertx, service.port())) {
      for (int i = 0; i < OK_REQUESTS; i++) {
        assertEquals(200, client.get("/health/live", null).statusCode());
      }
      assertEquals(401, client.get("/v1/lexicons", "no-such-key").statusCode());
      assertEquals(404, client.get("/nosuch", null).statusCode());
    }
    return lines.list.stream().map(e -> (Integer) value(e, "status")).toList();
  }

  private static Object value(ILoggingEvent e, String key) {
    return e.getKeyValuePairs().stream().filter(kv -> kv.key.equals(key)).map(kv -> kv.value).findFirst().orElseThrow();
  }

  @Test
  void sampledKeepsEveryErrorAndAboutOneInAHundredOfTheRest() throws Exception {
    List<Integer> statuses = statusesLogged("sampled");
    assertTrue(statuses.contains(401) && statuses.contains(404), statuses::toString);
    long ok = statuses.stream().filter(s -> s == 200).count();
    // 2 expected of 200; more than 20 would be a sample far above 1%
    assertTrue(ok <= 20, "200s logged: " + ok);
  }

  @Test
  void allKeepsEveryRequestAndOffNone() throws Exception {
    assertEquals(OK_REQUESTS + 2, statusesLogged("all").size());
    lines.list.clear();
    assertEquals(List.of(), statusesLogged("off"));
  }
}
