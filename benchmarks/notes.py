"""What is known about each row and what was tried, shown under the row in RESULTS.md when it misses
its target. Keep it current: when an optimisation lands, say what it changed, and when a row passes,
its note can go.

The baseline (2026-11-26, first run) measured the app before any optimisation; the notes below say what
was done since, found with cProfile, EXPLAIN QUERY PLAN and the statement counts.
"""

from __future__ import annotations

TRIED: dict[str, str] = {
    "cold_start": (
        "Done: the main window reads only the tab in view (each hidden tab once, when first shown; before, "
        "every tab at start and some twice), and builds the hidden tabs' pages (with their modules) when first "
        "shown or one per turn of the event loop after its first paint; the overdue count and the queue's "
        "counts line just after the window shows; dialogs, the request window, the print module, argon2, the "
        "approved-resources service and the holidays library load when first used (Connecticut's holidays for "
        "2000-2060 written out from the library and checked against it by a test); the package version (read "
        "from its metadata, ~10 ms) after the first paint. Python's cyclic garbage collector is off from "
        "techapproval.__main__ until the window has painted (then gc.freeze() and on again; a command turns it "
        "on before it runs; tests/test_collector_at_start.py): its passes over the objects start-up makes, "
        "all long-lived, cost 10-25 % of the start. The floor keeps the default collector, as a bare app does. "
        "From 4.8x (baseline, no bytecode) to 1.7-1.8x before the lazy pages and the collector, 1.26-1.46x "
        "after (six runs on 2026-11-26 between 06:55 and 07:05 UTC: 1.46, 1.38, 1.26, 1.37, 1.36, 1.38). "
        "With schema 0008 (accessibility reviews and renewals: one more model, eight more request columns, two "
        "small domain modules at start; due renewals are opened after the first paint, not before): 1.50, "
        "1.50, 1.48, 1.41 in four runs between 09:30 and 09:40 UTC (on a data set the app had added 1,053 "
        "renewals to, since kept from it), 1.45 in the committed run on the data set built again. Importing the app's "
        "modules and configuring the mappers, timed alone and interleaved with the version before, did not "
        "change beyond noise (1.49-1.56 s before, 1.53-1.55 s after, four runs each), so most of the move is "
        "the host; the margin is thin either way. "
        "Since 2026-11-26 both sides run with bytecode caches, as an installed app does (the machine set "
        "PYTHONDONTWRITEBYTECODE, which flattered the ratio), both stop at their table's first paint, and the "
        "ratio judged is the median of eleven interleaved pairs (each app run against the floor run just "
        "before it), as the host's speed drifts between pairs. What is left is mostly imports: SQLAlchemy's "
        "declarative mapping and configuration of the 23 models (~0.11 s), Qt's enum namespace (~30 ms, the "
        "first `Qt.` anywhere), the services and GUI modules; then the first SQL compiles."
    ),
    "gui_rss_browsing": (
        "Fixed: the queue reads a page (100 rows of 10 columns) at a time; \"All requests\" no longer holds "
        "48,588 ORM objects and rows."
    ),
    "queue_first_screen": (
        "Fixed: a PagedTableModel (canFetchMore/fetchMore) reads 100 rows at a time, sorted in SQL by the "
        "clicked column (services.requests.QueueSort), as plain columns; the first page of all requests walks "
        "a new index on submitted_at (migration 0006); columns fit the first rows once, then only grow."
    ),
    "queue_first_screen_waiting": (
        "Fixed with the paged model (see queue_first_screen): columns are no longer fitted from every cell at "
        "every refresh."
    ),
    "search_queue": (
        "Fixed: an FTS5 table with the trigram tokenizer (migration 0006, kept by triggers) finds any part of "
        "a resource name, link or requester's name for 3 characters and more; shorter text scans only the "
        "index's narrow copy of those columns; the paged model reads the first page. PostgreSQL gets pg_trgm "
        "GIN indexes for the same LIKE."
    ),
    "search_catalog": (
        "Fixed: list_catalog reads plain columns and computes each contract's status once; the "
        "approved-resources search goes through an FTS5 trigram table; the page searches once typing pauses "
        "(200 ms)."
    ),
    "search_already_decided": (
        "Fixed: the latest refusals are read as four columns through a new index ix_request_status_decided "
        "(status, decided_at; migration 0005), no sort of all 10,752 refusals: a quick run 188 ms to 9.3 ms."
    ),
    "compliance_all": (
        "Fixed: list_catalog reads the resources, contracts' terms and exceptions as plain rows in a fixed "
        "number of statements, and each contract's status is computed once, not once per resource (679 ms to "
        "~95 ms on a quiet machine)."
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
