"""The agency staff portal (/feedback/manage/): an agency's dashboard of figures beside its
country's, its service points, the moderation of its comments and the replies to them, the
review of answers the burst detector held, and the dashboard's exports (docs/feedback.md)."""
