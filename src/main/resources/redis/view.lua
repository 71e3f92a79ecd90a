-- PlayStateStore.view: what one minor-mode call reads before it decides, in one round trip (lib/view.lua).
-- KEYS: link, session stop, guest window, payment record ('' for one the query does not name).
-- ARGV: the templates of the person's keys: the guardian controls', then each play budget's totals.
return view(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV)
