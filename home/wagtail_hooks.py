"""Admin hooks for the site as a whole."""
