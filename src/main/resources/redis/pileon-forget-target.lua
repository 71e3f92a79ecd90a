-- PileOnStore.forget, a user's own keys: KEYS: its window (sorted set), level (hash), evidence
-- (sorted set) and protection (string). Deletes them; answers the window messages and evidence
-- entries they held plus one for a level and one for a protection.
local erased = redis.call('ZCARD', KEYS[1]) + redis.call('EXISTS', KEYS[2]) + redis.call('ZCARD', KEYS[3])
    + redis.call('EXISTS', KEYS[4])
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return erased
