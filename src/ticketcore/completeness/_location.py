"""Detect where the problem happens: a URL, a domain, or an IP address in free text.

The detector never runs one big "find a host anywhere" regex over the text: such a regex has to
try every letter as a possible start. It looks for the cheap, rare characters every location
contains (``"://"``, a dot followed by a letter or digit, a colon between hex digits), then
reads the host around each one with bounded steps, skipping text it has already read, so the
work stays linear in the length of the text.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
from collections.abc import Callable
from itertools import islice
from typing import Final

from ticketcore.completeness._text import (
    MAX_HITS,
    MAX_SPANS,
    Detection,
    Span,
    Text,
    detection,
    lexicon,
)

# Every location with a scheme has "://": the fastest way to find the URLs a customer pasted
# from the address bar, which are the most precise location they can give.
_SCHEME_SEPARATOR: Final = re.compile(r"://")

# A dot between two word characters is the only place a domain or IPv4 address can be; a dot
# followed by a space ends a sentence and is skipped by the engine, not by Python.
_INNER_DOT: Final = re.compile(r"\.(?=\w)")

# IPv6 addresses ("2001:db8::1", "[fe80::1]:8080") are the only locations without a dot; a
# colon followed by up to four hex digits and another colon is where one can be.
_IPV6_COLON: Final = re.compile(r":(?=[0-9a-f]{0,4}:)")

# How far a host, a scheme and a path may reach: RFC 1035 limits a name to 253 characters;
# longer runs of host characters are junk (a pasted hash, a wall of dots), not a host.
_MAX_HOST = 253
_MAX_SCHEME = 16
_MAX_IPV6 = 47  # "[ffff:…:255.255.255.255]" with its brackets

# The rest of a host name from a dot: letters of any script (IDN), digits, hyphens, dots.
_HOST_RUN: Final = re.compile(r"[\w.-]*")

# What may follow a host in the same location: a port, then a path, query or fragment; the
# path ends at the first space, quote or bracket, like a browser's address bar would.
_PORT: Final = re.compile(r":[0-9]{1,5}(?!\w|\.\w)")
_PATH: Final = re.compile(r"[/?#][^\s\"'<>()\[\]{}]{0,2000}")

# Everything after "://" up to the first space, quote or parenthesis: host (IPv6 in brackets
# included), port, path and query of a URL pasted from the address bar.
_URL_REST: Final = re.compile(r"[^\s\"'<>(){}]{0,2000}")

# The characters of a written IPv6 address, with the brackets of "[2001:db8::1]:8080".
_IPV6_RUN: Final = re.compile(r"[0-9a-f:.]*")

# Trailing punctuation that ends the sentence rather than the address ("see example.com/a.").
_TRAILING = ".,;:!?"

# Schemes that name a place on someone else's machine; "file://" points at the customer's own
# disk and says nothing about where the service runs.
_LOCAL_SCHEMES: Final = frozenset({"file", "c", "d"})

# Top-level domains accepted without a scheme. A small list of the generic TLDs customers of
# a help desk actually use, plus every two-letter country code (ISO 3166-1 and "uk", "eu",
# "ac"): a full IANA list would be long, go stale, and accept file extensions such as ".zip".
# "test" and "example" are reserved for testing and documentation (RFC 2606) and show up in
# tickets about staging sites and in vendors' examples.
_GENERIC_TLDS: Final = lexicon(
    """
    com net org info biz edu gov mil int name pro mobi aero coop museum jobs travel tel asia cat
    app dev site online store shop tech xyz club blog cloud website space live life news email
    digital agency solutions services company group world today top link host hosting web wiki
    page fun vip art design studio media network systems software support center social one ltd
    inc llc global adv eng ind test example
    """
)
_COUNTRY_TLDS: Final = lexicon(
    """
    ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br
    bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec
    ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy
    hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz
    la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx
    my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re
    ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj
    tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
    """
)

# Country codes that are also common file extensions ("main.py", "deploy.sh", "README.md",
# "lib.so"): a bare "name.ext" with one of them is read as a file, which is what it almost
# always is in a ticket; "www.site.py" or "site.com.py" still count as domains.
_FILE_LIKE_TLDS: Final = lexicon("py sh md pl pm rs so ps cc ai mk tf ml am ac in sc st gd ms cs")
_SECOND_LEVELS: Final = lexicon("com net org gov edu co ac www")

# First labels of Java and Android package names ("com.example.receipts",
# "br.com.exemplo.app"): a host never starts with a top-level domain.
_PACKAGE_ROOTS: Final = lexicon("com org net br io edu gov")

# Words before a dotted quad that make it a version or build number, not an IPv4 address
# ("version 10.0.2.1", "update to cPanel 11.110.0.17", "example-sdk 4.10.2.1").
_PRODUCTS: Final = lexicon(
    "sdk app aplicativo plugin firmware cpanel plesk whm php wordpress android ios"
)
_VERSION_WORDS: Final = _PRODUCTS | lexicon(
    """
    version versão versao ver v build release update updated upgrade upgraded atualizar
    atualizou atualizei atualizado atualização atualizacao using usando
    """
)
_TO: Final = lexicon("to pra para")

# Names of technologies that are shaped like domains ("ASP.NET"): the customer names the
# stack, not a place.
_NOT_HOSTS: Final = frozenset({"asp.net", "ado.net", "vb.net"})


def detect_location(text: Text, /) -> Detection:
    """Find where the problem happens: a URL, domain, IPv4 or IPv6 address.

    Found for URLs with or without a scheme (``https://x.com``, ``www.x.com/admin``), bare
    domains including IDN and subdomains (``café.com.br``), ``host:port``, IPv4 and IPv6
    (``[2001:db8::1]:8080``). File names, version numbers and decimals are not locations; an
    e-mail address, or a name that looks like a domain only because a sentence lacks a space
    (``down.It``), is ``near``.

    >>> detect_location(Text.of("Open www.example.com/admin now")).spans
    ((5, 26),)
    """
    low = text.lowered
    spans: list[Span] = []
    near: list[Span] = []
    covered = _Covered()
    if "://" in low:
        _find_urls(text, spans, covered)
    if "." in low and len(spans) < MAX_SPANS:
        _find_hosts(text, spans, near, covered)
    if ":" in low and len(spans) < MAX_SPANS:
        _find_ipv6(text, spans, covered)
    return detection(spans, near)


def _find_urls(text: Text, spans: list[Span], covered: _Covered) -> None:
    low = text.lowered
    for match in islice(_SCHEME_SEPARATOR.finditer(low), MAX_HITS):
        if len(spans) >= MAX_SPANS:
            return
        start = _scan_back(low, match.start(), _is_scheme_char, _MAX_SCHEME)
        scheme = low[start : match.start()]
        if not scheme or not scheme[0].isascii() or not scheme[0].isalpha():
            continue
        if scheme in _LOCAL_SCHEMES:
            continue
        if covered.contains(start):
            continue  # a URL quoted inside another URL's query string
        host_start = match.end()
        rest = _URL_REST.match(low, host_start)
        stop = _trim(low, host_start, rest.end() if rest else host_start)
        if stop > host_start and low[host_start] not in "/.:":
            covered.add((start, stop))
            if _reachable(_url_host(low[host_start:stop])):
                spans.append((start, stop))


def _find_hosts(text: Text, spans: list[Span], near: list[Span], covered: _Covered) -> None:
    low = text.lowered
    resume = 0
    for dot in islice(_INNER_DOT.finditer(low), MAX_HITS):
        if len(spans) >= MAX_SPANS:
            return
        position = dot.start()
        if position < resume or covered.contains(position):
            continue
        start = _scan_back(low, position, _is_host_char, _MAX_HOST + 1)
        run = _HOST_RUN.match(low, position)
        end = run.end() if run else position
        resume = end
        if end - start > _MAX_HOST or low[start] == ".":
            continue  # junk, or a suffix such as ".com.br" or ".htaccess" rather than a host
        # Trailing dots and hyphens belong to the sentence ("see x.com.").
        while end > start and low[end - 1] in ".-_":
            end -= 1
        verdict = _classify(text, start, end)
        if verdict is None:
            continue
        stop = _extend(low, end)
        if start > 0 and low[start - 1] == "@":
            near.append((start, end))  # an e-mail address names a mailbox, not a site
        elif verdict:
            spans.append((start, stop))
        else:
            near.append((start, end))
        covered.add((start, stop))
        resume = stop


def _find_ipv6(text: Text, spans: list[Span], covered: _Covered) -> None:
    low = text.lowered
    resume = 0
    for colon in islice(_IPV6_COLON.finditer(low), MAX_HITS):
        if len(spans) >= MAX_SPANS:
            return
        position = colon.start()
        if position < resume or covered.contains(position):
            continue
        start = _scan_back(low, position, _is_ipv6_char, 40)
        run = _IPV6_RUN.match(low, position)
        end = run.end() if run else position
        resume = end
        if end - start > _MAX_IPV6:
            continue  # a run of hex digits and colons longer than any address: a hash, a dump
        while end > start and low[end - 1] in ".:" and not low[start:end].endswith("::"):
            end -= 1
        if (start > 0 and _is_word(low[start - 1])) or (end < len(low) and _is_word(low[end])):
            continue  # part of a longer word or identifier ("std::vector", "a1b2:c3d4:x")
        candidate = low[start:end]
        if not any(char.isdigit() for char in candidate):
            continue  # "dead::beef" and "a::b" are code, not addresses
        if not _reachable(candidate):
            continue
        stop = end
        if start > 0 and low[start - 1] == "[" and low.startswith("]", end):
            start -= 1
            stop = end + 1
            port = _PORT.match(low, stop)
            if port:
                stop = port.end()
        spans.append((start, stop))
        covered.add((start, stop))
        resume = stop


def _classify(text: Text, start: int, end: int) -> bool | None:
    """Say whether ``[start, end)`` is a host (True), looks like one (False), or neither (None)."""
    low = text.lowered
    name = low[start:end]
    labels = name.split(".")
    if len(labels) < 2 or "" in labels or any(len(label) > 63 for label in labels):
        return None
    if len(labels) == 4 and all(label.isascii() and label.isdigit() for label in labels):
        return True if _reachable(name) and not _after_version_word(low, start) else None
    tld = labels[-1]
    if not _is_tld(tld) or name in _NOT_HOSTS:
        return None
    if len(labels) > 2 and labels[0] in _PACKAGE_ROOTS:
        return None  # a Java or Android package ("com.example.app"), written backwards
    dotted_words = len(labels) == 2 and labels[0] != "www"
    if dotted_words and tld in _FILE_LIKE_TLDS:
        return None
    original_tld = text.original[end - len(tld) : end]
    # "working.It stopped" is a missing space after a full stop that reads as a host: near.
    return not (dotted_words and original_tld[:1].isupper() and original_tld[1:].islower())


def _is_tld(label: str) -> bool:
    if label.startswith("xn--"):
        return label.isascii() and len(label) > 4
    return label.isascii() and (label in _GENERIC_TLDS or label in _COUNTRY_TLDS)


def _reachable(host: str) -> bool:
    """Whether ``host`` could name the customer's service: not localhost, 127.0.0.1, 0.0.0.0."""
    if host in ("localhost", "") or host.endswith(".localhost"):
        return False
    if not any(char.isdigit() for char in host) or (":" not in host and host.count(".") != 3):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return ":" not in host  # a name with digits, or junk that only looks like IPv6
    return not (address.is_loopback or address.is_unspecified)


def _url_host(authority: str) -> str:
    """The host of ``user@host:port/path`` (brackets of an IPv6 literal removed)."""
    host = authority.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rpartition("@")[2]
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.partition(":")[0]


def _after_version_word(low: str, start: int) -> bool:
    """Whether a dotted quad follows words that make it a version ("cPanel 11.110.0.17").

    A version word among the three words before it counts, and so does a product name a
    little further back when the quad is what it was updated "to" ("atualizar o aplicativo
    de PDV pra 10.0.2.1"); "updated the A record to 192.0.2.1" stays an address.
    """
    words = low[max(0, start - 60) : start].replace("-", " ").split()
    if any(word in _VERSION_WORDS for word in words[-3:]):
        return True
    return bool(words) and words[-1] in _TO and any(word in _PRODUCTS for word in words[-6:])


def _extend(low: str, end: int) -> int:
    """Extend a host that ends at ``end`` over its port and path."""
    port = _PORT.match(low, end)
    if port:
        end = port.end()
    path = _PATH.match(low, end)
    if path:
        end = _trim(low, end, path.end())
    return end


def _trim(low: str, start: int, end: int) -> int:
    """Drop sentence punctuation, and a closing bracket that has no opening one, from the end."""
    while end > start:
        last = low[end - 1]
        if last in _TRAILING or (last == "]" and "[" not in low[start:end]):
            end -= 1
        else:
            break
    return end


def _scan_back(low: str, position: int, accept: Callable[[str], bool], limit: int) -> int:
    """Walk left from ``position`` over characters ``accept`` takes, at most ``limit`` steps."""
    start = position
    floor = max(0, position - limit)
    while start > floor and accept(low[start - 1]):
        start -= 1
    return start


class _Covered:
    """The spans of text already read as a location, to skip the candidates inside them."""

    def __init__(self) -> None:
        self._spans: list[Span] = []

    def add(self, span: Span) -> None:
        bisect.insort(self._spans, span)

    def contains(self, position: int) -> bool:
        index = bisect.bisect_right(self._spans, position, key=_start)
        return index > 0 and self._spans[index - 1][1] > position


def _start(span: Span) -> int:
    return span[0]


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _is_host_char(char: str) -> bool:
    return char.isalnum() or char in ".-_"


def _is_scheme_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "+.-")


def _is_ipv6_char(char: str) -> bool:
    return char in "0123456789abcdef:."
