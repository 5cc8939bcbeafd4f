"""``python -m splot_connector [--state FILE] COMMAND``; Splot's address and the API client's
credentials come from the environment: ``SPLOT_URL``, ``SPLOT_CLIENT_ID``, ``SPLOT_CLIENT_SECRET``
(never on the command line, where other users of the machine could read them).

- ``mirror persons.csv`` — register the export's persons (see :mod:`splot_connector.mirror`);
- ``receive --to DIR|sqlite:PATH [--follow] [--since ISO]`` — incoming referrals from the feed;
- ``receive --to … --listen HOST:PORT`` — the same from webhook deliveries (secrets in
  ``SPLOT_WEBHOOK_SECRETS``, comma-separated: the new and the old one during a rotation);
- ``answer REFERRAL_ID ACTION [--text …]`` or ``answer --csv answers.csv`` — post decisions.

Exit status 0 when everything went through, 1 when some rows or answers were refused (listed)
or receiving stopped (Splot busy or failing: run again), 2 for a usage or configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from splot_connector import answer, mirror, receive
from splot_connector.state import State
from splot_sdk import Splot, TokenError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="splot-connector", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--state",
        type=Path,
        default=Path(os.environ.get("SPLOT_CONNECTOR_STATE", "splot-connector.sqlite3")),
        help="the connector's state file (SQLite; default splot-connector.sqlite3)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    to_mirror = commands.add_parser("mirror", help="register the persons of a CSV export")
    to_mirror.add_argument("csv", type=Path)
    to_receive = commands.add_parser("receive", help="incoming referrals into a folder or SQLite")
    to_receive.add_argument("--to", required=True, help="a folder, or sqlite:PATH")
    to_receive.add_argument("--follow", action="store_true", help="keep polling the feed")
    to_receive.add_argument("--since", help="first run only: start at this ISO time, not at the beginning")
    to_receive.add_argument("--listen", help="HOST:PORT: receive webhook deliveries instead of polling")
    to_answer = commands.add_parser("answer", help="post decisions on received referrals")
    to_answer.add_argument("referral_id", nargs="?")
    to_answer.add_argument("action", nargs="?")
    to_answer.add_argument("--csv", type=Path, help="many answers: referral_id,action,text,… columns")
    for name in (*answer.FIELDS, "outcome_codes"):
        to_answer.add_argument(f"--{name.replace('_', '-')}", dest=name)
    return parser


def _splot() -> Splot:
    missing = [
        name for name in ("SPLOT_URL", "SPLOT_CLIENT_ID", "SPLOT_CLIENT_SECRET") if not os.environ.get(name)
    ]
    if missing:
        raise SystemExit(f"set {', '.join(missing)} in the environment")
    return Splot(os.environ["SPLOT_URL"], os.environ["SPLOT_CLIENT_ID"], os.environ["SPLOT_CLIENT_SECRET"])


def _listen(splot: Splot, state: State, sink: receive.Sink, where: str) -> int:
    secrets = [s.strip() for s in os.environ.get("SPLOT_WEBHOOK_SECRETS", "").split(",") if s.strip()]
    host, _, port = where.rpartition(":")
    if not secrets or not host or not port.isdigit():
        print("--listen HOST:PORT and SPLOT_WEBHOOK_SECRETS are needed", file=sys.stderr)
        return 2
    server, receiver = receive.webhook_server(splot, state, sink, secrets, host, int(port))
    print(f"listening on http://{host}:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    print(receiver.report.summary())
    return 0


def _run(args: argparse.Namespace, splot: Splot, state: State) -> int:
    if args.command == "mirror":
        report = mirror.mirror(splot, state, args.csv)
        for line in report.failed:
            print(line, file=sys.stderr)
        print(report.summary())
        return 1 if report.failed else 0
    if args.command == "receive":
        sink = receive.sink_for(args.to)
        if args.listen:
            return _listen(splot, state, sink, args.listen)
        try:
            print(receive.from_feed(splot, state, sink, follow=args.follow, since=args.since).summary())
        except receive.ReadFailed as stopped:
            print(f"stopped: {stopped}", file=sys.stderr)
            return 1
        return 0
    if args.csv:
        answers = answer.read_csv(args.csv)
    elif args.referral_id and args.action:
        values = {name: getattr(args, name) for name in (*answer.FIELDS, "outcome_codes")}
        answers = [
            {"referral_id": args.referral_id, "action": args.action, **{k: v for k, v in values.items() if v}}
        ]
    else:
        print("answer REFERRAL_ID ACTION, or answer --csv FILE", file=sys.stderr)
        return 2
    answered = answer.answer_all(splot, state, answers)
    for line in answered.failed:
        print(line, file=sys.stderr)
    print(answered.summary())
    return 1 if answered.failed else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    state = State(args.state)
    try:
        with _splot() as splot:
            return _run(args, splot, state)
    except TokenError as refused:
        print(f"Splot refused the API client's credentials ({refused.status_code})", file=sys.stderr)
        return 2
    finally:
        state.close()
