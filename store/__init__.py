"""The archive: read articles, extract attributed quotations, persist, index and search them.

`store` is the library half of quotebot; it never imports `bot`.
"""
