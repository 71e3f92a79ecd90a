-- PlayStateStore.markStopped (lib/stop.lua). KEYS: session stop. ARGV: at, ttl seconds.
return mark_stopped(KEYS[1], ARGV[1], ARGV[2])
