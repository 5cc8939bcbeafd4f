"""Pluggable e-mail senders: ``file`` (default: one .eml per message under the data folder),
``console`` (standard output) and ``smtp`` (smtplib, run in a worker thread)."""

from __future__ import annotations

import asyncio
import smtplib
import ssl
import sys
from dataclasses import dataclass
from email.message import EmailMessage as MimeMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Protocol

from splot.referrals.config import ReferralsSettings


@dataclass(frozen=True)
class OutgoingEmail:
    id: str
    to: str
    subject: str
    body: str


class EmailSender(Protocol):
    async def send(self, email: OutgoingEmail) -> None: ...


def _mime(email: OutgoingEmail, sender: str) -> MimeMessage:
    message = MimeMessage()
    message["From"] = sender
    message["To"] = email.to
    message["Subject"] = email.subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(idstring=email.id, domain="splot")
    message.set_content(email.body)
    return message


class FileSender:
    def __init__(self, directory: Path, sender: str) -> None:
        self.directory = directory
        self.sender = sender

    async def send(self, email: OutgoingEmail) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / f"{email.id}.eml").write_bytes(_mime(email, self.sender).as_bytes())


class ConsoleSender:
    def __init__(self, sender: str) -> None:
        self.sender = sender

    async def send(self, email: OutgoingEmail) -> None:
        sys.stdout.write(_mime(email, self.sender).as_string() + "\n")
        sys.stdout.flush()


class SmtpSender:
    def __init__(self, settings: ReferralsSettings) -> None:
        self.settings = settings

    def _send_sync(self, message: MimeMessage) -> None:
        s = self.settings
        with smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_seconds) as smtp:
            if s.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if s.smtp_username and s.smtp_password is not None:
                smtp.login(s.smtp_username, s.smtp_password.get_secret_value())
            smtp.send_message(message)

    async def send(self, email: OutgoingEmail) -> None:
        await asyncio.to_thread(self._send_sync, _mime(email, self.settings.email_from))


def build_sender(settings: ReferralsSettings) -> EmailSender:
    if settings.email_sender == "smtp":
        return SmtpSender(settings)
    if settings.email_sender == "console":
        return ConsoleSender(settings.email_from)
    return FileSender(settings.effective_email_dir, settings.email_from)
