-- PlatformListStore.read: one platform's version and entries, read together so they match.
-- KEYS: the platform's hash, the hash of every platform's version. ARGV: platform.
return {tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0'), redis.call('HGETALL', KEYS[1])}
