"""One module per source. Each exposes SOURCE, INDICATORS and `load(raw_dir) -> tidy frame`."""
