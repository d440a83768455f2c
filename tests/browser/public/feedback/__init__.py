"""Browser journeys of the citizen feedback platform (feedback/)."""
