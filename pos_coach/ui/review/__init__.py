"""The shift lead's review window: a thin view over pos_coach.review."""
