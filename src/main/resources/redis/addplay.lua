-- PlayStateStore.addPlay: counts [from, to) against one budget. Its seconds in neither the allowed
-- nor the excess runs become allowed, in time order, while the allowed total stays within the
-- limit; the rest excess (lib/addplay.lua). One script, so two service instances reporting the
-- same seconds count them once.
-- KEYS: allowed runs, excess runs, totals. ARGV: from, to, limit, ttl seconds.
return add_play(KEYS[1], KEYS[2], KEYS[3], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4])
