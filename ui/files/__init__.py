"""Files: the document (open, save, recent files, autosave) and crash recovery."""
