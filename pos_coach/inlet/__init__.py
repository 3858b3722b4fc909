"""External triggers into the running app: a local socket (and a loopback HTTP inlet)."""
