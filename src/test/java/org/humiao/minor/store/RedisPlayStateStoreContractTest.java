package org.humiao.minor.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedRedis.Extension.class)
class RedisPlayStateStoreContractTest extends PlayStateStoreContract {
  private final RedisStores stores;

  RedisPlayStateStoreContractTest(SharedRedis redis) {
    this.stores = new RedisStores(redis.uri());
  }

  @BeforeEach
  void open() {
    store = stores.open();
  }

  @AfterEach
  void close() throws Exception {
    stores.close();
  }
}
