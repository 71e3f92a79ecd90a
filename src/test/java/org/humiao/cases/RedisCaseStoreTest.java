package org.humiao.cases;

import org.humiao.minor.store.RedisTestStores;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

/** The cluster profile's cases in Redis: the contract, another instance being another client on the same keys. */
@ExtendWith(SharedRedis.Extension.class)
class RedisCaseStoreTest extends CaseStoreContract {
  private final RedisTestStores<CaseStore> stores;

  RedisCaseStoreTest(SharedRedis redis) {
    this.stores = new RedisTestStores<>(redis);
  }

  @BeforeEach
  void openStore() {
    store = instance();
  }

  @AfterEach
  void closeStores() throws Exception {
    stores.close();
  }

  @Override
  CaseStore reopen() {
    return instance();
  }

  @Override
  CaseStore peer() {
    return instance();
  }

  private CaseStore instance() {
    return stores.open((client, prefix) -> new RedisCaseStore(client, prefix, Duration.ofSeconds(2)));
  }
}
