"""How visitors and search engines reach the pages: `routing.py` finds the page a URL names,
`sitemap.py` lists every live page in both languages."""
