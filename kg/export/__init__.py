"""Writers for the build's output files."""
