-- Every case, newest opening first.
-- KEYS[1] the index of cases; ARGV[1] the prefix of case keys (the case id follows it)
-- The case keys are not declared: fine on one Redis primary, not on Redis Cluster.
local ids = redis.call('ZREVRANGE', KEYS[1], 0, -1)
local docs = {}
for i, id in ipairs(ids) do
  docs[i] = redis.call('HGET', ARGV[1] .. id, 'doc')
end
return docs
