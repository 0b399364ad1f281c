"""One module per page: its component ids and a ``layout(**query)`` built with ``page_layout``."""
