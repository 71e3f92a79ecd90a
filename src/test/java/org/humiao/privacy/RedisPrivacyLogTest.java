package org.humiao.privacy;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The cluster profile's request log in Redis: the contract, another instance being another client on the same key. */
@ExtendWith(SharedRedis.Extension.class)
class RedisPrivacyLogTest extends PrivacyLogContract {
  private final SharedRedis redis;
  private final Vertx vertx = Vertx.vertx();
  private final String prefix = "humiao-test-" + UUID.randomUUID() + ":";
  private final List<PrivacyLog> opened = new ArrayList<>();

  RedisPrivacyLogTest(SharedRedis redis) {
    this.redis = redis;
  }

  @BeforeEach
  void open() {
    log = instance();
  }

  @AfterEach
  void close() throws Exception {
    Redis client = client();
    client.send(Request.cmd(Command.DEL).arg(prefix + "privacy-requests")).await(10, TimeUnit.SECONDS);
    client.close();
    opened.forEach(PrivacyLog::close);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Override
  PrivacyLog reopen() {
    return instance();
  }

  private PrivacyLog instance() {
    PrivacyLog log = new RedisPrivacyLog(client(), prefix, Duration.ofSeconds(2));
    opened.add(log);
    return log;
  }

  private Redis client() {
    return Redis.createClient(vertx, new RedisOptions().setConnectionString(redis.uri()).setMaxPoolWaiting(64));
  }
}
