"""The shared grant checks: rules many municipalities have, parameterised by configuration."""
