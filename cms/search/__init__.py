"""Search people can rely on (issue 20): what a visitor types is read by `query` (never an
error: unbalanced syntax falls back to plain words), run over every public page of the active
language and the places that are not pages (`destinations`, such as the nomination form) by
`results`, and shown with a highlighted snippet from `snippets`. The view (cms/views.py) only
reads the request and renders. docs/search.md says what a visitor may type."""
