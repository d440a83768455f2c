"""The feedback platform's public figures beyond one service point: the index of countries, a
country's page, an agency's page (with its published comments and replies), monthly trends, and
the open data (CSV and a read-only JSON API). docs/feedback.md and docs/open-data.md."""
