"""MDN's HTTP Observatory scoring, for the headers of one response of the test client: the
tests and score modifiers that decide this site's grades, ported from the scanner so that the
test suite keeps the grades without the network. The real scanner runs in
bench/observatory/run.py (`make observatory`), and its figures are in docs/security.md.

Source: @mdn/mdn-http-observatory 1.4.8 (algorithm version 4), src/analyzer/tests/csp.js,
cookies.js, referrer-policy.js, strict-transport-security.js, x-content-type-options.js,
x-frame-options.js, and the modifiers and grade chart of src/grader/charts.js, applied as
src/scanner/index.js does: start at 100, add every modifier; if the score without the bonuses
is below 90, the bonuses do not count; the grade is the chart's for the score rounded down to
a multiple of 5 (at most 100: A+).

Not ported (each scores 0 on this site, as the real scan shows): the redirection from HTTP to
HTTPS (a proxy's and SECURE_SSL_REDIRECT's job: tests/site/test_settings.py checks the
setting), cross-origin resource sharing (none) and resource policy (no modifier either way),
subresource integrity (every script comes from the site itself). Policies in <meta> tags,
duplicate directives and 'strict-dynamic' are not handled: the site uses none.
"""

from dataclasses import dataclass, field

MODIFIERS = {
    "csp-implemented-with-no-unsafe-default-src-none": 10,
    "csp-implemented-with-no-unsafe": 5,
    "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
    "csp-implemented-with-insecure-scheme-in-passive-content-only": -10,
    "csp-implemented-with-unsafe-eval": -10,
    "csp-implemented-with-unsafe-inline": -20,
    "csp-implemented-with-insecure-scheme": -20,
    "csp-not-implemented": -25,
    "cookies-secure-with-httponly-sessions-and-samesite": 5,
    "cookies-secure-with-httponly-sessions": 0,
    "cookies-not-found": 0,
    "cookies-without-secure-flag-but-protected-by-hsts": -5,
    "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
    "cookies-without-secure-flag": -20,
    "cookies-samesite-flag-invalid": -20,
    "cookies-anticsrf-without-samesite-flag": -20,
    "cookies-session-without-httponly-flag": -30,
    "cookies-session-without-secure-flag": -40,
    "referrer-policy-private": 5,
    "referrer-policy-not-implemented": 0,
    "referrer-policy-unsafe": -5,
    "referrer-policy-header-invalid": -5,
    "hsts-implemented-max-age-at-least-six-months": 0,
    "hsts-implemented-max-age-less-than-six-months": -10,
    "hsts-not-implemented": -20,
    "x-content-type-options-nosniff": 0,
    "x-content-type-options-not-implemented": -5,
    "x-frame-options-implemented-via-csp": 5,
    "x-frame-options-sameorigin-or-deny": 0,
    "x-frame-options-not-implemented": -20,
}
GRADES = {100: "A+", 95: "A", 90: "A", 85: "A-", 80: "B+", 75: "B", 70: "B", 65: "B-"}
GRADES |= {60: "C+", 55: "C", 50: "C", 45: "C-", 40: "D+", 35: "D", 30: "D", 25: "D-"}
GRADES |= dict.fromkeys((20, 15, 10, 5, 0), "F")
MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90
SIX_MONTHS = 15768000

BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
PASSIVE = {"img-src", "media-src"}
NONCE_OR_HASH = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")


@dataclass
class Scan:
    results: dict = field(default_factory=dict)  # test name -> result

    @property
    def score(self):
        modifiers = [MODIFIERS[result] for result in self.results.values()]
        uncurved = 100 + sum(m for m in modifiers if m < 0)
        if uncurved < MINIMUM_SCORE_FOR_EXTRA_CREDIT:
            return uncurved
        return 100 + sum(modifiers)

    @property
    def grade(self):
        score = max(self.score, 0)
        return GRADES[min(score - score % 5, 100)]


def parse_csp(header):
    policy = {}
    for directive in (header or "").split(";"):
        parts = directive.strip().split()
        if parts:
            policy.setdefault(parts[0].lower(), set(parts[1:]))
    return policy


def csp_result(csp, https=True):
    if not csp:
        return "csp-not-implemented"

    def sources(*names):
        for name in names:
            if name in csp:
                return set(csp[name])
        return {"*"}

    script_src = sources("script-src", "default-src")
    style_src = sources("style-src", "default-src")
    object_src = sources("object-src", "default-src")
    for source_list in (script_src, style_src):
        if any(s.startswith(NONCE_OR_HASH) for s in source_list):
            source_list.discard("'unsafe-inline'")
    active = [
        s
        for name, values in csp.items()
        if name not in PASSIVE and name != "script-src"
        for s in values
    ] + list(script_src)
    passive = [s for name in PASSIVE for s in csp.get(name, csp.get("default-src", set()))]

    def insecure(values):
        return https and any(s.startswith(("http:", "ftp:")) for s in values)

    if script_src & (BROAD | UNSAFE_INLINE) or object_src & BROAD:
        return "csp-implemented-with-unsafe-inline"
    if insecure(active):
        return "csp-implemented-with-insecure-scheme"
    if "'unsafe-eval'" in script_src | style_src:
        return "csp-implemented-with-unsafe-eval"
    if insecure(passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only"
    if style_src & (BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only"
    if csp.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none"
    return "csp-implemented-with-no-unsafe"


def hsts_result(response):
    header = response.headers.get("Strict-Transport-Security")
    if not header:
        return "hsts-not-implemented"
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "max-age":
            age = int(value.strip('"'))
            return (
                "hsts-implemented-max-age-at-least-six-months"
                if age >= SIX_MONTHS
                else "hsts-implemented-max-age-less-than-six-months"
            )
    return "hsts-not-implemented"


def cookies_result(response, hsts_passes):
    # A cookie the response deletes (max-age 0) is not kept by the scanner's cookie jar.
    cookies = [morsel for morsel in response.cookies.values() if morsel["max-age"] != 0]
    if not cookies:
        return "cookies-not-found"
    worst = None
    order = [
        "cookies-without-secure-flag-but-protected-by-hsts",
        "cookies-without-secure-flag",
        "cookies-session-without-secure-flag-but-protected-by-hsts",
        "cookies-samesite-flag-invalid",
        "cookies-anticsrf-without-samesite-flag",
        "cookies-session-without-httponly-flag",
        "cookies-session-without-secure-flag",
    ]

    def worse(result):
        nonlocal worst
        if worst is None or order.index(result) > order.index(worst):
            worst = result

    missing_samesite = False
    for morsel in cookies:
        name = morsel.key.lower()
        session = "login" in name or "sess" in name
        secure, httponly = bool(morsel["secure"]), bool(morsel["httponly"])
        samesite = morsel["samesite"]
        if not secure:
            worse(
                "cookies-without-secure-flag-but-protected-by-hsts"
                if hsts_passes
                else "cookies-without-secure-flag"
            )
        if "csrf" in name and not samesite:
            worse("cookies-anticsrf-without-samesite-flag")
        if session and not secure:
            worse(
                "cookies-session-without-secure-flag-but-protected-by-hsts"
                if hsts_passes
                else "cookies-session-without-secure-flag"
            )
        if session and not httponly:
            worse("cookies-session-without-httponly-flag")
        missing_samesite = missing_samesite or not samesite
    if worst:
        return worst
    if missing_samesite:
        return "cookies-secure-with-httponly-sessions"
    return "cookies-secure-with-httponly-sessions-and-samesite"


def referrer_result(response):
    header = response.headers.get("Referrer-Policy")
    if not header:
        return "referrer-policy-not-implemented"
    good = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    bad = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
    valid = [p.strip().lower() for p in header.split(",") if p.strip().lower() in good | bad]
    if not valid:
        return "referrer-policy-header-invalid"
    return "referrer-policy-private" if valid[-1] in good else "referrer-policy-unsafe"


def x_frame_options_result(response, csp):
    frame_ancestors = csp.get("frame-ancestors", {"*"})
    if csp and not frame_ancestors & BROAD:
        return "x-frame-options-implemented-via-csp"
    if response.headers.get("X-Frame-Options", "").strip().lower() in {"deny", "sameorigin"}:
        return "x-frame-options-sameorigin-or-deny"
    return "x-frame-options-not-implemented"


def scan(response):
    """The Observatory's verdict on one response (fetched over HTTPS: `secure=True`)."""
    csp = parse_csp(response.headers.get("Content-Security-Policy"))
    hsts = hsts_result(response)
    nosniff = response.headers.get("X-Content-Type-Options", "").strip().lower() == "nosniff"
    return Scan(
        {
            "content-security-policy": csp_result(csp),
            "cookies": cookies_result(
                response, hsts == "hsts-implemented-max-age-at-least-six-months"
            ),
            "referrer-policy": referrer_result(response),
            "strict-transport-security": hsts,
            "x-content-type-options": "x-content-type-options-nosniff"
            if nosniff
            else "x-content-type-options-not-implemented",
            "x-frame-options": x_frame_options_result(response, csp),
        }
    )
