package org.humiao.compliance;

import org.humiao.minor.store.RedisTestStores;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

/** The cluster profile's counts in Redis: the contract, another instance being another client on the same keys. */
@ExtendWith(SharedRedis.Extension.class)
class RedisDenominatorStoreTest extends DenominatorStoreContract {
  private final RedisTestStores<DenominatorStore> stores;

  RedisDenominatorStoreTest(SharedRedis redis) {
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
  DenominatorStore reopen() {
    return instance();
  }

  @Override
  DenominatorStore peer() {
    return instance();
  }

  @Override
  DenominatorStore beside(Denominator denominator) {
    return instance(denominator);
  }

  private DenominatorStore instance() {
    return instance(Denominator.SCREENED_TEXTS);
  }

  private DenominatorStore instance(Denominator denominator) {
    return stores.open((client, prefix) -> new RedisDenominatorStore(client, prefix, Duration.ofSeconds(5), denominator));
  }
}
