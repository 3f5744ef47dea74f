"""summarise: structured, checkable briefings of news articles."""
