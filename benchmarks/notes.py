"""What is known about each row and what was tried, shown under the row in RESULTS.md when it misses
its target. Keep it current: when an optimisation lands, say what it changed, and when a row passes,
its note can go.

The baseline (2026-11-26) measured the app as it was, before any optimisation: nothing was tried yet.
The causes below come from cProfile, EXPLAIN QUERY PLAN and the statement counts of that run.
"""

from __future__ import annotations

TRIED: dict[str, str] = {
    "cold_start": (
        "Nothing tried yet. MainWindow.__init__ reads every tab synchronously before the window shows: Approved "
        "resources (list_catalog: compliance of all 3,000 resources, ~890 statements), Contracts (list_contracts "
        "selectin-loads all 3,000 resources and the provisions), Deadlines (compliance.deadlines: one lazy load of "
        "Contract.provisions per contract, 800; both now selectin-loaded), the queue (resizeColumnsToContents), "
        "Deletions. Imports also cost "
        "more than the floor's: services/people.py hashes a dummy argon2 password at import (~0.25 s), models.py "
        "configures the mappers and their NUL listeners (~0.17 s). Ideas: show the window first and load the "
        "tab in view only (the others when shown), fix the N+1s below, make the dummy hash lazy."
    ),
    "gui_rss_browsing": (
        "Nothing tried yet. \"All requests\" loads every non-draft request as a full ORM object (all columns, "
        "submitted_form JSON parsed, joined requester) and keeps a RequestRow per request in the model: 48,588 "
        "of each at once. Ideas: select only the listed columns, and page the model (fetchMore / a window of rows)."
    ),
    "queue_first_screen": (
        "Nothing tried yet. list_queue loads all 48,588 rows (SCAN request + TEMP B-TREE FOR ORDER BY; then ORM "
        "hydration with joined-eager requester, JSON decoding of submitted_form, enums and datetimes: ~5 s). Then "
        "endResetModel makes the QSortFilterProxyModel sort all rows through Python data(SORT_ROLE) calls (~1 "
        "million calls, the larger half of the time), resizeColumnsToContents reads 1,000 rows in every column, "
        "and ListView._restore_place looks the selected id up row by row. Ideas: the model fetches a page at a "
        "time with LIMIT/keyset in SQL order (sorting in SQL, not in the proxy), a column query instead of ORM "
        "objects, fixed or sampled column widths."
    ),
    "queue_first_screen_waiting": (
        "Nothing tried yet. Only 448 rows and list_queue takes ~60 ms, but every refresh calls "
        "ListView.fit_columns → resizeColumnsToContents, which asks the Python model for every role of every "
        "cell (~29,000 data() calls, ~0.3–0.5 s); queue_counts adds a scan of the status index (~5 ms). Ideas: "
        "fit columns once (or from a sample / the header), not on every reset."
    ),
    "search_queue": (
        "Nothing tried yet. Each keystroke runs list_queue with lower(x) LIKE '%text%' on resource name, link and "
        "requester name: a full SCAN of request joined to person (no index can serve a leading wildcard), then "
        "loads every match (\"g\": ~21,000 rows) as ORM objects, and the proxy sorts them in Python; short prefixes "
        "take seconds, long ones ~100 ms. Ideas: the paged model (first screen only), an FTS5 or trigram index "
        "kept by the app, searching only after 2–3 characters."
    ),
    "search_catalog": (
        "N+1 fixed (list_catalog selectin-loads the contracts, provisions, plan exceptions and their "
        "conditions: \"x\" went from 580 statements to 11, a quick run from 180 ms to 82 ms median). Still missed "
        "on short texts: the page refreshes on every keystroke (no delay) and each refresh hydrates and rates "
        "every match (most of the catalog for \"g\" or \"x\")."
    ),
    "search_already_decided": (
        "Fixed: the latest refusals are read as four columns through a new index ix_request_status_decided "
        "(status, decided_at; migration 0005), no sort of all 10,752 refusals: a quick run 188 ms to 9.3 ms."
    ),
    "compliance_all": (
        "N+1 fixed: list_catalog selectin-loads the contracts with their provisions and the plan exceptions with "
        "their conditions, 890 statements down to 13 (a quick run on a busy machine: 1.19 s to 867 ms). What "
        "is left is Python: ORM hydration of 3,000 resources, 441 contracts and their provisions (~0.35 s) and "
        "the status of each resource computed from its contract's terms 2,437 times (~0.2 s). Ideas: compute "
        "each contract's terms and status once, not once per resource; a column query instead of ORM objects."
    ),
    "pdf_batch_1000": (
        "Baseline: decision_sheet ~4 ms (7 statements) and render_decision_pdf ~30 ms per PDF, one after the "
        "other: 40.6 s. Done: reportlab's C accelerator (the rl-accel package, reportlab[accel]); the font "
        "subsets of each PDF, and their compressed bytes, reused when the next PDF needs exactly the same subset "
        "(most do: ASCII plus ☐ ☒ · • —); the Paragraph markup parsed once per text and style (the form's own "
        "words, labels, boxes); fonts.markup checks a whole text against the font's characters at once. "
        "Output is byte for byte the same (reportlab's invariant mode, 68 sheets): about 112 to 59 million "
        "instructions per PDF (callgrind), ~24 ms to ~13 ms on a quiet core. The sheets of a batch are read 50 "
        "at a time in 4 statements (no messages or history, which the sheet does not print), and a batch of 80 or "
        "more renders in one process per core (spawned, the sheets read and the files written in the parent). "
        "2026-11-26, a quick run while other work kept the machine's load at 2 on its 2 cores: 38.9-40.5 s "
        "before, 21.7-25.1 s after (one process: 24.4-25.0 s); 14.7 s in a quieter moment. What is left is "
        "reportlab's own layout (breakLines) and PDF object formatting, in pure Python: with one core free, "
        "about 20 ms of CPU per PDF is the floor."
    ),
    "website_export": (
        "website_data no longer computes compliance (the resources are read as the listed columns): 2,596 "
        "statements down to 1,708. Each document still costs three statements (the actor, the contract, the "
        "content) because the session's identity map no longer holds them."
    ),
}
