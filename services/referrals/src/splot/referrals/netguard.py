"""The guard in front of every outgoing webhook request (server-side request forgery).

A webhook URL is chosen by a subscriber, but the request leaves from inside our network: without a
guard, a subscription to ``http://10.0.0.5:5432/`` or ``http://169.254.169.254/`` would turn the
delivery log into a scanner of the internal network. :func:`vet` decides whether a URL may be
called, and it is asked twice: when a subscription is created or its URL changed (the answer
becomes a 422), and before every delivery attempt (DNS answers change: rebinding).

The rule:

- the scheme is ``https`` (``http`` only with ``webhook_allow_http``, never in production);
- the URL carries no user name or password;
- the host is an IP address or a name, and **every** address it stands for is public: a literal
  is judged as it is (decimal, octal and hexadecimal IPv4 spellings such as ``2130706433``,
  ``0x7f.1`` or ``017700000001`` are read the way ``inet_aton`` and ``getaddrinfo`` read them, as
  ``127.0.0.1``); a name is resolved through the injectable :data:`Resolver` (both families) and
  refused if any answer is not public, or if it does not resolve at all;
- "public" means none of: loopback, private (RFC 1918, ``fc00::/7``), link-local (``169.254/16``
  with the ``169.254.169.254`` metadata address, ``fe80::/10``), unspecified, multicast,
  reserved, shared address space ``100.64/10``, benchmarking ``198.18/15``, documentation nets,
  IETF protocol assignments, site-local ``fec0::/10``, discard-only ``100::/64``; IPv4-mapped
  (``::ffff:a.b.c.d``), 6to4 (``2002::/16``) and NAT64 (``64:ff9b::/96``) addresses are judged by
  the IPv4 address they carry, IPv4-compatible ones (``::a.b.c.d``) are refused;
- reserved special-use names (``localhost``, ``*.localhost``, ``*.local``, ``*.internal``,
  ``*.home.arpa``) are refused before any lookup, but only as a shortcut: the decisive check is on
  what a name resolves to, so ``metadata.google.internal`` or a public name pointing at
  ``127.0.0.1`` are refused by their addresses.

``webhook_allow_private_targets`` (the embedded single-user mode and tests delivering to a
receiver on 127.0.0.1; forced off in production) skips the address and name checks, not the
scheme and user-info ones.

The caller connects to the vetted address itself (:meth:`Target.pinned_url`) with the original
``Host`` header and TLS server name, so that nothing resolves the name a second time between the
check and the connection.

:class:`TargetRefused` carries a ``reason`` fit for the subscriber (general terms, no address) and
a ``cause`` for the operators' log only.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Resolves a host name (ASCII, as sent in the Host header) to IP address strings of both
#: families. Raises ``OSError`` (``socket.gaierror``) when the name does not resolve.
Resolver = Callable[[str], Awaitable[Sequence[str]]]


async def system_resolver(host: str) -> list[str]:
    """The default resolver: the event loop's ``getaddrinfo`` (IPv4 and IPv6)."""
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, None, family=socket.AF_UNSPEC, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return [str(info[4][0]) for info in infos]


class Refusal(StrEnum):
    invalid = "invalid"
    scheme = "scheme"
    userinfo = "userinfo"
    address = "address"
    unresolved = "unresolved"


#: What the subscriber is told (problem detail at creation). Never the address or the cause.
REASONS: dict[Refusal, str] = {
    Refusal.invalid: "the URL is not valid",
    Refusal.scheme: "https required",
    Refusal.userinfo: "user names and passwords in the URL are not allowed",
    Refusal.address: "the address is not a public internet address",
    Refusal.unresolved: "the host does not resolve",
}


class TargetRefused(Exception):
    """The URL may not be called. ``reason`` is for the subscriber, ``cause`` for the log only."""

    def __init__(self, kind: Refusal, cause: str) -> None:
        super().__init__(kind.value)
        self.kind = kind
        self.cause = cause

    @property
    def reason(self) -> str:
        return REASONS[self.kind]


def _nets(*cidrs: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(c) for c in cidrs)


#: Explicit lists, so that the answer does not depend on the Python patch release (the stdlib's
#: ``is_private`` / ``is_global`` tables changed in 3.11.10, 3.12.4 and 3.13); the stdlib flags
#: are consulted as well.
DENIED_V4 = _nets(
    "0.0.0.0/8",  # "this network", 0.0.0.0 unspecified
    "10.0.0.0/8",  # RFC 1918
    "100.64.0.0/10",  # shared address space (carrier-grade NAT)
    "127.0.0.0/8",  # loopback
    "169.254.0.0/16",  # link-local, cloud metadata at 169.254.169.254
    "172.16.0.0/12",  # RFC 1918
    "192.0.0.0/24",  # IETF protocol assignments
    "192.0.2.0/24",  # documentation (TEST-NET-1)
    "192.88.99.0/24",  # 6to4 relay anycast (deprecated)
    "192.168.0.0/16",  # RFC 1918
    "198.18.0.0/15",  # benchmarking
    "198.51.100.0/24",  # documentation (TEST-NET-2)
    "203.0.113.0/24",  # documentation (TEST-NET-3)
    "224.0.0.0/4",  # multicast
    "240.0.0.0/4",  # reserved, and 255.255.255.255 broadcast
)
DENIED_V6 = _nets(
    "::/8",  # unspecified, loopback, IPv4-compatible and IPv4-translated forms (mapped: see below)
    "64:ff9b:1::/48",  # local-use NAT64
    "100::/64",  # discard-only
    "2001::/23",  # IETF protocol assignments (Teredo, benchmarking, ORCHID)
    "2001:db8::/32",  # documentation
    "3fff::/20",  # documentation
    "5f00::/16",  # segment routing SIDs
    "fc00::/7",  # unique local
    "fe80::/10",  # link-local
    "fec0::/10",  # site-local (deprecated)
    "ff00::/8",  # multicast
)
NAT64 = ipaddress.ip_network("64:ff9b::/96")

#: Special-use names that never denote a public host (RFC 6761, 6762, 8375; ICANN's .internal).
RESERVED_NAMES = ("localhost", "localhost.localdomain")
RESERVED_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".localdomain")

#: A host made only of numbers (decimal, octal, hex), as ``inet_aton`` reads IPv4 addresses.
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+))*\.?$", re.IGNORECASE)


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv4-mapped, 6to4 or NAT64 (well-known prefix) address stands for."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: IPAddress) -> bool:
    """Whether a webhook may be sent to this address (see the module docstring)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return False  # a zone only makes sense for link-local and site-local addresses
        embedded = embedded_ipv4(address)
        if embedded is not None:
            return is_public(embedded)
        if address.is_site_local:
            return False
        denied: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = DENIED_V6
    else:
        denied = DENIED_V4
    if any(address in net for net in denied):
        return False
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def ip_literal(host: str) -> IPAddress | None:
    """The address a host names literally, IPv4 odd spellings included; None for a name.

    Raises :class:`TargetRefused` for a numeric host that is no valid address (``1.2.3.4.5``,
    ``4294967296``): resolvers disagree on those, and no real name looks like that.
    """
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
        except OSError:
            raise TargetRefused(Refusal.address, "numeric host that is no IPv4 address") from None
    return None


def reserved_name(host: str) -> bool:
    name = host.lower().rstrip(".")
    return name in RESERVED_NAMES or name.endswith(RESERVED_SUFFIXES)


@dataclass(frozen=True)
class Target:
    """A vetted URL: where to connect (``addresses``) and what to call the host meanwhile."""

    url: httpx.URL
    #: The host as the Host header and TLS SNI carry it (ASCII; IDNs in punycode).
    host: str
    addresses: tuple[IPAddress, ...]
    #: Whether the host is a name (then it goes as the TLS server name) rather than a literal.
    by_name: bool

    @property
    def host_header(self) -> str:
        return self.url.netloc.decode("ascii")

    @property
    def extensions(self) -> dict[str, str]:
        """httpx request extensions: the certificate is checked against the name, not the address."""
        if self.by_name and self.url.scheme == "https":
            return {"sni_hostname": self.host}
        return {}

    def pinned_url(self, address: IPAddress) -> httpx.URL:
        """The same URL, addressed to one vetted IP address (nothing resolves the name again)."""
        return self.url.copy_with(host=str(address), fragment=None)


def parse(url: str, *, allow_http: bool) -> httpx.URL:
    """Syntax, scheme and user info; the URL as httpx will send it."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise TargetRefused(Refusal.invalid, "no scheme")
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" in authority:
        raise TargetRefused(Refusal.userinfo, "user info in the URL")
    if "\\" in authority or "%" in authority:
        raise TargetRefused(Refusal.invalid, "escaped characters in the host")
    scheme = scheme.lower()
    if scheme not in ("http", "https"):
        raise TargetRefused(Refusal.invalid, "scheme")
    if scheme == "http" and not allow_http:
        raise TargetRefused(Refusal.scheme, "http not allowed")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, UnicodeError):
        raise TargetRefused(Refusal.invalid, "unparseable URL") from None
    if parsed.userinfo:
        raise TargetRefused(Refusal.userinfo, "user info in the URL")
    if parsed.scheme != scheme or not parsed.raw_host:
        raise TargetRefused(Refusal.invalid, "no host")
    return parsed


async def resolve(host: str, resolver: Resolver, *, seconds: float) -> tuple[IPAddress, ...]:
    """Every address a name resolves to (in the resolver's order, without repeats)."""
    try:
        answers = await asyncio.wait_for(resolver(host), seconds)
    except (OSError, UnicodeError, ValueError) as exc:  # gaierror, TimeoutError (an OSError)
        raise TargetRefused(Refusal.unresolved, f"resolution failed ({type(exc).__name__})") from None
    addresses: list[IPAddress] = []
    for answer in answers:
        try:
            address = ipaddress.ip_address(answer)
        except ValueError:
            raise TargetRefused(Refusal.address, "the resolver answered something else") from None
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise TargetRefused(Refusal.unresolved, "no address")
    return tuple(addresses)


async def vet(
    url: str,
    *,
    allow_http: bool,
    allow_private: bool,
    resolver: Resolver,
    resolve_seconds: float,
) -> Target:
    """The URL as a :class:`Target`, or :class:`TargetRefused` (see the module docstring).

    ``resolve_seconds`` bounds the name resolution (a name that takes longer does not resolve).
    """
    parsed = parse(url, allow_http=allow_http)
    host = parsed.raw_host.decode("ascii")
    literal = ip_literal(host)
    if literal is not None:
        addresses: tuple[IPAddress, ...] = (literal,)
    else:
        if not allow_private and reserved_name(host):
            raise TargetRefused(Refusal.address, f"special-use name {host}")
        addresses = await resolve(host, resolver, seconds=resolve_seconds)
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                raise TargetRefused(Refusal.address, f"{host} is {address}, not a public address")
    return Target(url=parsed, host=host, addresses=addresses, by_name=literal is None)
