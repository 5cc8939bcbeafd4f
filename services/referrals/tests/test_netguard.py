"""The SSRF guard on its own: which URLs and addresses a webhook may go to.

Every name is resolved by a stub; nothing here opens a connection (the addresses that pass are
public ones and are only ever looked at).
"""

import asyncio
import ipaddress
import socket

import pytest

from splot.referrals import netguard
from splot.referrals.netguard import Refusal, TargetRefused

from conftest import PUBLIC_V4, PUBLIC_V6, StubResolver

NAMES = {
    "receiver.test": [PUBLIC_V4, PUBLIC_V6],
    "v6.example.com": [PUBLIC_V6],
    "xn--bcher-kva.example": [PUBLIC_V4],
    # What real resolvers answer for special-use names…
    "localhost": ["127.0.0.1", "::1"],
    "api.localhost": ["127.0.0.1"],
    "metadata.google.internal": ["169.254.169.254"],
    # …and ordinary-looking names that point inside.
    "intranet.example.com": ["10.1.2.3"],
    "db.example.com": ["172.20.0.5"],
    "router.example.com": ["192.168.0.1"],
    "loop.example.com": ["127.0.0.1"],
    "loop6.example.com": ["::1"],
    "meta.example.com": ["169.254.169.254"],
    "ula.example.com": ["fd00:ec2::254"],
    "linklocal6.example.com": ["fe80::1"],
    "mapped.example.com": ["::ffff:127.0.0.1"],
    "nat64.example.com": ["64:ff9b::a00:1"],
    "cgnat.example.com": ["100.64.0.7"],
    "zero.example.com": ["0.0.0.0"],
    "mixed.example.com": [PUBLIC_V4, "10.0.0.1"],
    "mixed6.example.com": [PUBLIC_V6, "fe80::1"],
    "garbage.example.com": ["not-an-address"],
}


def stub() -> StubResolver:
    resolver = StubResolver()
    resolver.names.update(NAMES)
    return resolver


async def vet(url: str, *, allow_http=True, allow_private=False, resolver=None):
    return await netguard.vet(
        url,
        allow_http=allow_http,
        allow_private=allow_private,
        resolver=resolver or stub(),
        resolve_seconds=1.0,
    )


REFUSED_ADDRESSES = [
    # IPv4: loopback, RFC 1918, link-local and metadata, unspecified, multicast, reserved,
    # broadcast, shared address space, benchmarking, documentation, IETF, 6to4 relay.
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "169.254.0.1",
    "0.0.0.0",
    "0.1.2.3",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "100.64.0.1",
    "100.127.255.254",
    "198.18.0.1",
    "198.19.255.255",
    "192.0.2.10",
    "198.51.100.7",
    "203.0.113.9",
    "192.0.0.9",
    "192.88.99.1",
    # IPv6: loopback, unspecified, unique local, link-local, site-local, multicast, documentation,
    # discard, Teredo / IETF, local-use NAT64.
    "::1",
    "::",
    "fc00::1",
    "fd12:3456:789a::1",
    "fe80::1",
    "fe80::1%1",
    "fec0::1",
    "ff02::1",
    "ff0e::1",
    "2001:db8::1",
    "3fff::1",
    "100::1",
    "2001::1",
    "64:ff9b:1::a00:1",
    # IPv4 inside IPv6: mapped, compatible, 6to4 and NAT64 forms of inside addresses.
    "::ffff:10.0.0.1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:192.168.0.1",
    "::127.0.0.1",
    "::10.0.0.1",
    "::93.184.215.14",  # IPv4-compatible: deprecated, refused whatever it carries
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
]

PUBLIC_ADDRESSES = [
    PUBLIC_V4,
    PUBLIC_V6,
    "8.8.8.8",
    "1.1.1.1",
    "2a00:1450:4001:82b::200e",
    "::ffff:93.184.215.14",  # mapped public IPv4
    "64:ff9b::5db8:d70e",  # NAT64 of 93.184.215.14
    "2002:5db8:d70e::1",  # 6to4 of 93.184.215.14
]


@pytest.mark.parametrize("address", REFUSED_ADDRESSES)
def test_non_public_addresses_are_refused(address):
    assert netguard.is_public(ipaddress.ip_address(address)) is False


@pytest.mark.parametrize("address", PUBLIC_ADDRESSES)
def test_public_addresses_pass(address):
    assert netguard.is_public(ipaddress.ip_address(address)) is True


@pytest.mark.parametrize("address", [a for a in REFUSED_ADDRESSES if "%" not in a])
async def test_ip_literal_urls_of_non_public_addresses_are_refused(address):
    host = f"[{address}]" if ":" in address else address
    resolver = stub()
    with pytest.raises(TargetRefused) as refused:
        await vet(f"http://{host}:8080/hooks", resolver=resolver)
    assert refused.value.kind is Refusal.address
    assert refused.value.reason == "the address is not a public internet address"
    assert address not in refused.value.reason
    assert resolver.asked == []  # a literal is judged as it is, never looked up


ODD_SPELLINGS = {
    "2130706433": "127.0.0.1",
    "0x7f.1": "127.0.0.1",
    "0x7F000001": "127.0.0.1",
    "017700000001": "127.0.0.1",
    "127.1": "127.0.0.1",
    "0177.1": "127.0.0.1",
    "127.0.1": "127.0.0.1",
    "0x7f.0.0.1": "127.0.0.1",
    "0xa9fea9fe": "169.254.169.254",
    "2852039166": "169.254.169.254",
    "3232235777": "192.168.1.1",
    "0": "0.0.0.0",
    "10.1": "10.0.0.1",
}


@pytest.mark.parametrize(("spelling", "meant"), ODD_SPELLINGS.items())
async def test_odd_ipv4_spellings_are_read_as_the_address_they_mean(spelling, meant):
    assert netguard.ip_literal(spelling) == ipaddress.ip_address(meant)
    # getaddrinfo (the default resolver) reads them the same way (numeric only: no DNS asked).
    infos = await asyncio.get_running_loop().getaddrinfo(
        spelling, None, family=socket.AF_INET, flags=socket.AI_NUMERICHOST
    )
    assert {info[4][0] for info in infos} == {meant}
    resolver = stub()
    with pytest.raises(TargetRefused) as refused:
        await vet(f"http://{spelling}/hooks", resolver=resolver)
    assert refused.value.kind is Refusal.address and resolver.asked == []


@pytest.mark.parametrize(
    "url",
    [
        "http://0177.0.0.1/",  # httpx refuses leading zeros in a dotted quad
        "http://1.2.3.4.5/",
        "http://4294967296/",
        "http://0x100000000/",
        "http://256.1.1.1/",
    ],
)
async def test_malformed_numeric_hosts_are_refused_without_a_lookup(url):
    resolver = stub()
    with pytest.raises(TargetRefused) as refused:
        await vet(url, resolver=resolver)
    assert refused.value.kind in (Refusal.address, Refusal.invalid)
    assert resolver.asked == []


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "LOCALHOST.",
        "api.localhost",
        "metadata.google.internal",
        "intranet.example.com",
        "db.example.com",
        "router.example.com",
        "loop.example.com",
        "loop6.example.com",
        "meta.example.com",
        "ula.example.com",
        "linklocal6.example.com",
        "mapped.example.com",
        "nat64.example.com",
        "cgnat.example.com",
        "zero.example.com",
        "mixed.example.com",  # one public and one private answer: refused
        "mixed6.example.com",
        "garbage.example.com",
    ],
)
async def test_names_resolving_to_non_public_addresses_are_refused(host):
    with pytest.raises(TargetRefused) as refused:
        await vet(f"https://{host}/hooks")
    assert refused.value.kind is Refusal.address
    assert refused.value.reason == "the address is not a public internet address"


async def test_special_use_names_are_judged_by_what_they_resolve_to(monkeypatch):
    """The list of special-use names is a shortcut only: without it, the answers still decide."""
    monkeypatch.setattr(netguard, "RESERVED_NAMES", ())
    monkeypatch.setattr(netguard, "RESERVED_SUFFIXES", ())
    resolver = stub()
    for host in ("localhost", "api.localhost", "metadata.google.internal"):
        with pytest.raises(TargetRefused) as refused:
            await vet(f"https://{host}/", resolver=resolver)
        assert refused.value.kind is Refusal.address
    assert resolver.asked == ["localhost", "api.localhost", "metadata.google.internal"]
    # And with the list, such a name is refused even if some resolver says it is public.
    monkeypatch.undo()
    lying = stub()
    lying.names["printer.local"] = [PUBLIC_V4]
    with pytest.raises(TargetRefused):
        await vet("https://printer.local/", resolver=lying)
    assert lying.asked == []


async def test_a_name_that_does_not_resolve_is_refused():
    with pytest.raises(TargetRefused) as refused:
        await vet("https://nowhere.example.com/hooks")
    assert refused.value.kind is Refusal.unresolved
    assert refused.value.reason == "the host does not resolve"

    async def empty(host):
        return []

    with pytest.raises(TargetRefused) as refused:
        await vet("https://receiver.test/", resolver=empty)
    assert refused.value.kind is Refusal.unresolved

    async def slow(host):
        await asyncio.sleep(5)
        return [PUBLIC_V4]

    with pytest.raises(TargetRefused) as refused:
        await netguard.vet(
            "https://receiver.test/",
            allow_http=False,
            allow_private=False,
            resolver=slow,
            resolve_seconds=0.05,
        )
    assert refused.value.kind is Refusal.unresolved


@pytest.mark.parametrize(
    "url",
    [
        "https://user:secret@receiver.test/hooks",
        "https://user@receiver.test/hooks",
        "https://@receiver.test/hooks",
        "https://receiver.test:443@127.0.0.1/hooks",
        "http://receiver.test\\@127.0.0.1/hooks",
    ],
)
async def test_user_info_is_refused(url):
    for allow_private in (False, True):
        with pytest.raises(TargetRefused) as refused:
            await vet(url, allow_private=allow_private)
        assert refused.value.kind is Refusal.userinfo


async def test_https_is_required_unless_http_is_allowed():
    with pytest.raises(TargetRefused) as refused:
        await vet("http://receiver.test/hooks", allow_http=False)
    assert refused.value.kind is Refusal.scheme and refused.value.reason == "https required"
    assert (await vet("http://receiver.test/hooks", allow_http=True)).url.scheme == "http"
    # Even where private targets are allowed.
    with pytest.raises(TargetRefused):
        await vet("http://127.0.0.1:9/hooks", allow_http=False, allow_private=True)
    for url in ("ftp://receiver.test/", "file:///etc/passwd", "gopher://receiver.test/", "receiver.test"):
        with pytest.raises(TargetRefused) as refused:
            await vet(url)
        assert refused.value.kind is Refusal.invalid


@pytest.mark.parametrize(
    ("url", "host", "addresses", "pinned", "host_header", "sni"),
    [
        (
            "https://receiver.test/hooks?token=abc",
            "receiver.test",
            [PUBLIC_V4, PUBLIC_V6],
            f"https://{PUBLIC_V4}/hooks?token=abc",
            "receiver.test",
            "receiver.test",
        ),
        (
            "https://v6.example.com:8443/a/b",
            "v6.example.com",
            [PUBLIC_V6],
            f"https://[{PUBLIC_V6}]:8443/a/b",
            "v6.example.com:8443",
            "v6.example.com",
        ),
        (
            "https://bücher.example/hooks",
            "xn--bcher-kva.example",
            [PUBLIC_V4],
            f"https://{PUBLIC_V4}/hooks",
            "xn--bcher-kva.example",
            "xn--bcher-kva.example",
        ),
        (f"https://{PUBLIC_V4}/x", PUBLIC_V4, [PUBLIC_V4], f"https://{PUBLIC_V4}/x", PUBLIC_V4, None),
        (
            f"https://[{PUBLIC_V6}]:8443/x",
            PUBLIC_V6,
            [PUBLIC_V6],
            f"https://[{PUBLIC_V6}]:8443/x",
            f"[{PUBLIC_V6}]:8443",
            None,
        ),
        (
            "http://receiver.test:8080/hooks#frag",
            "receiver.test",
            [PUBLIC_V4, PUBLIC_V6],
            f"http://{PUBLIC_V4}:8080/hooks",
            "receiver.test:8080",
            None,
        ),
    ],
)
async def test_public_targets_pass_and_are_pinned_to_their_addresses(
    url, host, addresses, pinned, host_header, sni
):
    target = await vet(url)
    assert target.host == host
    assert target.addresses == tuple(ipaddress.ip_address(a) for a in addresses)
    assert str(target.pinned_url(target.addresses[0])) == pinned
    assert target.host_header == host_header
    assert target.extensions == ({"sni_hostname": sni} if sni else {})


async def test_private_targets_pass_only_when_allowed():
    for url in ("http://127.0.0.1:8080/hooks", "http://localhost:8080/hooks", "http://[::1]/hooks"):
        with pytest.raises(TargetRefused):
            await vet(url)
        target = await vet(url, allow_private=True)
        assert all(a.is_loopback for a in target.addresses)
    target = await vet("http://2130706433:81/", allow_private=True)
    assert str(target.pinned_url(target.addresses[0])) == "http://127.0.0.1:81/"


async def test_the_system_resolver_answers_both_families_for_numeric_hosts():
    # Numeric hosts only: getaddrinfo parses them without asking any DNS server.
    assert await netguard.system_resolver("127.0.0.1") == ["127.0.0.1"]
    assert await netguard.system_resolver("2130706433") == ["127.0.0.1"]
    assert await netguard.system_resolver("::1") == ["::1"]
