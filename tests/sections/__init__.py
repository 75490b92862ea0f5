"""Each section, checked through every channel its description feeds."""
