"""data/raw/ -> data/processed/: the per-file work, its engines and the table schema."""
