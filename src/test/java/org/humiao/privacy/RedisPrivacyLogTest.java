package org.humiao.privacy;

import org.humiao.minor.store.RedisTestStores;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

/** The cluster profile's request log in Redis: the contract, another instance being another client on the same key. */
@ExtendWith(SharedRedis.Extension.class)
class RedisPrivacyLogTest extends PrivacyLogContract {
  private final RedisTestStores<PrivacyLog> stores;

  RedisPrivacyLogTest(SharedRedis redis) {
    this.stores = new RedisTestStores<>(redis);
  }

  @BeforeEach
  void open() {
    log = instance();
  }

  @AfterEach
  void close() throws Exception {
    stores.close();
  }

  @Override
  PrivacyLog reopen() {
    return instance();
  }

  private PrivacyLog instance() {
    return stores.open((client, prefix) -> new RedisPrivacyLog(client, prefix, Duration.ofSeconds(2)));
  }
}
