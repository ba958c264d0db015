"""Finding quotations again: normalised words, the grams the database indexes, candidate search."""
