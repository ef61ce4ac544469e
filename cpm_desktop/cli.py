"""The command line (spec/cli.md): the same services as the GUI, headless.

Standard output carries only the data asked for; messages and progress go to standard error.
Exit status: 0 done, 2 usage, 3 wrong passphrase or not a store, 4 invalid input, 1 anything else.
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
from pathlib import Path

from cpm_desktop import config
from cpm_desktop.domain.passphrase import problem as passphrase_problem
from cpm_desktop.storage.engine import Store, StoreError, WrongPassphrase

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_STORE, EXIT_INPUT = 0, 1, 2, 3, 4


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


def _open(args) -> Store:
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
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, path)


# --- commands --------------------------------------------------------------------------------------


def cmd_init(args) -> int:
    Store.create(args.db, new_passphrase("Passphrase for the new store: ", "CPM_PASSPHRASE")).close()
    _say(f"Created an encrypted store at {args.db}.")
    return EXIT_OK


def cmd_demo(args) -> int:
    from cpm_desktop.services.demo import create_demo_store

    progress = TerminalProgress()
    create_demo_store(args.db, passphrase(new_store=True), seed=args.seed, progress=progress).close()
    progress.finish()
    _say(f"Created a demo store of synthetic people at {args.db}.")
    return EXIT_OK


def cmd_import(args) -> int:
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
                f"Nothing was imported: {len(problems)} problem(s) in {folder} need fixing first.",
                problems) from None
    progress.finish()
    _say(f"Imported {summary}.")
    return EXIT_OK


def cmd_export(args) -> int:
    from cpm_desktop.services.interchange import export_folder

    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    progress = TerminalProgress()
    with _open(args) as store:
        summary = export_folder(store, folder, progress=progress)
    progress.finish()
    _say(f"Exported {summary} to {folder}.")
    return EXIT_OK


def cmd_report_evaluation(args) -> int:
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


def cmd_letter_feedback(args) -> int:
    from cpm_desktop.services.letters import feedback_letter_pdf

    with _open(args) as store:
        try:
            pdf = feedback_letter_pdf(store, args.referral)
        except LookupError as missing:
            raise InvalidInput(str(missing)) from None
    _write_output(args.out, pdf)
    _say(f"Wrote the feedback letter to {args.out}.")
    return EXIT_OK


def cmd_sar(args) -> int:
    from cpm_desktop.services.gdpr import subject_access_pdf

    with _open(args) as store:
        try:
            pdf = subject_access_pdf(store, person_id=args.person, mentor_id=args.mentor)
        except LookupError as missing:
            raise InvalidInput(str(missing)) from None
    _write_output(args.out, pdf)
    _say(f"Wrote the subject-access export to {args.out}.")
    return EXIT_OK


def cmd_passphrase(args) -> int:
    with _open(args) as store:
        store.change_passphrase(new_passphrase("New passphrase: ", "CPM_NEW_PASSPHRASE"))
    _say("The passphrase is changed; use the new one from now on.")
    return EXIT_OK


def cmd_backup(args) -> int:
    with _open(args) as store:
        out = store.backup(args.out)
    _say(f"Wrote an encrypted backup to {out}.")
    return EXIT_OK


# --- sync -----------------------------------------------------------------------------------------


def _sync_service():
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


def cmd_hub_init(args) -> int:
    def work() -> int:
        with _open(args) as store:
            member = _sync_service().set_up_hub(store, args.hub, user=args.user)
        _say(f"The hub is ready and this store is its first member (the lead, code {member.code}).")
        return EXIT_OK
    return _sync_errors(work)


def cmd_invite(args) -> int:
    areas = tuple(area.strip() for area in (args.areas or "").split(",") if area.strip())

    def work() -> int:
        with _open(args) as store:
            code = _sync_service().invite(store, areas=areas, member_role=args.role, out=Path(args.out))
        _say(f"Wrote the invite to {args.out}. Give its one-time code separately (not with the file): {code}")
        return EXIT_OK
    return _sync_errors(work)


def cmd_join(args) -> int:
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


def cmd_sync(args) -> int:
    def work() -> int:
        with _open(args) as store:
            report = _sync_service().sync_now(store, _message_progress())
        _say(report.sentence())
        return EXIT_OK
    return _sync_errors(work)


def cmd_conflicts(args) -> int:
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


def cmd_retention(args) -> int:
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


def cmd_erase(args) -> int:
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


def cmd_hold(args) -> int:
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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one sentence, exit status 2, no usage dump
        _say(f"{self.prog}: {message}. See '{self.prog} --help'.")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cpm-desktop", description="Case record of the Community Peer Mentor scheme.")
    parser.add_argument("--db", type=Path, help="the store to open (default: your data folder)")
    parser.add_argument("--demo", action="store_true", help="open the demo store of synthetic people")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    def command(name: str, handler: Callable, help_text: str, db: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
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
    evaluation = kinds.add_parser("evaluation", help="The evaluation summary (spec/evaluation.md).")
    evaluation.set_defaults(handler=cmd_report_evaluation)
    evaluation.add_argument("--db", type=Path, required=True)
    evaluation.add_argument("--from", dest="date_from", type=_date)
    evaluation.add_argument("--to", dest="date_to", type=_date)
    evaluation.add_argument("--as-of", dest="as_of", type=_date)
    evaluation.add_argument("--area")
    evaluation.add_argument("--cost-per-hour", type=float, default=25.0)
    evaluation.add_argument("--hours-per-call", type=float, default=1.0)
    target = evaluation.add_mutually_exclusive_group(required=True)
    target.add_argument("--json", metavar="FILE")
    target.add_argument("--pdf", metavar="FILE")

    letter = commands.add_parser("letter", help="Write a letter.")
    letters = letter.add_subparsers(dest="letter", parser_class=_Parser, required=True)
    feedback = letters.add_parser("feedback", help="Feedback to the referrer of a referral.")
    feedback.set_defaults(handler=cmd_letter_feedback)
    feedback.add_argument("--db", type=Path, required=True)
    feedback.add_argument("--referral", required=True)
    feedback.add_argument("--out", required=True)

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
        return handler(args)
    except InvalidInput as error:
        _say(str(error))
        for detail in error.details:
            _say(f"  {detail}")
        return error.status
    except CliError as error:
        _say(str(error))
        return error.status
    except WrongPassphrase as error:
        _say(str(error))
        return EXIT_STORE
    except StoreError as error:
        _say(str(error))
        return EXIT_INPUT if args.command in ("init", "demo") else EXIT_STORE
    except KeyboardInterrupt:
        _say("Stopped; nothing more was written.")
        return EXIT_ERROR
    except Exception:
        log.exception("cpm-desktop %s failed", args.command)
        _say(f"Something went wrong; the details are in {config.log_path()}.")
        return EXIT_ERROR
