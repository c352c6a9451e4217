"""Features for the outcome models: verdict masking (spaCy) and the item feature table."""
