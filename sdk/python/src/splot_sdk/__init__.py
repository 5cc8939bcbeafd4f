"""Splot SDK: the generated clients of the directory, clients, referrals and reporting APIs
(``splot_sdk.<service>``, from ``openapi/*.json``) and the hand-written helpers around them.

- :class:`Splot` — authenticated clients for an institution's system (client credentials);
- :func:`if_match_retry` / :func:`aif_match_retry` — writes with ``If-Match``, again on 412;
- :func:`verify_webhook` — a webhook delivery's signature (Standard Webhooks), several secrets;
- :func:`iter_feed` / :func:`aiter_feed` — the institution's event feed with a resumable cursor;
- :func:`ensure_person` — register a person once (an existing record is found, not duplicated).
"""

from splot_sdk.auth import ClientCredentialsAuth, TokenError
from splot_sdk.connect import Splot
from splot_sdk.events import Event
from splot_sdk.feed import AsyncFeedIterator, FeedIterator, FeedPage, aiter_feed, iter_feed
from splot_sdk.if_match import ConcurrentChangeError, ReadError, aif_match_retry, if_match_retry
from splot_sdk.persons import PersonConflict, ensure_person
from splot_sdk.webhooks import WebhookVerificationError, standard_secret, verify_webhook

__all__ = [
    "AsyncFeedIterator",
    "ClientCredentialsAuth",
    "ConcurrentChangeError",
    "Event",
    "FeedIterator",
    "FeedPage",
    "PersonConflict",
    "ReadError",
    "Splot",
    "TokenError",
    "WebhookVerificationError",
    "aif_match_retry",
    "aiter_feed",
    "ensure_person",
    "if_match_retry",
    "iter_feed",
    "standard_secret",
    "verify_webhook",
]
