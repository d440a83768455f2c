"""Browser journeys of the best-practice library (library/)."""
