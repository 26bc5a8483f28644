"""PDF output. Import the submodules (``techapproval.pdf.decision``) when needed: this package
itself must stay cheap to import, so reportlab is only loaded on the first render."""
