"""Users of the dashboard, kept outside the served (read-only) database in a small SQLite file.

    python -m dashboard.users add NAME --role jury|company|admin [--org ORG] [--password-stdin]
    python -m dashboard.users remove NAME
    python -m dashboard.users list
    python -m dashboard.users unlock NAME|ADDRESS

Passwords are stored only as salted hashes (werkzeug.security, scrypt). A company user belongs to
one organisation (``--org``, a valid organisation number) and sees only its own figures.

The same file holds what every worker and server must share: each user's session version (a random
token in the session cookie; a new one ends every session of that user) and the failed sign-ins
per account and per address, so the limits survive restarts and hold across workers.
"""

from __future__ import annotations

import argparse
import functools
import getpass
import hashlib
import hmac
import os
import secrets
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from dashboard.warehouse import org_nr_is_valid

ROLES = ("jury", "company", "admin")
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "users.sqlite3"
SCHEMA = 2  # 1: users; 2: session versions and failed sign-ins
# Failed sign-ins: this many are allowed per account and per address (whatever the names); the
# one that reaches the limit locks for FIRST_LOCK seconds, each further one for twice as long as
# the one before, up to MAX_LOCK; a key with no failure for FORGET seconds starts again from zero.
LIMITS = {"account": 5, "address": 20}
FIRST_LOCK, MAX_LOCK, FORGET = 300.0, 3600.0, 86400.0


@dataclass(frozen=True)
class User:
    """A signed-in user, as Flask-Login wants one."""

    name: str
    role: str
    org_nr: str | None
    session_version: str = ""

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        """What the session cookie holds: the session version, then the name."""
        return f"{self.session_version}:{self.name}"


def path_from_env() -> Path:
    return Path(os.environ.get("USERS_DB") or DEFAULT_PATH)


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=15)
    if con.execute("pragma user_version").fetchone()[0] < SCHEMA:
        con.execute("begin immediate")  # one worker migrates; the others wait, then see it done
        con.execute("create table if not exists users (name text primary key, password_hash text not null, "
                    "role text not null, org_nr text)")
        if "session_version" not in {r[1] for r in con.execute("pragma table_info(users)")}:
            con.execute("alter table users add column session_version text not null default ''")
        con.execute("update users set session_version = lower(hex(randomblob(16))) where session_version = ''")
        con.execute("create table if not exists failures (key text primary key, count integer not null, "
                    "last real not null)")
        con.execute(f"pragma user_version = {int(SCHEMA)}")  # a pragma takes no bound value; a constant int
        con.commit()
    return con


def _new_version() -> str:
    return secrets.token_hex(16)


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
    version = _new_version()  # a new or changed user: every session from before ends
    with _connect(path) as con:
        con.execute("insert into users values (?, ?, ?, ?, ?) on conflict (name) do update set "
                    "password_hash = excluded.password_hash, role = excluded.role, org_nr = excluded.org_nr, "
                    "session_version = excluded.session_version",
                    (name, generate_password_hash(password), role, org_nr, version))
    return User(name, role, org_nr, version)


def remove(path: Path, name: str) -> bool:
    """Remove a user; their sessions end with them (one added again later gets a new version)."""
    with _connect(path) as con:
        return con.execute("delete from users where name = ?", (name,)).rowcount > 0


def get(path: Path, name: str) -> User | None:
    with _connect(path) as con:
        row = con.execute("select name, role, org_nr, session_version from users where name = ?",
                          (name,)).fetchone()
    return User(*row) if row else None


def from_session(path: Path, user_id: str) -> User | None:
    """The user a session cookie names, if its session version is still theirs (None once they
    signed out, changed password or were removed)."""
    version, _, name = user_id.partition(":")
    user = get(path, name)
    if user is None or not version or not hmac.compare_digest(version, user.session_version):
        return None
    return user


def end_sessions(path: Path, name: str) -> None:
    """End every session of ``name`` (on every device) by giving the user a new session version."""
    with _connect(path) as con:
        con.execute("update users set session_version = ? where name = ?", (_new_version(), name))


@functools.cache
def dummy_hash() -> str:
    """A hash made as real ones are (same method and parameters), for names that do not exist."""
    return generate_password_hash(secrets.token_hex(16))


def verify(path: Path, name: str, password: str) -> User | None:
    """The user if the password is right; None otherwise (also for an unknown name, after the same
    work: one check against a hash with the same parameters)."""
    with _connect(path) as con:
        row = con.execute("select password_hash, name, role, org_nr, session_version from users where name = ?",
                          (name,)).fetchone()
    right = check_password_hash(row[0] if row else dummy_hash(), password)
    return User(*row[1:]) if row and right else None


def listing(path: Path) -> list[User]:
    with _connect(path) as con:
        return [User(*r) for r in con.execute("select name, role, org_nr, session_version from users order by name")]


# --- failed sign-ins -----------------------------------------------------------------------------

def lock_seconds(kind: str, failures: int) -> float:
    """How long ``failures`` failed sign-ins lock an account or address out, from the last one."""
    over = failures - LIMITS[kind]
    return 0.0 if over < 0 else min(FIRST_LOCK * 2 ** over, MAX_LOCK)


def _key(kind: str, who: str) -> str:
    """Names and addresses are kept hashed (a password typed as a name stays out of the file)."""
    return hashlib.sha256(f"{kind}:{who}".encode("utf-8", "surrogatepass")).hexdigest()


def _keys(name: str, address: str) -> dict[str, str]:
    return {"account": _key("account", name), "address": _key("address", address)}


def begin_sign_in(path: Path, name: str, address: str, now: float | None = None) -> float:
    """Count a sign-in as failed before its password is checked (so guesses sent in parallel, to
    any worker, cannot pass the limit together), unless the account or the address is locked out:
    then nothing is counted and the answer is the seconds left. Names need not exist: an unknown
    name is counted and locked as a known one is. ``signed_in`` takes the count back."""
    now = time.time() if now is None else now
    con = _connect(path)
    try:
        con.execute("begin immediate")
        con.execute("delete from failures where last < ?", (now - FORGET,))
        wait = 0.0
        for kind, key in _keys(name, address).items():
            row = con.execute("select count, last from failures where key = ?", (key,)).fetchone()
            if row:
                wait = max(wait, row[1] + lock_seconds(kind, row[0]) - now)
        if wait <= 0:
            for key in _keys(name, address).values():
                con.execute("insert into failures values (?, 1, ?) on conflict (key) do update set "
                            "count = count + 1, last = excluded.last", (key, now))
        con.commit()
        return max(wait, 0.0)
    finally:
        con.close()


def signed_in(path: Path, name: str, address: str) -> None:
    """A right password: the account starts again from zero; the address gets its try back (its
    other failures stay, so signing in to one's own account does not reset guesses at others)."""
    keys = _keys(name, address)
    with _connect(path) as con:
        con.execute("delete from failures where key = ?", (keys["account"],))
        con.execute("update failures set count = count - 1 where key = ?", (keys["address"],))
        con.execute("delete from failures where count <= 0")


def unlock(path: Path, who: str) -> bool:
    """Forget the failed sign-ins of an account or an address; whether there were any."""
    with _connect(path) as con:
        return con.execute("delete from failures where key in (?, ?)",
                           (_key("account", who), _key("address", who))).rowcount > 0


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
    unlock_p = sub.add_parser("unlock", help="forget the failed sign-ins of an account or an address")
    unlock_p.add_argument("who", help="a user name or an address")
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
    elif args.command == "unlock":
        if not unlock(path, args.who):
            print(f"no failed sign-ins for {args.who!r}", file=sys.stderr)
            return 1
    else:
        for u in listing(path):
            print(f"{u.name}\t{u.role}\t{u.org_nr or ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
