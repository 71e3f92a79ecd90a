-- PlatformListStore.write: replaces one platform's lists if its version is still the one the
-- change was made on, and answers 1; else writes nothing and answers 0.
-- KEYS: the platform's hash (b:<term> -> entry JSON, a:<phrase> -> 1), the hash of every platform's version.
-- ARGV: platform, next version, then field, value pairs.
local stored = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if stored ~= tonumber(ARGV[2]) - 1 then
  return 0
end
redis.call('DEL', KEYS[1])
-- HSET in chunks: Lua's unpack takes a few thousand values at most
local chunk = 1000
for i = 3, #ARGV, chunk do
  local last = math.min(i + chunk - 1, #ARGV)
  redis.call('HSET', KEYS[1], unpack(ARGV, i, last))
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1
