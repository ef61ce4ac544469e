"""The command line (docs/cli.md): the same services as the GUI, headless.

Standard output carries only the data asked for; messages and progress go to standard error.
Exit status: 0 done, 2 usage, 3 wrong passphrase or not a store, 4 invalid input, 5 the store is damaged,
6 no permission to read or write a file or folder, 1 anything else (5 and 6 are ours: spec/cli.md has none).
"""
from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from cpm_desktop import config
from cpm_desktop.domain.passphrase import problem as passphrase_problem
from cpm_desktop.resources_path import docs_path
from cpm_desktop.services.files import write_private_file
from cpm_desktop.services.stores import (
    BackupDamaged,
    BackupWrongPassphrase,
    InvalidTarget,
    NoPermission,
    NotAStore,
    PassphraseRefused,
    Store,
    StoreDamaged,
    StoreError,
    StoreExists,
    StoreMissing,
    WrongPassphrase,
    explain,
)

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_STORE, EXIT_INPUT, EXIT_DAMAGED, EXIT_PERMISSION = 0, 1, 2, 3, 4, 5, 6

# The exit status of each store fault, most particular first; any other StoreError is 1.
_STATUS_OF_FAULT: tuple[tuple[type[StoreError] | tuple[type[StoreError], ...], int], ...] = (
    (PassphraseRefused, EXIT_USAGE),
    ((WrongPassphrase, NotAStore, StoreMissing, BackupWrongPassphrase), EXIT_STORE),
    ((StoreExists, InvalidTarget), EXIT_INPUT),
    ((StoreDamaged, BackupDamaged), EXIT_DAMAGED),
    (NoPermission, EXIT_PERMISSION),
)


class CliError(Exception):
    """A sentence for the user and the exit status that goes with it."""

    def __init__(self, message: str, status: int = EXIT_ERROR):
        super().__init__(message)
        self.status = status


class InvalidInput(CliError):
    def __init__(self, message: str, details: Sequence[str] = ()):
        super().__init__(message, EXIT_INPUT)
        self.details = list(details)


# --- passphrases and progress ----------------------------------------------------------------------


def _ask(prompt: str, env: str, *, twice: bool) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"Set {env} or run this on a terminal to give the passphrase.", EXIT_USAGE)
    first = getpass.getpass(prompt)
    if twice and getpass.getpass("Again, to be sure: ") != first:
        raise CliError("The two passphrases differ; nothing was changed.", EXIT_USAGE)
    return first


def passphrase(*, new_store: bool = False) -> str:
    return _ask("Passphrase: ", "CPM_PASSPHRASE", twice=new_store)


def new_passphrase(prompt: str, env: str) -> str:
    """A passphrase for a new store or a change: asked twice, and held to the same rule as the window's."""
    value = _ask(prompt, env, twice=True)
    if problem := passphrase_problem(value):
        raise CliError(problem, EXIT_USAGE)
    return value


class TerminalProgress:
    """Progress on standard error, redrawn in place on a terminal and silent elsewhere."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, done: int = 0, total: int = 0, message: str = "") -> bool:
        if self.live:
            share = f" {100 * done // total:3d}%" if total else ""
            sys.stderr.write(f"\r{message[:60]:<60}{share}")
            sys.stderr.flush()
        return True

    def finish(self) -> None:
        if self.live:
            sys.stderr.write("\r" + " " * 66 + "\r")


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _open(args: argparse.Namespace) -> Store:
    return Store.open(args.db, passphrase())


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (expected YYYY-MM-DD)") from None


def _write_output(target: str, data: bytes) -> None:
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    path = Path(target)
    if not path.parent.is_dir():
        raise CliError(f"The folder {path.parent} does not exist.", EXIT_INPUT)
    if path.is_dir():
        raise CliError(f"{path} is a folder; give the file a name.", EXIT_INPUT)
    try:
        write_private_file(path, data)
    except PermissionError:
        raise CliError(f"You do not have permission to write {path}; choose a folder of your own.",
                       EXIT_PERMISSION) from None
    except OSError as error:
        raise CliError(f"{path} could not be written ({error.strerror}); nothing was left under that name.",
                       EXIT_ERROR) from None


# --- commands --------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    Store.create(args.db, new_passphrase("Passphrase for the new store: ", "CPM_PASSPHRASE")).close()
    _say(f"Created an encrypted store at {args.db}.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from cpm_desktop.services.demo import create_demo_store

    progress = TerminalProgress()
    create_demo_store(args.db, passphrase(new_store=True), seed=args.seed, progress=progress).close()
    progress.finish()
    _say(f"Created a demo store of synthetic people at {args.db}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from cpm_desktop.services.interchange import ImportFailed, import_folder

    folder = Path(args.folder)
    if not folder.is_dir():
        raise InvalidInput(f"There is no folder at {folder}.")
    progress = TerminalProgress()
    with _open(args) as store:
        try:
            summary = import_folder(store, folder, ignore_unknown_columns=args.ignore_unknown_columns,
                                    progress=progress)
        except ImportFailed as failed:
            progress.finish()
            problems = [str(p) for p in failed.problems]
            raise InvalidInput(
                f"Nothing was imported: {failed.total:,} problem(s) in {folder} need fixing first.",
                problems) from None
    progress.finish()
    _say(f"Imported {summary}.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from cpm_desktop.services.interchange import export_folder

    folder = Path(args.folder)
    progress = TerminalProgress()
    with _open(args) as store:
        summary = export_folder(store, folder, progress=progress)
    progress.finish()
    _say(f"Exported {summary} to {folder}.")
    return EXIT_OK


def cmd_report_evaluation(args: argparse.Namespace) -> int:
    from cpm_desktop.domain.evaluation import EvaluationParameters, period_problem
    from cpm_desktop.services.reports import evaluation_note, evaluation_pdf, evaluation_summary

    params = EvaluationParameters(
        date_from=args.date_from, date_to=args.date_to, as_of=args.as_of or date.today(),
        cost_per_hour=args.cost_per_hour, hours_per_call=args.hours_per_call, area=args.area)
    if problem := period_problem(params):
        raise InvalidInput(problem)
    with _open(args) as store:
        if args.area:
            from cpm_desktop.services.vocabulary import vocabulary_for

            with store.transaction() as session:
                if not vocabulary_for(session).is_code("area", args.area):
                    raise InvalidInput(f"There is no area with the code {args.area!r}.")
        if args.json:
            summary = evaluation_summary(store, params)
            text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
            _write_output(args.json, text.encode("utf-8"))
        else:
            _write_output(args.pdf, evaluation_pdf(store, params))
        note = evaluation_note(store, params)
    if (args.json or args.pdf) != "-":
        _say(f"Wrote the evaluation summary to {args.json or args.pdf}.")
        if note:  # the lead's paragraph is printed on page one of the PDF, never put in the JSON
            _say("The paragraph kept for this period and area" + (", printed on page one:" if args.pdf else ":"))
            for line in note.splitlines():
                _say(f"  {line}" if line.strip() else "")
    return EXIT_OK


def cmd_letter_feedback(args: argparse.Namespace) -> int:
    from cpm_desktop.services.letters import feedback_letter, feedback_letter_pdf

    with _open(args) as store:
        try:
            which = feedback_letter(store, args.referral).describes
            pdf = feedback_letter_pdf(store, args.referral)
        except LookupError as missing:
            raise InvalidInput(str(missing)) from None
    _write_output(args.out, pdf)
    _say(f"Wrote the letter to {args.out}. {which}")
    return EXIT_OK


def cmd_sar(args: argparse.Namespace) -> int:
    from cpm_desktop.services.subject_access import subject_access_pdf

    with _open(args) as store:
        try:
            pdf = subject_access_pdf(store, person_id=args.person, mentor_id=args.mentor)
        except LookupError as missing:
            raise InvalidInput(str(missing)) from None
    _write_output(args.out, pdf)
    _say(f"Wrote the subject-access export to {args.out}.")
    return EXIT_OK


def cmd_passphrase(args: argparse.Namespace) -> int:
    with _open(args) as store:
        store.change_passphrase(new_passphrase("New passphrase: ", "CPM_NEW_PASSPHRASE"))
    _say("The passphrase is changed; use the new one from now on.")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with _open(args) as store:
        out = store.backup(args.out)
    _say(f"Wrote an encrypted backup to {out}.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from cpm_desktop.services.retention import restore_keeping_erasures

    restored, erased = restore_keeping_erasures(args.db, args.backup, passphrase())
    kept = f"; what was there is kept as {restored.set_aside[0].name}" if restored.set_aside else ""
    again = f"; {erased} records erased since the backup was made were erased again" if erased else ""
    _say(f"Restored {restored.store} from {args.backup}{kept}{again}.")
    return EXIT_OK


# --- sync -----------------------------------------------------------------------------------------


def _sync_service() -> ModuleType:
    """services.sync, imported when a sync command runs (psycopg need not load for the others)."""
    from cpm_desktop.services import sync as sync_service

    return sync_service


def _sync_errors(work: Callable[[], int]) -> int:
    sync_service = _sync_service()
    try:
        return work()
    except sync_service.HubUnreachable as error:
        _say(f"{error} Nothing was lost: the changes stay on this laptop until the next sync.")
        return EXIT_ERROR
    except (sync_service.HubRefused, sync_service.SyncError, ValueError) as error:
        raise CliError(str(error), EXIT_INPUT) from None


def cmd_hub_init(args: argparse.Namespace) -> int:
    def work() -> int:
        with _open(args) as store:
            member = _sync_service().set_up_hub(store, args.hub, user=args.user)
        _say(f"The hub is ready and this store is its first member (the lead, code {member.code}).")
        return EXIT_OK
    return _sync_errors(work)


def cmd_invite(args: argparse.Namespace) -> int:
    areas = tuple(area.strip() for area in (args.areas or "").split(",") if area.strip())

    def work() -> int:
        with _open(args) as store:
            code = _sync_service().invite(store, areas=areas, member_role=args.role, out=Path(args.out))
        _say(f"Wrote the invite to {args.out}. Give its one-time code separately (not with the file): {code}")
        return EXIT_OK
    return _sync_errors(work)


def cmd_join(args: argparse.Namespace) -> int:
    code = os.environ.get("CPM_INVITE_CODE")
    if code is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise CliError("Set CPM_INVITE_CODE or run this on a terminal to give the invite code.", EXIT_USAGE)
        code = input("Invite code: ")

    def work() -> int:
        path = Path(args.db)
        store = Store.open(path, passphrase()) if path.exists() else Store.create(path, passphrase(new_store=True))
        with store:
            member = _sync_service().join(store, Path(args.invite), code, hub_url=args.hub, user=args.user)
            _say(f"This store is now a member of the scheme (code {member.code}); fetching its records.")
            try:
                report = _sync_service().sync_now(store, _message_progress())
            except _sync_service().HubUnreachable as error:
                _say(f"{error} Run 'cpm-desktop sync' when the hub can be reached.")
                return EXIT_OK
        _say(report.sentence())
        return EXIT_OK
    return _sync_errors(work)


def _message_progress() -> Callable[[str], None]:
    """Sync reports progress as sentences ("Sent 2,000 changes"): shown on a terminal like any other."""
    progress = TerminalProgress()

    def show(message: str) -> None:
        progress(0, 0, message)
    return show


def cmd_sync(args: argparse.Namespace) -> int:
    def work() -> int:
        with _open(args) as store:
            report = _sync_service().sync_now(store, _message_progress())
        _say(report.sentence())
        return EXIT_OK
    return _sync_errors(work)


def cmd_conflicts(args: argparse.Namespace) -> int:
    def work() -> int:
        with _open(args) as store:
            if args.resolve:
                _sync_service().resolve_conflict(store, args.resolve, "other" if args.take_other else "kept")
                _say("The conflict is settled; the choice reaches the other laptops at the next sync.")
                return EXIT_OK
            rows = _sync_service().conflicts(store)
        if args.json:
            import dataclasses

            data = json.dumps([dataclasses.asdict(row) for row in rows], ensure_ascii=False, indent=2) + "\n"
            _write_output(args.json, data.encode())
            return EXIT_OK
        if not rows:
            _say("No conflicts to settle.")
        for row in rows:
            print(f"{row.conflict_id}  {row.record}, {row.field}:\n"
                  f"    stands: {row.kept!r} ({row.kept_by}, {row.kept_at})\n"
                  f"    other:  {row.other!r} ({row.other_by}, {row.other_at})")
        return EXIT_OK
    return _sync_errors(work)


# --- retention and erasure -------------------------------------------------------------------------


def _confirm(question: str, yes: bool) -> None:
    """Erasure cannot be undone: on a terminal it is confirmed by typing "yes"; elsewhere only --yes will do."""
    if yes:
        return
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("Erasing cannot be undone: add --yes to confirm it when not on a terminal. Nothing was "
                       "erased.", EXIT_USAGE)
    _say(question)
    if input("Type yes to erase: ").strip().lower() != "yes":
        raise CliError("Nothing was erased.", EXIT_OK)


def cmd_retention(args: argparse.Namespace) -> int:
    from cpm_desktop.services import retention

    today = args.today or date.today()
    with _open(args) as store:
        items = retention.due_for_deletion(store, today=today)
        for item in items:
            print(f"{item.since:%d/%m/%Y}  {item.label}\n            {item.reason}"
                  + (f"\n            {item.kept}" if item.kept else ""))
        erasable = [item for item in items if not item.kept]
        if not args.apply:
            _say(f"Dry run, nothing was erased: {len(erasable)} due for deletion, {len(items) - len(erasable)} kept."
                 + (" Run again with --apply to erase them." if erasable else ""))
            return EXIT_OK
        if not erasable:
            _say("Nothing is due for deletion.")
            return EXIT_OK
        _confirm(f"This erases {len(erasable)} item(s) listed above from this store and, at the next sync, from "
                 "every laptop.", args.yes)
        try:
            report = retention.apply_retention(store, [item.key for item in erasable], today=today)
        except retention.ErasureRefused as refused:
            raise InvalidInput(str(refused)) from None
    _say(report.sentence())
    return EXIT_OK


def cmd_erase(args: argparse.Namespace) -> int:
    from cpm_desktop.services import retention

    kind, subject_id = ("person", args.person) if args.person else ("mentor", args.mentor)
    with _open(args) as store:
        _confirm(f"This erases the {kind} {subject_id} and everything recorded about them, for good.", args.yes)
        try:
            report = retention.erase_on_request(store, kind=kind, subject_id=subject_id, reason=args.reason,
                                                received_on=args.received, today=date.today())
        except (LookupError, ValueError) as refused:
            raise InvalidInput(str(refused).strip("'\"")) from None
    _say(report.sentence() + " The request is recorded in the register.")
    return EXIT_OK


def cmd_hold(args: argparse.Namespace) -> int:
    from cpm_desktop.services import retention

    kind, subject_id = ("person", args.person) if args.person else ("mentor", args.mentor)
    with _open(args) as store:
        try:
            retention.place_hold(store, kind=kind, subject_id=subject_id, reason=args.reason, until=args.until)
        except (LookupError, ValueError) as refused:
            raise InvalidInput(str(refused).strip("'\"")) from None
    _say(f"The {kind} {subject_id} is kept past the retention rules "
         + (f"until {args.until:%d/%m/%Y}." if args.until else "until the hold is lifted."))
    return EXIT_OK


# --- parsing ---------------------------------------------------------------------------------------


def version() -> str:
    """The installed distribution's version (a bundle carries its metadata: see build.spec)."""
    try:
        return metadata.version("cpm-desktop")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"

EXIT_STATUS_HELP = """\
exit status:
  0 done    1 anything else    2 usage error    3 wrong passphrase or not a store
  4 invalid input (nothing written)    5 the store is damaged: restore a backup (see 'restore --help')
  6 no permission to read or write a file or folder

The passphrase is read from CPM_PASSPHRASE when set, otherwise asked on the terminal."""

RESTORE_HELP = """\
Put a backup in the place of a damaged or lost store.

The backup is copied beside the store and checked first: the passphrase (CPM_PASSPHRASE, the one the
store had when the backup was made) must open it and every page must read. Only then is the file at
--db renamed aside as NAME.before-restore-<UTC time>, never deleted, and the checked copy put in its
place. Close the application on that store before restoring. Records written after the backup was
made are not in it; a damaged store's set-aside file can be given to support staff to recover them.

  cpm-desktop restore --db cpm.cpm --from cpm-backup.cpm"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one sentence, exit status 2, no usage dump
        _say(f"{self.prog}: {message}. See '{self.prog} --help'.")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    # Raw text, so that the guide's path is never broken across lines.
    guide = f"Every command, its options and exit statuses:\n  {docs_path('cli.md')}"
    parser = _Parser(prog="cpm-desktop", description="Case record of the Community Peer Mentor scheme.",
                     epilog=f"{EXIT_STATUS_HELP}\n\n{guide}", formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="the store to open (default: your data folder)")
    parser.add_argument("--demo", action="store_true", help="open the demo store of synthetic people")
    parser.add_argument("--version", action="version", version=f"cpm-desktop {version()}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_text: str, db: bool = True,
                description: str | None = None) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=description or help_text,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        if db:
            sub.add_argument("--db", type=Path, required=True, help="path of the store")
        sub.set_defaults(handler=handler)
        return sub

    command("init", cmd_init, "Create a new encrypted store.")
    demo = command("demo", cmd_demo, "Create a new encrypted store filled with synthetic demo records.")
    demo.add_argument("--seed", type=int, default=2018, help=argparse.SUPPRESS)
    imp = command("import", cmd_import, "Import a folder of interchange CSV files.")
    imp.add_argument("folder")
    imp.add_argument("--ignore-unknown-columns", action="store_true")
    command("export", cmd_export, "Export the whole store as interchange CSV files.").add_argument("folder")

    report = commands.add_parser("report", help="Print a report.")
    kinds = report.add_subparsers(dest="report", parser_class=_Parser, required=True)
    evaluation = kinds.add_parser(
        "evaluation", help="The evaluation summary.", formatter_class=argparse.RawDescriptionHelpFormatter,
        description=f"The evaluation summary, as a PDF or a JSON document. What each figure means:\n  "
                    f"{docs_path('evaluation.md')}")
    evaluation.set_defaults(handler=cmd_report_evaluation)
    evaluation.add_argument("--db", type=Path, required=True, help="path of the store")
    evaluation.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                            help="first day referrals were received (default: every referral)")
    evaluation.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="last day, included")
    evaluation.add_argument("--as-of", dest="as_of", type=_date, metavar="DATE",
                            help="the day taken as today: nothing later counts (default: today)")
    evaluation.add_argument("--area", metavar="CODE", help="one area only, by its vocabulary code")
    evaluation.add_argument("--cost-per-hour", type=float, default=25.0, metavar="N",
                            help="pounds a police staff hour costs (default: 25)")
    evaluation.add_argument("--hours-per-call", type=float, default=1.0, metavar="N",
                            help="police staff hours one call takes (default: 1)")
    target = evaluation.add_mutually_exclusive_group(required=True)
    target.add_argument("--json", metavar="FILE", help="the JSON document ('-': standard output)")
    target.add_argument("--pdf", metavar="FILE", help="the printable summary")

    letter = commands.add_parser("letter", help="Write a letter.")
    letters = letter.add_subparsers(dest="letter", parser_class=_Parser, required=True)
    feedback = letters.add_parser("feedback", help="Feedback to the referrer of a referral.")
    feedback.set_defaults(handler=cmd_letter_feedback)
    feedback.add_argument("--db", type=Path, required=True, help="path of the store")
    feedback.add_argument("--referral", required=True, metavar="ID", help="the referral's id, e.g. R000123")
    feedback.add_argument("--out", required=True, metavar="FILE", help="the PDF to write ('-': standard output)")

    sar = command("sar", cmd_sar, "GDPR subject-access export of a person or a mentor.")
    who = sar.add_mutually_exclusive_group(required=True)
    who.add_argument("--person")
    who.add_argument("--mentor")
    sar.add_argument("--out", required=True)
    hub = commands.add_parser("hub", help="Set up the scheme's sync hub (PostgreSQL).")
    hub_commands = hub.add_subparsers(dest="hub_command", parser_class=_Parser, required=True)
    hub_init = hub_commands.add_parser("init", help="Create or upgrade the hub and make this store its lead.")
    hub_init.set_defaults(handler=cmd_hub_init)
    hub_init.add_argument("--hub", required=True, help="PostgreSQL URL of the hub's owner, e.g. postgresql://...")
    hub_init.add_argument("--db", type=Path, required=True)
    hub_init.add_argument("--user", help="your name, as the audit trail and letters show it")
    inv = command("invite", cmd_invite, "Invite a laptop to the scheme: writes an invite file and prints its code.")
    inv.add_argument("--areas", help='areas the laptop holds, e.g. "east,north" (not for lead or office)')
    inv.add_argument("--role", choices=["coordinator", "lead", "office"], default="coordinator")
    inv.add_argument("--out", required=True)
    joining = command("join", cmd_join, "Join the scheme with an invite file (code from CPM_INVITE_CODE or asked).")
    joining.add_argument("--invite", required=True)
    joining.add_argument("--hub", help="the hub's address, if it differs from the one in the invite")
    joining.add_argument("--user", help="your name, as the audit trail and letters show it")
    command("sync", cmd_sync, "Send this laptop's changes to the hub and fetch everyone else's.")
    conflict = command("conflicts", cmd_conflicts, "List the conflicts sync found, or settle one.")
    conflict.add_argument("--json", metavar="FILE")
    conflict.add_argument("--resolve", metavar="ID", help="settle this conflict")
    conflict.add_argument("--take-other", action="store_true", help="with --resolve: the set-aside value stands")
    kept = command("retention", cmd_retention, "List what the retention rules make due for deletion (a dry run, "
                   "writing nothing); with --apply, erase it.")
    kept.add_argument("--apply", action="store_true", help="erase what is due (asks first on a terminal)")
    kept.add_argument("--yes", action="store_true", help="with --apply: do not ask")
    kept.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    erase = command("erase", cmd_erase, "Erase a person or a mentor at their request, recording the request.")
    whom = erase.add_mutually_exclusive_group(required=True)
    whom.add_argument("--person")
    whom.add_argument("--mentor")
    erase.add_argument("--reason", required=True, help="how and when the erasure was asked for")
    erase.add_argument("--received", type=_date, help="the day the request came (default: today)")
    erase.add_argument("--yes", action="store_true", help="do not ask")
    hold = command("hold", cmd_hold, "Keep a person's or mentor's record past the retention rules (a legal hold).")
    held = hold.add_mutually_exclusive_group(required=True)
    held.add_argument("--person")
    held.add_argument("--mentor")
    hold.add_argument("--reason", required=True)
    hold.add_argument("--until", type=_date, help="the last day of the hold (default: until lifted)")
    command("passphrase", cmd_passphrase, "Change the store's passphrase.")
    command("backup", cmd_backup, "Write an encrypted, consistent copy of the store.").add_argument(
        "--out", required=True)
    restore = command("restore", cmd_restore, "Put a backup in the place of a damaged or lost store.",
                      description=RESTORE_HELP)
    restore.add_argument("--from", dest="backup", type=Path, required=True, metavar="BACKUP",
                         help="the backup to restore (a file written by 'cpm-desktop backup')")
    return parser


def main(argv: Sequence[str] | None = None, *, open_gui: Callable[[Path | None, bool], int] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        if open_gui is None:
            _say("cpm-desktop: no command given. See 'cpm-desktop --help'.")
            return EXIT_USAGE
        return open_gui(args.db, args.demo)
    try:
        return int(handler(args))
    except InvalidInput as error:
        _say(str(error))
        for detail in error.details:
            _say(f"  {detail}")
        return error.status
    except CliError as error:
        _say(str(error))
        return error.status
    except StoreError as error:
        log.info("cpm-desktop %s refused: %s", args.command, type(error).__name__)  # the kind, never a value
        return _said(error)
    except KeyboardInterrupt:
        _say("Stopped; nothing more was written.")
        return EXIT_ERROR
    except Exception as error:
        db = getattr(args, "db", None)
        if db and (fault := explain(error, Path(db))) is not None:  # met while working: a page damaged since
            log.warning("cpm-desktop %s: %s", args.command, type(fault).__name__)
            return _said(fault)
        if isinstance(error, OSError) and error.filename:
            return _said_of_file(error)
        log.exception("cpm-desktop %s failed", args.command)
        _say(f"Something went wrong; the details are in {config.log_path()}.")
        return EXIT_ERROR


def _said(fault: StoreError) -> int:
    _say(str(fault))
    return next((status for kinds, status in _STATUS_OF_FAULT if isinstance(fault, kinds)), EXIT_ERROR)


def _said_of_file(error: OSError) -> int:
    """A file the command writes or reads (an export folder, say) could not be used: where, and why."""
    place = Path(str(error.filename))
    if isinstance(error, PermissionError):
        _say(f"You do not have permission to write in {place.parent}; choose a folder of your own.")
        return EXIT_PERMISSION
    _say(f"{place} could not be used ({error.strerror}); nothing was left under that name.")
    return EXIT_ERROR
