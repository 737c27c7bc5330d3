"""Per-article linguistics: segmentation, attribution, quotes, quantities, dates."""
