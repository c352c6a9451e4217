"""Features for the outcome models: the item feature table built from the tagged items."""
