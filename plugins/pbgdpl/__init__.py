"""Portal generator for Vietnam's national legal education portal (Cổng PBGDPL)."""
