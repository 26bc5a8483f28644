"""`techapproval print-decisions`: a period's decision sheets saved into a folder, read back with pypdf."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, text

from techapproval.__main__ import main
from techapproval.domain.deadlines import school_year_label, school_year_of


def today() -> date:
    """Connecticut's date now (the demo decides "now"): asked in each test, not once at import, so a run
    that crosses midnight in Connecticut does not look for yesterday's decisions."""
    return datetime.now(ZoneInfo("America/New_York")).date()


def decided_ids(url: str) -> dict[int, str]:
    """The demo's requests decided this past month (its Desmos was approved three years ago, to be renewed)."""
    engine = create_engine(url)
    since = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=30)  # stored as naive UTC
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT id, resource_name FROM request "
                                     "WHERE status IN ('approved', 'not_approved') AND decided_at >= :since "
                                     "ORDER BY id"), {"since": since})
            return dict(rows.all())
    finally:
        engine.dispose()


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture
def demo(db_url, capsys) -> str:
    assert main(["--database", db_url, "seed-demo"]) == 0
    capsys.readouterr()
    return db_url


def test_a_date_range_saves_one_pdf_per_decided_request(demo, tmp_path, capsys):
    out = tmp_path / "filed"
    week = [(today() - timedelta(days=7)).isoformat(), (today() + timedelta(days=1)).isoformat()]  # midnight-proof
    assert main(["--database", demo, "print-decisions", "--from", week[0], "--to", week[1], "-o", str(out)]) == 0
    decided = decided_ids(demo)
    assert f"Saved the decision sheets of the {len(decided)} request(s)" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == [f"decision-{rid:05d}.pdf" for rid in decided]
    for rid, resource in decided.items():
        text_ = pdf_text(out / f"decision-{rid:05d}.pdf")
        assert f"Request {rid}" in text_ and resource in text_
    assert "Not approved for use at this time" in text_ and "FreeGamesNow" in text_  # the demo's refusal


def test_a_school_year_as_a_reviewer(demo, tmp_path, capsys):
    year = school_year_of(today())
    out = tmp_path / "filed"
    assert main(["--database", demo, "print-decisions", "--school-year", school_year_label(year).replace("\u2013", "-"),
                 "-o", str(out), "--as", "rosa.martinez@riverside.example"]) == 0
    assert f"in the school year {school_year_label(year)}" in capsys.readouterr().out
    assert len(list(out.iterdir())) == len(decided_ids(demo))

    assert main(["--database", demo, "print-decisions", "--school-year", str(year - 1), "-o", str(out)]) == 0
    assert "nothing was saved" in capsys.readouterr().out


def test_a_teacher_is_refused_and_nothing_is_written(demo, tmp_path, capsys):
    out = tmp_path / "filed"
    assert main(["--database", demo, "print-decisions", "--school-year", str(school_year_of(today())), "-o", str(out),
                 "--as", "anh.nguyen@riverside.example"]) == 1
    err = capsys.readouterr().err
    assert "Only a reviewer can do this." in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-01-01"], "--to"),
    (["--from", "2026-02-01", "--to", "2026-01-01"], "before --from"),
    (["--school-year", "2026", "--to", "2026-01-01"], "not both"),
])
def test_periods_that_make_no_sense_are_refused(demo, tmp_path, capsys, args, message):
    assert main(["--database", demo, "print-decisions", *args, "-o", str(tmp_path / "x")]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("value", ["2025-27", "25", "next year", "2025-13-01"])
def test_a_bad_school_year_or_date_is_a_usage_error(demo, tmp_path, capsys, value):
    option = "--from" if value.count("-") == 2 else "--school-year"
    with pytest.raises(SystemExit) as exit_:
        main(["--database", demo, "print-decisions", option, value, "-o", str(tmp_path / "x")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert ("YYYY-MM-DD" if option == "--from" else "is not a school year") in err


def test_school_year_dates():
    from techapproval.services.printing import school_year_dates

    assert school_year_dates(2025) == (date(2025, 7, 1), date(2026, 6, 30))
