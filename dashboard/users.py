"""Users of the dashboard, kept outside the served (read-only) database in a small SQLite file.

    python -m dashboard.users add NAME --role jury|company|admin [--org ORG] [--password-stdin]
    python -m dashboard.users remove NAME
    python -m dashboard.users list

Passwords are stored only as salted hashes (werkzeug.security, scrypt). A company user belongs to
one organisation (``--org``, a valid organisation number) and sees only its own figures.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from dashboard.warehouse import org_nr_is_valid

ROLES = ("jury", "company", "admin")
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "users.sqlite3"


@dataclass(frozen=True)
class User:
    """A signed-in user, as Flask-Login wants one."""

    name: str
    role: str
    org_nr: str | None

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        return self.name


def path_from_env() -> Path:
    return Path(os.environ.get("USERS_DB") or DEFAULT_PATH)


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.execute("create table if not exists users (name text primary key, password_hash text not null, "
                "role text not null, org_nr text)")
    return con


def add(path: Path, name: str, role: str, password: str, org_nr: str | None = None) -> User:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if role == "company" and not (org_nr and org_nr_is_valid(org_nr)):
        raise ValueError("a company user needs --org with a valid organisation number")
    if role != "company" and org_nr:
        raise ValueError("only a company user belongs to an organisation")
    if len(password) < 10:
        raise ValueError("the password must have at least 10 characters")
    if not name or len(name) > 100:
        raise ValueError("the name must have 1 to 100 characters")
    with _connect(path) as con:
        con.execute("insert or replace into users values (?, ?, ?, ?)",
                    (name, generate_password_hash(password), role, org_nr))
    return User(name, role, org_nr)


def remove(path: Path, name: str) -> bool:
    with _connect(path) as con:
        return con.execute("delete from users where name = ?", (name,)).rowcount > 0


def get(path: Path, name: str) -> User | None:
    with _connect(path) as con:
        row = con.execute("select name, role, org_nr from users where name = ?", (name,)).fetchone()
    return User(*row) if row else None


def verify(path: Path, name: str, password: str) -> User | None:
    """The user if the password is right; None otherwise (also for an unknown name)."""
    with _connect(path) as con:
        row = con.execute("select name, password_hash, role, org_nr from users where name = ?", (name,)).fetchone()
    if row is None:
        check_password_hash(generate_password_hash("x"), password)  # same work either way
        return None
    return User(row[0], row[2], row[3]) if check_password_hash(row[1], password) else None


def listing(path: Path) -> list[User]:
    with _connect(path) as con:
        return [User(*r) for r in con.execute("select name, role, org_nr from users order by name")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users-db", type=Path, default=None, help="the users file (default: USERS_DB)")
    sub = parser.add_subparsers(dest="command", required=True)
    add_p = sub.add_parser("add", help="add or update a user")
    add_p.add_argument("name")
    add_p.add_argument("--role", required=True, choices=ROLES)
    add_p.add_argument("--org", default=None, help="the organisation number of a company user")
    add_p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    rm = sub.add_parser("remove", help="remove a user")
    rm.add_argument("name")
    sub.add_parser("list", help="list users (never passwords)")
    args = parser.parse_args(argv)
    path = args.users_db or path_from_env()
    if args.command == "add":
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Password: ")
            if getpass.getpass("Again: ") != password:
                print("the passwords differ", file=sys.stderr)
                return 1
        try:
            user = add(path, args.name, args.role, password, args.org)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"{user.name}: {user.role}" + (f" ({user.org_nr})" if user.org_nr else "") + f" in {path}")
    elif args.command == "remove":
        if not remove(path, args.name):
            print(f"no user {args.name!r}", file=sys.stderr)
            return 1
    else:
        for u in listing(path):
            print(f"{u.name}\t{u.role}\t{u.org_nr or ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
