"""Running the site on several machines: media buckets, the proxy's health endpoint, request ids
and JSON logs (docs/operations.md)."""
