"""What the terminal shows when an import fails on hostile files: every problem counted, a short report,
no raw escape sequence reaching the terminal."""
from __future__ import annotations

from tests.cli.test_cli import private_home, run  # noqa: F401  (fixture re-used)


def test_a_hostile_folder_gives_a_short_escaped_report(tmp_path):
    db, folder = tmp_path / "s.cpm", tmp_path / "in"
    assert run("init", "--db", db).returncode == 0
    folder.mkdir()
    wide = ",".join(f"c{i}" for i in range(200_000))
    (folder / "mentors.csv").write_text(f"mentor_id,first_name,last_name,status,{wide}\n", encoding="utf-8")
    (folder / "referrals.csv").write_text("referral_id,person_id,referred_on,first_name,last_name,outcome\n"
                                          "R1,P1,2018-01-01,\x1b[2J\x1b]0;pwned\x07,B,pending\n", encoding="utf-8")
    (folder / "contacts.csv").write_bytes("contact_id\nC1\n".encode("utf-16"))
    result = run("import", "--db", db, folder)
    assert result.returncode != 0
    assert "Nothing was imported: 200,002 problem(s)" in result.stderr
    assert "mentors.csv: and 199,950 more problem(s) in this file." in result.stderr
    assert "contacts.csv: the file is not UTF-8 text" in result.stderr
    assert '"\\x1b[2J\\x1b]0;pwned\\x07" is not valid' in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert len(result.stderr) < 20_000
