"""Follow-up (đôn đốc) and statistics: which agency sites are missing, empty or stale."""
