"""The Open Referral UK 3.0 API for the service directory (see docs/directory.md)."""
