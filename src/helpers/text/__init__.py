"""Character classes and shared patterns: defined once, imported by every stage."""
