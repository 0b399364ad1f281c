"""The jury's scores from the command line.

    python -m dashboard.scores template [--year Y] [--prize main|special] [--juror NAME] [--out DIR]
    python -m dashboard.scores import FILE... [--by NAME]
    python -m dashboard.scores export --year Y --prize main|special > scores.csv
    python -m dashboard.scores backup PATH
    python -m dashboard.scores round open|close --year Y --prize main|special [--by NAME]

The files: SCORES_DB (the scores), USERS_DB (who may score), DASHBOARD_DB (the finalists); or
--scores-db, --users-db and --db. An import writes every row or, if any row has a problem, none,
and then lists every problem on standard error as FILE:ROW: column: reason.
"""

from __future__ import annotations

import argparse
import getpass
import sqlite3
import sys
from pathlib import Path

import duckdb

from dashboard import users
from dashboard.config import Config
from dashboard.db import DatabaseError
from dashboard.scores import offline, store
from dashboard.scores.finalists import finalists


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard.scores", description=__doc__.splitlines()[0])
    parser.add_argument("--scores-db", type=Path, default=None, help="the scores file (default: SCORES_DB)")
    parser.add_argument("--users-db", type=Path, default=None, help="the users file (default: USERS_DB)")
    parser.add_argument("--db", type=Path, default=None, help="the DuckDB file (default: DASHBOARD_DB)")
    sub = parser.add_subparsers(dest="command", required=True)
    template = sub.add_parser("template", help="write scores-template.csv and .xlsx")
    template.add_argument("--year", type=int, help="default: the last year with finalists")
    template.add_argument("--prize", choices=offline.PRIZES, default="main")
    template.add_argument("--juror", default="", help="fill the juror column with this name")
    template.add_argument("--out", type=Path, default=Path("."), metavar="DIR")
    imp = sub.add_parser("import", help="check and import filled-in sheets (CSV or xlsx), all or nothing")
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--by", default=None, help="who imports, for the audit log (default: the system user)")
    imp.add_argument("--sheet", default=None, help="the sheet to read in a workbook with data on several")
    export = sub.add_parser("export", help="the stored scores of a year and prize as CSV on standard output")
    export.add_argument("--year", type=int, required=True)
    export.add_argument("--prize", choices=offline.PRIZES, required=True)
    backup = sub.add_parser("backup", help="a consistent copy of the scores file, safe while it is in use")
    backup.add_argument("path", type=Path)
    rnd = sub.add_parser("round", help="open or close the round of a year and prize")
    rnd.add_argument("state", choices=("open", "close"))
    rnd.add_argument("--year", type=int, required=True)
    rnd.add_argument("--prize", choices=offline.PRIZES, required=True)
    rnd.add_argument("--by", default=None, help="who, for the audit log (default: the system user)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    scores_db = args.scores_db or store.path_from_env()
    users_db = args.users_db or users.path_from_env()
    db = args.db or Config.from_env().db_path
    actor = getattr(args, "by", None) or f"cli:{getpass.getuser()}"
    try:
        if args.command == "template":
            return _template(args, db)
        if args.command == "import":
            return _import(args.files, scores_db, users_db, db, actor, args.sheet)
        if args.command == "export":
            sys.stdout.write(offline.export_csv(scores_db, args.year, args.prize))
        elif args.command == "backup":
            store.backup(scores_db, args.path)
            print(f"copied {scores_db} to {args.path}")
        else:
            state = "open" if args.state == "open" else "closed"
            before = store.set_round(scores_db, args.year, args.prize, state, actor)
            print(f"round {args.year} {args.prize}: {before} -> {state}")
    except (DatabaseError, duckdb.Error) as exc:
        print(f"{db}:0: database: {exc}", file=sys.stderr)
        return 1
    except (sqlite3.Error, OSError) as exc:
        print(f"{scores_db}:0: scores: {exc}", file=sys.stderr)
        return 1
    return 0


def _template(args: argparse.Namespace, db: Path) -> int:
    """Write the template for a year and prize (by default the last year with finalists)."""
    year = args.year if args.year is not None else offline.last_year(db, args.prize)
    finalists_df = None if year is None else finalists(year, args.prize, db=db)
    if finalists_df is None or finalists_df.empty:
        print(f"{db}:0: database: no finalists for {args.prize}" + (f" in {year}" if year else ""), file=sys.stderr)
        return 1
    rows = offline.template_rows(year, args.prize, finalists_df, args.juror)
    args.out.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = args.out / "scores-template.csv", args.out / "scores-template.xlsx"
    csv_path.write_bytes(offline.csv_bytes(rows))
    xlsx_path.write_bytes(offline.xlsx_bytes(rows))
    print(f"wrote {csv_path} and {xlsx_path}: {year} {args.prize}, {len(finalists_df)} finalists, "
          f"{len(rows)} rows")
    return 0


def _import(files: list[Path], scores_db: Path, users_db: Path, db: Path, actor: str, sheet: str | None) -> int:
    missing = [f for f in files if not f.is_file()]
    for f in missing:
        print(f"{f}:0: file: no such file", file=sys.stderr)
    if missing:
        return 1
    result = offline.import_files(files, scores_db, users_db, db, actor, sheet)
    if result.errors:
        print("\n".join(result.errors), file=sys.stderr)
        print(f"{len(result.errors)} problem(s); nothing was imported.", file=sys.stderr)
        return 1
    print(f"{', '.join(f.name for f in files)}: {result.written} row(s) written, {result.unchanged} already as "
          f"stored, {result.skipped} without score or comment left unchanged")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
