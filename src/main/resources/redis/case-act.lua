-- Replaces a case by its next version, only if it is still at the version the change was made on,
-- so two instances acting on one case at once cannot lose a step.
-- KEYS[1] the case; ARGV[1] the version read, ARGV[2] the new version, ARGV[3] the new JSON
-- Answers 1 when written, 0 when another writer came first, -1 when there is no such case.
local version = redis.call('HGET', KEYS[1], 'version')
if not version then
  return -1
end
if version ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'doc', ARGV[3])
return 1
