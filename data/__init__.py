"""Data files shipped with interparty: gazetteers and sample sources (no code)."""
