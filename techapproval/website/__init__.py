"""The district's public contracts website, written as plain static files (no database access here)."""

from .export import ExportResult, export_website

__all__ = ["ExportResult", "export_website"]
