"""Whole tabs of the main window, each a widget given the AppContext."""
