"""Raw bytes -> repaired, cleaned articles with metadata and an audit of every step."""
