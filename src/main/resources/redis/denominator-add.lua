-- Adds one day's counts of a denominator (screened texts, minor-mode sessions) to its hash, every field or none (a script runs whole).
-- KEYS[1] the day's hash; ARGV field, count, field, count, ...
for i = 1, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
end
return #ARGV / 2
