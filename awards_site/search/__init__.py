"""Reading what a visitor typed into a safe Wagtail search query, for every app's search (the
site search in cms/search/, the guides and tools library in library/resources/)."""
