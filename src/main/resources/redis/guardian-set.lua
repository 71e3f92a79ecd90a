-- PlayStateStore.viewThenPutGuardianControls: the link and the earlier guardian controls (a view, lib/view.lua)
-- and, for a linked user, the new controls written at the person's key, in one round trip.
-- KEYS: link. ARGV: the guardian controls' key template (before and after the person part), the new controls'
-- JSON. Answers: the view.
local seen = view(KEYS[1], '', '', '', {ARGV[1], ARGV[2]})
if seen[1] then
  redis.call('SET', person_key(seen[1], ARGV[1], ARGV[2]), ARGV[3])
end
return seen
