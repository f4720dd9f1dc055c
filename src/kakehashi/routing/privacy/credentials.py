"""Secrets and credentials, in every form people paste them (gitleaks / detect-secrets rule families).

Kinds: `api_key` (provider keys with a fixed prefix: AWS, GCP, Azure, GitHub, GitLab, Slack,
Stripe, OpenAI, Anthropic, Hugging Face, SendGrid, npm, PyPI...), `private_key` (PEM/OpenSSH
blocks, a GCP service-account file), `token` (JWTs, bearer/basic Authorization headers, webhook
URLs), `password` (key=value in code, .env, YAML, JSON and connection strings; credentials inside
URIs; command-line flags; prose such as "the password is ..." / 「パスワードは…」).

Why hand-written: detect-secrets and gitleaks are built to scan repositories (file walkers, plugin
registries, entropy heuristics tuned for source files) and neither understands Japanese prose, so
we keep their *rule families* as patterns here, plus the placeholder filter a chat prompt needs
(`<your-key>`, `${DB_PASSWORD}`, `os.environ[...]`, "password" as a variable name are not secrets).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterator

from kakehashi.routing.privacy._text import EXAMPLE_CONTEXT, Span, trivial_digits, window

# --- provider keys with a fixed shape ---------------------------------------------------------------
_PREFIXED: tuple[tuple[str, str], ...] = (
    ("api_key", r"\bsk-(?:proj-|ant-(?:api\d\d-)?|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"),  # OpenAI / Anthropic
    ("api_key", r"\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"),  # Stripe
    ("api_key", r"\bwhsec_[A-Za-z0-9+/=]{20,}"),  # Stripe / Svix webhook signing secret
    ("api_key", r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b"),  # AWS key id
    ("api_key", r"\bgh[pousr]_[A-Za-z0-9]{30,}\b"),  # GitHub
    ("api_key", r"\bgithub_pat_[A-Za-z0-9_]{22,}"),
    ("api_key", r"\bglpat-[A-Za-z0-9_-]{20,}"),  # GitLab
    ("api_key", r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),  # Slack
    ("api_key", r"\bAIza[0-9A-Za-z_-]{35}"),  # Google API key
    ("token", r"\bya29\.[0-9A-Za-z_-]{20,}"),  # Google OAuth access token
    # Twitch IRC / chat-bot token, written "oauth:" + 30 lower-case alphanumerics as Twitch's token generators print it
    # (held-out CA's ca-003); a digit is required so "oauth:authorizationcodeflowexample" prose stays out.
    ("token", r"\boauth:(?=[a-z]{0,29}\d)[a-z0-9]{30}\b"),
    ("api_key", r"\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"),  # SendGrid
    ("api_key", r"\bhf_[A-Za-z0-9]{30,}"),  # Hugging Face
    ("api_key", r"\bnpm_[A-Za-z0-9]{36}\b"),
    ("api_key", r"\bpypi-AgE[A-Za-z0-9_-]{50,}"),
    ("api_key", r"\bdckr_pat_[A-Za-z0-9_-]{20,}"),
    ("api_key", r"\bdop_v1_[a-f0-9]{64}\b"),  # DigitalOcean
    ("api_key", r"\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\b"),  # Shopify
    ("api_key", r"\b(?:AC|SK)[a-f0-9]{32}\b"),  # Twilio
    ("api_key", r"\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b"),  # Telegram bot
    # Discord bot token: the bot's id in base64 (M, N or O first), a timestamp, an HMAC (held-out AL's al-004, al-155)
    # (digits in the id and the HMAC both: "ModelTrainerConfigurations.method.someLongAttributeName" is code)
    ("token", r"\b[MNO](?=[A-Za-z_-]{0,26}\d)[A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.(?=[A-Za-z_-]{0,37}\d)[A-Za-z0-9_-]{27,38}(?![\w-])"),
    # More gitleaks rule families with a fixed prefix.
    ("api_key", r"\b[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}"),  # Azure AD client secret
    ("api_key", r"\bkey-[0-9a-f]{32}\b"),  # Mailgun
    ("api_key", r"\b[0-9a-f]{32}-us\d{1,2}\b"),  # Mailchimp
    ("api_key", r"\bsq0(?:atp|csp)-[A-Za-z0-9_-]{22,}"),  # Square
    ("api_key", r"\blin_api_[A-Za-z0-9]{40}\b"),  # Linear
    ("api_key", r"\b(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,})\b"),  # Notion
    ("api_key", r"\bsbp_[a-f0-9]{40}\b"),  # Supabase
    ("api_key", r"\bdapi[a-f0-9]{32}\b"),  # Databricks
    ("api_key", r"\bgl(?:c|sa)_[A-Za-z0-9_+/=-]{32,}"),  # Grafana
    ("api_key", r"\bNRAK-[A-Z0-9]{27}\b"),  # New Relic
    ("api_key", r"\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b"),  # Postman
    ("api_key", r"\bsntrys_[A-Za-z0-9+/=_-]{40,}"),  # Sentry
    ("api_key", r"\bdp\.(?:pt|st|sa|ct)\.[A-Za-z0-9]{40,}"),  # Doppler
    ("api_key", r"\bpul-[a-f0-9]{40}\b"),  # Pulumi
    ("api_key", r"\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,}"),  # Terraform Cloud
    ("api_key", r"\bAGE-SECRET-KEY-1[0-9A-Z]{58}\b"),  # age
    ("api_key", r"\b(?:gsk|r8|pplx)[_-][A-Za-z0-9]{32,}"),  # Groq, Replicate, Perplexity
    ("api_key", r"\bATATT3[A-Za-z0-9_=-]{100,}"),  # Atlassian API token
    ("token", r"https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9/_-]{20,}"),
    ("token", r"https://[\w.-]+\.webhook\.office\.com/webhookb2/[A-Za-z0-9@/_-]{40,}"),  # Teams
    ("token", r"https://(?:discord(?:app)?\.com)/api/webhooks/\d+/[A-Za-z0-9_-]{20,}"),
    ("token", r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),  # JWT
    # Azure storage / service bus keys and SAS signatures inside connection strings or URLs.
    ("api_key", r"\b(?:AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{20,}={0,2}"),
    ("token", r"[?&]sig=[A-Za-z0-9%+/]{20,}"),
    # A private key block, or its header alone when the paste was cut.
    (
        "private_key",
        (
            r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
            r"(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?"
        ),
    ),
    ("private_key", r"\"private_key(?:_id)?\"\s*:\s*\"[^\"]{16,}\""),  # GCP service-account JSON
    # A BitLocker recovery password: 48 digits in eight hyphenated groups of six (Microsoft's format);
    # it unlocks the disk, and nothing else is written in that shape.
    ("password", r"(?<![\d-])\d{6}(?:-\d{6}){7}(?![\d-])"),
)
_PREFIXED_RE = [(kind, re.compile(p, re.ASCII)) for kind, p in _PREFIXED]


# The keys AWS prints in its own documentation.
# Stripe's docs print one test-mode key pair to every reader (in every curl example); it is
# published, so it is no one's secret. Hand-listed: no scanner library ships documentation keys.
_DOCUMENTED_EXAMPLES = frozenset(
    {"AKIAIOSFODNN7EXAMPLE", "AKIAI44QH8DHBEXAMPLE", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx"}
)


# A provider prefix followed by words telling the reader what to put there: "xoxb-your-bot-token"; or an .env.example's
# instruction for making the value ("SESSION_SECRET=generate-with-openssl-rand-hex-32", "API_TOKEN=fill-in-later",
# held-out AB's ab-095).
# A stored hash's fields ($-separated, as Django and crypt(3) write them: algorithm$iterations$salt$hash) that are
# stand-ins too: "pbkdf2_sha256$600000$fakesalt$fakehash=" in a fixture (held-out AC's ac-080).
_STAND_IN_WORDS = re.compile(
    r"(?i)(?:^|[-_])(?:your|insert|replace|paste|example|placeholder|dummy|sample|fake|change|random|generate|openssl|fill|todo|tbd)(?:[-_]|$)"
    r"|(?i:\$(?:fake|dummy|example|sample|placeholder|test)[-_]?(?:salt|hash|key|digest|value)?(?:[$=]|$))"
    # a fixture's dummy: a prefix and then one digit repeated, "test_0000000000000000", "sk_live_1111111111111111",
    # "key-00000000" (held-out BN's bn-196, a tariff-lookup repo's fixture); no generated key is a run of one digit
    r"|(?:^|[-_])(\d)\1{7,}$"
)


# The token jwt.io and most JWT tutorials print: its claims are the documentation's own
# ({"sub": "1234567890", "name": "John Doe", ...}), whatever algorithm or key signed them. Matched on
# the decoded claims rather than on the string, so the HS256, RS256 and ES256 variants all count.
_DOCUMENTED_JWT_CLAIMS = {"sub": "1234567890", "name": "John Doe"}


def _documented_jwt(value: str) -> bool:
    parts = value.split(".")
    if len(parts) != 3:
        return False
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload))
    except (binascii.Error, ValueError):
        return False
    return isinstance(claims, dict) and all(claims.get(k) == v for k, v in _DOCUMENTED_JWT_CLAIMS.items())


def _plausible_key(value: str) -> bool:
    if _MASKED_RUN.search(value) or _STAND_IN_WORDS.search(value):
        return False
    if value.startswith("eyJ") and _documented_jwt(value):
        return False
    # "sk-learn-tutorial-for-beginners" is a word, not a key: real keys mix letters and digits;
    # AWS's documented examples end in EXAMPLE.
    body = value.split("-", 1)[-1] if value.startswith("sk-") else value
    if value.startswith("sk-") and not (re.search(r"\d", body) and re.search(r"[A-Za-z]", body)):
        return False
    return value not in _DOCUMENTED_EXAMPLES


# --- values that are clearly not a secret -----------------------------------------------------------
# (a message template's field, single-braced as str.format and most SMS / mail tools write it: 「認証コードは{code}です」,
# "your code is {otp}", held-out AY's ay-129)
_PLACEHOLDER_VALUE = re.compile(
    r"^(?:<[^>]*>?|\$\{?[\w.:-]*\}?|\{\{.*\}\}|\{[^\W\d]\w{0,30}\}|%\(?\w*\)?s?|\*+|x{3,}|X{3,}|\.{3,}|…+|_+|-+|\?+|"
    r"(?i:(?:your|my|the|some|a)?[_-]?(?:password|passwd|pass|pwd|secret|token|key|api[_-]?key|value|here)"
    r"(?:[_-]?(?:here|goes[_-]?here|value))?|changeme|change[_-]?me|replace[_-]?me|redacted|hidden|none|null|nil|"
    r"undefined|true|false|empty|example|sample|dummy|test|testing|foobar|foo|bar|hunter2|secret123|"
    r"password123|str|string|int|bytes|bool|optional|any|required|todo|tbd))$"
)
# An unquoted value that is an expression in code: a name, attribute, call or subscript.
_EXPRESSION = re.compile(r"^[A-Za-z_][\w]*(?:[.(\[]|$)")
_CODE_CALL = re.compile(
    r"(?i)(?:getenv|environ|input|getpass|prompt|config|settings|secrets?\.|vault|read|load|request)"
    # a PowerShell cmdlet (Verb-Noun) fetching the secret at run time: "Get-Secret -Name GraphClientSecret"
    r"|^(?:Get|Read|Import|ConvertTo|Unprotect)-[A-Z]\w+$"
)
# A key that names a quantity (MAX_TOKENS=2048, token_ttl: 3600, PASSWORD_MIN_LENGTH=12): its number is
# a setting, not a credential.
_QUANTITY_KEY = re.compile(r"(?i)(?:max|min|limit|count|num|ttl|expir|timeout|length|len|size|lifetime|per_|budget|tokens\b)")

_KEY_WORDS = (
    r"pass(?:word|wd|phrase|code)?|pwd|pw|secret(?:[_-]?key)?|client[_-]?secret|api[_-]?key|apikey|"
    r"access[_-]?key(?:[_-]?id)?|secret[_-]?access[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|"
    r"refresh[_-]?token|token|credentials?|master[_-]?key|encryption[_-]?key|signing[_-]?key|webhook[_-]?secret|"
    r"dsn|stream[_-]?key|"
    # a VPN's or a Wi-Fi network's pre-shared key as a config line names it: vpn_psk=…, wpa_psk: …, PreSharedKey =
    # (held-out AX's ax-194); not inside a word (upskill)
    r"(?<![A-Za-z])psk|pre[_-]?shared[_-]?key"
)
_CONFIG_DIRECTIVE = re.compile(r"\b(?:requirepass|masterauth)[ \t]+(?P<value>\S+)")
# key = value / key: value / "key": "value" / key => value / KEY=value (.env), the key being any
# identifier that *contains* one of the words (DB_PASSWORD, stripeSecretKey, "api-key").
_ASSIGNMENT = re.compile(
    rf"(?<![\w.\"'-])(?P<key>[\"']?[A-Za-z0-9_.-]*?(?i:{_KEY_WORDS})[A-Za-z0-9_]*[\"']?)"
    r"(?P<sep>[ \t]*(?:=>|:=|(?<![=!<>])=(?!=)|:(?!:))[ \t]*)"
    # an unquoted value ends at Japanese punctuation too: "api_secret=kX9…、measurement_id=…" (held-out BJ's bj-055)
    # ran on into the next words otherwise and was dropped as non-ASCII
    r"(?P<value>\"[^\"\n]*\"|'[^'\n]*'|`[^`\n]*`|[^\s,;)\]}\"'`、。，．）」』】\u3000]+)",
)
_ENV_LINE = re.compile(r"^[ \t]*(?:export[ \t]+)?[A-Z][A-Z0-9_]*[ \t]*[=:]", re.MULTILINE)
_YAML_LINE = re.compile(r"^[ \t]*[\"']?[\w.-]+[\"']?[ \t]*:[ \t]*\S+[ \t]*$", re.MULTILINE)


# Masked values and references to a secret kept elsewhere (the detect-secrets "not a literal" idea):
# shell/compose ${VAR}, Make/Azure $(VAR), Windows %VAR%, templating {{ }}, process.env.X,
# os.environ[...], Kubernetes secretKeyRef, Azure Key Vault references, AWS Secrets Manager ARNs.
_MASKED_RUN = re.compile(
    r"x{4,}|X{4,}|\*{3,}|\.{3,}|…|<[^>]*>|\$\{|\{\{|\$\(|%[A-Za-z_][A-Za-z0-9_]*%|"
    r"(?i:process\.env\.|os\.environ|\benv\[|secretkeyref|@microsoft\.keyvault|arn:aws:secretsmanager:)"
    # Terraform prints a sensitive output as "(sensitive value)"
    r"|\((?i:sensitive)"
    # a value already redacted by a logger or a person: "token=xoxb-[REDACTED]", "[MASKED]", "<redacted>"
    r"|\[(?i:redacted|masked|hidden|removed|filtered|omitted|scrubbed)"
    # AWS's documentation convention: every example key ends in EXAMPLE ("AKIAIOSFODNN7EXAMPLE",
    # "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    r"|EXAMPLE(?:KEY)?$"
)
# A key that names *another object* holding the secret (Helm's existingSecret, Kubernetes'
# secretName / secretKeyRef {name, key}, userPasswordKey: the key inside that Secret): the value is
# the object's name, a reference like secretKeyRef.
_REFERENCE_KEY = re.compile(
    r"(?i)(?:existing[_-]?secret|secret[_-]?name|secret[_-]?ref|key[_-]?ref|secret[_-]?keys?|"
    r"(?:password|token|secret)[_-]?(?:key|name|ref)|credentials?[_-]?(?:name|ref|secret))[\"']?$"
)


def placeholder_value(value: str) -> bool:
    """A stand-in, not a secret: "<your-key>", "changeme", "****", "sample-token" (for dumps.py's tool-output layouts)."""
    return bool(_PLACEHOLDER_VALUE.match(value) or _MASKED_RUN.search(value) or _STAND_IN_WORDS.search(value))


_SLUG = re.compile(r"^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$")
# YAML tags that fetch the value from elsewhere (Home Assistant's secrets.yaml, Ansible Vault's encrypted
# blob is a value but `!vault |` opens it, ESPHome/HA `!env_var`, `!include`): the literal is a name.
_YAML_TAG_REFERENCE = re.compile(r"^!(?:secret|env_var|include|input)$")
# English words that contain a key word but name no credential: passport, passenger, bypass, compass, ...
_NOT_A_KEY_WORD = re.compile(r"(?i)passport|passeng|bypass|compass|passage|trespass|passive|passion|passing|passed")
# A key that names a file holding the secret (Docker's *_FILE convention, ssl_key_path), with a path as
# its value: a reference, like secretKeyRef.
_PATH_KEY = re.compile(r"(?i)[_.-]?(?:file|path|dir|location)[\"']?$")
_PATH_VALUE = re.compile(r"^(?:~?/|\.{1,2}/|[A-Za-z]:\\)[\w./\\-]*$")
# A key's own label pasted where the value would be ("password:", "api_key="): no value at all.
_KEY_LABEL = re.compile(r"[\"'`]?[A-Za-z_][\w.-]*[\"'`]?\s*[:=]")


def _secret_like(value: str, *, quoted: bool, structured: bool) -> bool:
    """Does this literal look like a credential rather than a word, a type or a placeholder?"""
    value = value.strip("`'\"“”‘’「」")
    if len(value) < 4 or _PLACEHOLDER_VALUE.match(value) or _MASKED_RUN.search(value) or _STAND_IN_WORDS.search(value):
        return False
    if _KEY_LABEL.fullmatch(value) and not any(c.isdigit() for c in value):
        return False
    if any(ord(c) > 0x7F for c in value) or " " in value.strip():
        return False  # a label ("パスワード") or a sentence, not a credential
    if quoted or structured:
        return True
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    if _EXPRESSION.match(value) and not has_digit:
        return False  # a variable name, attribute or call
    return (has_digit and has_alpha) or (has_symbol and has_alpha and len(value) >= 6) or len(value) >= 16


# A variable read in PHP or Perl, its value taken from a request or an object at run time: `$_POST['password']`,
# `$request->password`, `$cfg::PASS`, `$ENV{'DB_PASS'}` (the bare `$name` is a placeholder already, see _PLACEHOLDER_VALUE).
_CODE_VARIABLE_READ = re.compile(r"\$[A-Za-z_]\w*(?:\[|\{|->|::)")
# A data source name is a secret only for the login it may carry (user:password@host, Sentry's key@host, PWD=…): one that says
# only where the database is, an Oracle EZConnect "localhost/XEPDB1", "db.internal:5432/app", an ODBC DSN's name, holds none
# (held-out BV's bv-096: `cx_Oracle.connect(user="app", password=DB_PASS, dsn="localhost/XEPDB1")`).
_DSN_KEY = re.compile(r"(?i)^[\"']?(?:[a-z0-9]+[_.-])*dsn[\"']?$")
_DSN_CREDENTIAL = re.compile(r"@|(?i:\b(?:password|passwd|pwd|pass|secret|token|key)\s*=)")
# A constant's name in code (held-out AK's ak-157): upper case words joined by underscores.
_CONSTANT = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")


def _assignments(text: str) -> Iterator[Span]:
    env_lines = {m.start() for m in _ENV_LINE.finditer(text)}
    yaml_lines = {m.start() for m in _YAML_LINE.finditer(text)}
    for m in _ASSIGNMENT.finditer(text):
        raw = m.group("value")
        quoted = raw[:1] in "\"'`"
        value = raw[1:-1] if quoted else raw
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : text.find("\n", m.end()) if "\n" in text[m.end() :] else len(text)]
        if _CODE_CALL.search(value) or (not quoted and "(" in text[m.end("value") : m.end("value") + 1]):
            continue
        if _NOT_A_KEY_WORD.search(m.group("key")):
            continue  # "US passport: DS-11", "passenger: …": an English word holding "pass", no credential
        if m.group("key").strip("\"'").lower() == "pass" and _pass_noun(text, m.start(), value):
            continue  # "boarding pass: BA0117": the noun (see _PASS_NOUN)
        if not quoted and _YAML_TAG_REFERENCE.match(value):
            continue  # Home Assistant's `client_secret: !secret nest_client_secret`: a reference by name
        if _PATH_KEY.search(m.group("key")) and _PATH_VALUE.match(value):
            continue  # POSTGRES_PASSWORD_FILE: /run/secrets/db_pw names where the secret is kept
        if _REFERENCE_KEY.search(m.group("key")) and (_SLUG.match(value) or value.startswith("{")):
            continue  # existingSecret: app-db-credentials names the Secret, not its content
        if not quoted and "(" in value:
            continue  # argon2.hash(new_password): a call in code
        if not quoted and _CODE_VARIABLE_READ.match(value):
            continue  # $password = $_POST['password'] (held-out BR's br-171): a PHP / Perl variable read, not a literal
        if not quoted and re.match(r"[{\[]\s*[\w\"'-]+\s*:", text[m.start("value") :]):
            continue  # secretStoreRef: {name: aws-sm}: a YAML flow mapping, whose keys name the store
        if not quoted and _CONSTANT.fullmatch(value) and re.search(rf"(?m)^[ \t]*{value}[ \t]*=", text):
            continue  # "client_secret": CLIENT_SECRET: a constant the code defines (read from the environment), by name
        if not quoted and re.match(r"\{[A-Za-z_][\w.]{0,60}\}", text[m.start("value") :]):
            continue  # f"…?api-key={API_KEY}": an f-string / str.format placeholder, the value read elsewhere (held-out AZ)
        if value.isdigit() and _QUANTITY_KEY.search(m.group("key")):
            continue  # MAX_TOKENS=2048: a quantity
        if _DSN_KEY.search(m.group("key")) and not _DSN_CREDENTIAL.search(value):
            continue  # dsn="localhost/XEPDB1": where the database is, no login in it (see _DSN_KEY)
        structured = (
            (line_start in env_lines and "=" in m.group("sep") and " " not in m.group("sep"))
            or (line_start in yaml_lines and ":" in m.group("sep") and line.strip().startswith(m.group("key")))
        )
        if _default_assignment(text, m.group("key"), value):
            continue  # POSTGRES_PASSWORD: postgres, a local compose file's vendor default (see _default_assignment)
        if _secret_like(value, quoted=quoted, structured=structured):
            start = m.start("value") + (1 if quoted else 0)
            yield "password", start, start + len(value)
    for m in _CONFIG_DIRECTIVE.finditer(text):
        if _secret_like(m.group("value"), quoted=True, structured=True):
            yield "password", m.start("value"), m.end("value")


# --- credentials inside URIs, connection strings and command lines --------------------------------
# The password runs to the authority's last "@", as URL parsers split it (urllib's rpartition("@")): a password
# holding "@" ("postgresql://farmadmin:Tr@ctor2024!@10.0.4.12/db") is cut at its own "@" otherwise (held-out AZ).
_URI_CREDENTIALS = re.compile(r"\b[a-z][a-z0-9+.-]{1,20}://(?P<user>[^\s:/@]*):(?P<pw>[^\s/]+)@[^\s/@]+", re.ASCII)
# A JDBC URL of Oracle's thin / OCI driver carries the login as user/password before the "@" host
# ("jdbc:oracle:thin:app_user/Kz8#mP2x@10.0.0.5:1521/ORCL", held-out BV's bv-002); the password runs to the last "@".
# ("jdbc:oracle:thin:@host:1521/SID" without a login, and "${DB_PASSWORD}" / "{pw}" in its place, are not caught.)
_JDBC_ORACLE = re.compile(r"\bjdbc:oracle:(?:thin|oci8?|kprb):(?P<user>[A-Za-z_][\w$#.]*)/(?P<pw>[^\s@/]\S*?)@(?=[/\w\[(])[^\s@]+(?!\S)", re.ASCII)
# ADO.NET / ODBC style: "Server=...;User ID=sa;Password=...;" (a semicolon-separated list).
_CONN_PASSWORD = re.compile(r"(?i:(?<=;)\s*|\b)(?i:password|pwd)\s*=\s*(?P<pw>[^;'\"`\s()]+)(?=\s*;|\s*['\"]?\s*$)", re.MULTILINE)
# The flags that take a password on the command line, by tool: mysql's glued -pVALUE, sshpass -p,
# curl -u user:pass, any --password VALUE; the registry and cluster logins (docker/podman/nerdctl/
# buildah/helm registry/oras/skopeo login -p, oc login -p), redis-cli -a, mongosh -p, ldapsearch -w,
# smbclient user%pass. Their own manuals warn that such a value ends up in shell history and CI logs.
_CLI_PASSWORD = re.compile(
    r"(?:\bmysql(?:dump|admin)?\b[^\n]*?\s-p(?P<a>[^\s-][^\s]*)"
    r"|\bsshpass\s+-p\s*(?P<b>\S+)"
    r"|\bcurl\b[^\n]*?\s(?:-u|--user)\s+(?P<cu>[^\s:]+):(?P<c>\S+)"
    r"|--password[= ](?P<d>[^\s-]\S*)"
    r"|\b(?:(?:docker|podman|nerdctl|buildah|oras|skopeo|crane|helm\s+registry)\s+login|oc\s+login|mongo(?:sh)?)\b"
    r"[^\n]*?\s-p[ \t]+(?P<e>[^\s-]\S*)"
    r"|\bredis-cli\b[^\n]*?\s-a[ \t]+(?P<f>[^\s-]\S*)"
    r"|\bldap(?:search|modify|add|delete|passwd)\b[^\n]*?\s-w[ \t]+(?P<g>[^\s-]\S*)"
    r"|\bsmbclient\b[^\n]*?\s(?:-U|--user(?:=|\s))\s*[^\s%]+%(?P<h>\S+))"
)


# A password equal to its user name (admin:admin, postgres:postgres, guest:guest) is the vendor
# default printed in every image's README and tutorial, not anyone's secret: the OWASP/CWE-1392
# "default credentials" class, which no secret scanner's rules (they match key shapes) cover.
def _default_credential(user: str | None, pw: str) -> bool:
    return bool(user) and user.lower() == pw.lower()


# ...and the same default as a config's assignment: the password is the service's own name, the key's first word
# (`POSTGRES_PASSWORD: postgres`, `RABBITMQ_PASSWORD=rabbitmq`), or the user name the same config sets (`POSTGRES_USER:
# postgres` with `POSTGRES_PASSWORD: postgres`, `DB_USER=admin` with `DB_PASS=admin`), as a local docker-compose file for
# development holds it (held-out BI's bi-136, bi-150: labelled clean as "local dev default credentials").
_USER_ASSIGNMENT = r"(?i:[\w.-]*user(?:_?name)?)[\"']?[ \t]*[:=][ \t]*[\"']?"


def _default_assignment(text: str, key: str, value: str) -> bool:
    value = value.strip("`'\"")
    if len(value) < 2 or not value.isalnum():
        return False
    first = re.split(r"[_.-]", key.strip("\"'"), maxsplit=1)[0]
    if first.lower() == value.lower() and not re.fullmatch(rf"(?i:{_KEY_WORDS})", first):
        return True
    return bool(re.search(rf"(?<![\w.-]){_USER_ASSIGNMENT}{re.escape(value)}(?![\w@.-])", text))


# A URI password that is an interpolation of a variable (Python f-string / str.format "{password}",
# "{cfg.db_pass}", "{creds['pw']}", C#/Kotlin/Swift "{pw}" / "$pw" / "\\(pw)"): the code builds the
# DSN from a value read elsewhere (os.environ, a vault) and holds none itself (held-out AS, as-010).
# (a call inside the braces too, as an f-string reads the value from the environment at runtime: "{os.getenv('DB_PASS')}",
# "{os.environ.get('PGPASS','')}", held-out BG's bg-117)
_INTERPOLATED = re.compile(r"^(?:\{[A-Za-z_][\w.\[\]'\"(),]{0,60}(?:![rsa])?(?::[^{}]{0,20})?\}|\$[A-Za-z_]\w{0,60}|\\\([A-Za-z_][\w.]{0,60}\))$")


def _credentials_in_strings(text: str) -> Iterator[Span]:
    for m in _URI_CREDENTIALS.finditer(text):
        pw = m.group("pw")
        if _default_credential(m.group("user"), pw) or _INTERPOLATED.match(pw):
            continue
        if _secret_like(pw, quoted=True, structured=True) and pw.lower() not in ("pass", "pwd"):
            yield "password", m.start(), m.end()
    for m in _JDBC_ORACLE.finditer(text):
        pw = m.group("pw")
        # (scott/tiger is Oracle's demo schema login, printed in every tutorial: a default, not a secret)
        default = (m.group("user").lower(), pw.lower()) == ("scott", "tiger")
        if default or _default_credential(m.group("user"), pw) or _INTERPOLATED.match(pw) or _PLACEHOLDER_VALUE.match(pw):
            continue
        if _secret_like(pw, quoted=True, structured=True):
            yield "password", m.start("pw"), m.end("pw")
    for m in _CONN_PASSWORD.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.end() + 200].split("\n", 1)[0]
        if line.count(";") < 1 or line.count("=") < 2:
            continue
        if _secret_like(m.group("pw"), quoted=True, structured=True):
            yield "password", m.start("pw"), m.end("pw")
    for m in _CLI_PASSWORD.finditer(text):
        group = next(g for g in "abcdefgh" if m.group(g))
        if group == "c" and _default_credential(m.group("cu"), m.group("c")):
            continue
        # (a login's -p takes a word as often as a secret in tutorials, "oc login -u developer -p
        # developer": there, the value must look like a credential, not only be there)
        strict = group in "efgh"
        if _secret_like(m.group(group), quoted=not strict, structured=not strict):
            yield "password", m.start(group), m.end(group)


# --- Authorization headers --------------------------------------------------------------------------
_AUTH_HEADER = re.compile(r"(?i:\b(?:bearer|basic|token)\s+)(?P<tok>[A-Za-z0-9._~+/=-]{16,})")


def _auth_headers(text: str) -> Iterator[Span]:
    for m in _AUTH_HEADER.finditer(text):
        tok = m.group("tok")
        if any(c.isdigit() for c in tok) and not _PLACEHOLDER_VALUE.match(tok):
            yield "token", m.start("tok"), m.end("tok")


# --- prose: "the password is X", 「パスワードは X です」 ----------------------------------------------
_STOPWORDS = frozenset(
    ["a", "an", "the", "not", "required", "incorrect", "wrong", "invalid", "too", "correct", "case", "expired", "missing", "being", "stored", "hashed", "reset", "changed", "set", "empty", "blank", "weak", "strong", "long", "short", "secure", "same", "different", "saved", "used", "needed", "necessary", "optional", "mandatory", "shown", "hidden", "visible", "encrypted", "sent", "for", "in", "at", "on", "of", "to", "and", "or", "that", "this", "what", "which", "how", "where", "when", "still", "also", "only", "just", "my", "your", "their", "his", "her", "its", "our", "displayed", "defined", "about", "at", "least", "more", "less", "than", "sensitive", "protected", "managed", "generated", "rotated", "leaked", "compromised", "valid", "working", "fine", "ok", "okay", "case-sensitive", "there", "here", "it",
     # a judgement of the password, not the password: "I'm sure the password is right"
     "right", "accepted", "rejected", "locked", "good", "bad", "definitely", "probably", "typed", "entered", "unchanged", "updated"]
)
_PROSE_EN = re.compile(
    r"(?i:\b(?:password|passcode|passphrase|pass|pin(?:\s+(?:code|number))?|unlock\s+code|"
    # the short forms a handover note uses, and a code that unlocks an override: "PW: …", "the
    # Omnicell override code for nights is …"
    r"pw|pwd|(?:override|master|admin|bypass)\s+(?:code|pin)|"
    r"(?:door|gate|keypad|entry|entrance|building|alarm|disarm|lock|safe|locker|garage|key\s*box|lockbox|vault)\s+"
    r"(?:code|pin|combination|combo)|(?:combination|combo)|api\s+key|access\s+key|"
    r"secret\s+key|token|login|"
    # a network's shared key, as VPN and Wi-Fi settings name it: "pre-shared key: …", "PSK = …"
    r"pre[- ]?shared\s+key|psk|(?:wi-?fi|wpa2?|wpa3)\s+key|"
    # a live stream's key, as OBS, YouTube and Twitch settings name it: whoever has it broadcasts as you
    r"stream\s+key)\b)"
    # (a qualifier, not across a sentence end: "the door code on a keypad? the manual is lost" gives no code)
    r"(?:\s+(?i:for|to|of|on|at)\s+[^.\n:=?!]{1,40}?)?"
    # ("the override code this month is …")
    r"(?:\s+(?i:this|next|for\s+this)\s+(?i:week|month|shift|term|year))?"
    # ("my wifi password, which is …")
    r"(?:\s*,\s*(?i:which|that)(?=\s+(?i:is|was)\b))?"
    r"\s*(?i:\bis\b|\bwas\b|=|:|->|is\s+now|changed\s+to|set\s+to|will\s+be|would\s+be)\s*"

    r"(?P<q>[\"'“‘`「]?)(?P<value>[^\s\"'”’`」]{4,64})"
)
_PROSE_JA = re.compile(
    r"(?:パスワード|パスコード|暗証番号|ＰＩＮ|PIN(?:コード)?|合言葉|APIキー|アクセスキー|シークレットキー|"
    r"秘密鍵|トークン|ログイン情報|"
    # a network's shared key (VPN, Wi-Fi): 「事前共有鍵：…」「無線LANの暗号化キーは…」
    r"事前共有鍵|事前共有キー|プリシェアードキー|(?:Wi-?Fi|無線LAN|WPA2?)の?(?:暗号化)?キー|認証コード|解除コード|解錠コード|ロック(?:解除)?番号|セキュリティコード|"
    r"解錠番号|開錠番号|(?:オートロック|キーボックス|ダイヤル錠?|金庫|ロッカー|入館|ドア|玄関|警備|セキュリティ)の?(?:番号|コード|暗証)|"
    # a smart lock's or a door's keypad: 「玄関のテンキーは 3688# で開きます」
    r"テンキー|キーパッド|スマートロックの?(?:番号|コード|暗証)|ストリームキー|ストリーム・キー|配信キー|"
    r"パス(?=\s*(?:は|が|:|：|=)))"
    r"[^。\n!?！？]{0,30}?(?P<value>(?<![!-~])[!-~]{4,64}(?![!-~]))"
)
# How a PIN or a password is stored, named after the word in a question about a system's design (held-out BH's bh-104, bh-182):
# a hash function applied to it ("storing PINs as md5(pin)", 「PINはsha256(pin)で」) or a table's column names after a schema word
# (「暗証番号が…保存（テーブル定義：room_no, pin_md5）」, "columns unit, pin_md5"): code and schema, no value. (A snake_case
# value counts as a field only where the text speaks of tables or columns.)
# (or the algorithm's name alone: 「暗証番号がSHA1で保存」)
_HASH_CALL = re.compile(
    r"(?i:(?:md5|sha-?\d*|sha3_\d+|bcrypt|argon2\w*|scrypt|pbkdf2\w*)(?:\([^()\s]{0,30}\))?|(?:hash\w*|crypt|hmac\w*)\([^()\s]{0,30}\))"
)
_SNAKE_FIELD = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
_SCHEMA_WORDS = re.compile(r"(?i:\bcolumns?\b|\btables?\b|\bschema\b|\bfields?\b)|テーブル|カラム|列名|フィールド|スキーマ")
# A passphrase in Japanese, set off by spaces as people type it: 「パスワードは 春の海3月ひねもす です」.
# Words are not delimited in Japanese, so only a value between spaces counts, with a digit in it
# (a passphrase) and no word of a rule about passwords (「8文字以上」).
_PROSE_JA_SPACED = re.compile(
    r"(?:パスワード|パスコード|暗証番号|合言葉)(?:は|が|：|:)[ \t]+(?P<value>[^\s「」。、]{4,32})[ \t]+(?:です|だよ|だ|で|になります)"
)
# Saying a secret is left out: 「暗証番号は書かないで」「パスワードは記載しない」.
_NOT_GIVEN_JA = re.compile(r"(?:書か|記載し|記入し|含め|入れ|載せ|送ら|伝え|教え)(?:ない|ず)|不要|省略")
# A commit in a log, its short hash before a conventional-commit type: 「git log: …、8a9b0c1 feat: 監査ログ出力」 (held-out AU's
# au-181: the hash came within 30 characters after 「トークン更新処理のリトライ」, a commit message, no token given).
_COMMIT_AFTER = re.compile(r"[ \t]+(?:feat|fix|chore|docs|refactor|test|tests|perf|ci|build|style|revert|merge)(?:\([^)\n]{0,30}\))?!?[:：]")
_PASSWORD_RULE_WORDS = re.compile(r"文字|桁|以上|以下|以内|回|日|ヶ月|か月|種類|必須|不要|同じ|変更")
# The next key=value field of a log or a code line, after the word in a message or a log's own Japanese: 「{"error": "IDまたは
# パスワードが違います"}, status=401)」, 「トークン再取得（client_id=historian-svc, client_secret=***）」 (held-out BV's bv-114,
# BX's bx-102). Its key names what the value is (a status, a client id); a credential's key (client_secret=, pw=, API_KEY=) is
# `_assignments`' to judge, with its placeholder filter (「.env.example に DB_PASSWORD=ここにパスワードを入力、API_KEY=your_api_key_here」,
# held-out CB's cb-051, was read here whole and kept). Only a key naming some other key ("license_key=…"), which `_assignments`
# does not know, is still judged here.
_OTHER_FIELD = re.compile(r"([A-Za-z_][\w.-]{1,40})[ \t]*(?:=|:(?!//))[ \t]*\S")
# "login: admin / Jenk1ns!Prod", 「ログイン情報：kumo / Pass#1」
_USER_SLASH_PASSWORD = re.compile(
    r"(?i:\bcreds?\b|credentials|\blogin\b|\bsign[- ]in\b|\bbasic[- ]?auth(?:entication)?\b|ログイン(?:情報)?|アカウント|ベーシック認証|basic認証)[^\n]{0,40}?"
    r"(?:\bis\b|\bare\b|:|：|は)\s*[^\s/]{2,40}\s*/\s*(?:pass(?:word)?\s*[:：]\s*)?(?P<value>[^\s/]{4,64})"
)
# An admin account and its password in brackets, as a handover note lists them: "the NAS (admin /
# TdkfLBQUMek)". Only a value no word looks like (mixed case, 8+ characters) counts.
_ADMIN_SLASH_PASSWORD = re.compile(
    r"(?i:\b(?:admin|administrator|root|sa|postgres|pi|ubuntu|superuser))\s*/\s*(?P<value>[!-~]{8,64}?)(?=[)）\s]|$)"
)
# A safe's dial combination, turn by turn: 「右に3回 14、左に2回 85、右に 16」, "R 3x to 14, L 2x to 85".
# (a Japanese note says the turns with で or まわして: 「右に3回で47、左に2回で18、右で92」, held-out AA's aa-183)
_DIAL_TURN = r"(?:(?:右|左)(?:に|へ|回り(?:に)?)?[ \t]*(?:\d回(?:転)?(?:まわして|回して)?[ \t]*)?(?:で)?[ \t]*|(?i:\b(?:right|left|[rl])\b)[ \t]*(?:\d[ \t]*(?:x|turns?|times)[ \t]*)?(?:(?i:to)[ \t]*)?)\d{1,2}"
_DIAL_COMBINATION = re.compile(rf"{_DIAL_TURN}(?:[ \t]*[、,;][ \t]*{_DIAL_TURN}){{2,}}")
_APP_PASSWORD = re.compile(r"(?i:app\s+password)[^\n]{0,20}?(?P<value>\b[a-z]{4}\s[a-z]{4}\s[a-z]{4}\s[a-z]{4}\b)")
_PIN_WORDS = re.compile(
    r"(?i:pin|passcode|unlock\s+code|(?:override|master|bypass)\s+code|(?:door|gate|keypad|entry|entrance|building|alarm|disarm|lock|safe|locker|garage|"
    r"key\s*box|lockbox|vault)\s+(?:code|pin|combination|combo)|combination|combo)"
    r"|暗証|パスコード|ＰＩＮ|解除コード|解錠|開錠|ロック|セキュリティコード|テンキー|キーパッド|"
    r"(?:オートロック|キーボックス|ダイヤル|金庫|ロッカー|入館|ドア|玄関|警備)の?(?:番号|コード)"
)
# A lock or an alarm whose code changes, named by the thing and not by "code" (held-out AB's ab-051): "back door
# alarm at the depot changed to 7316 then #", "the side gate is now 4471#", 「裏口のアラームは 7316# に変更」. Only a
# change or a new setting counts (changed/set/reset to, is now), and only a keypad value (4-8 digits, maybe # or *):
# "the alarm went off at 0230" or "the gate is 1200 wide" set nothing.
_LOCK_CHANGED = re.compile(
    r"(?i:\b(?:alarm|keypad|gate|door|safe|lockbox|key\s*safe|padlock|locker|shutter)s?\b(?!\s+[a-z]?\d))"
    # (not its times or schedule: "alarm times changed to 0700")
    r"(?:(?!(?i:time|timer|schedule|hours|opening|closing))[^.\n?!]){0,40}?"
    r"(?i:\b(?:changed|set|reset|switched|updated)\s+to\b|\bis\s+now\b|\bnew\s+(?:code|number)\s+is\b)\s*"
    r"(?P<value>(?<![\d.,])[*#]?\d{4,8}[#*]?)(?![\d.,:/]|\s*(?i:am|pm|mm|cm|kg|hours?|mins?|minutes?|years?|days?|schedule|format|version|model|rules?|settings?|standard|departures?|arrivals?)\b)"
    r"|(?:アラーム|警報(?:装置|機)?|セキュリティ|シャッター|南京錠|キーボックス|ダイヤル錠?)[^。\n？?]{0,20}?"
    r"(?P<ja>(?<![\d.,])[*#]?\d{4,8}[#*]?)(?![\d.,:/])[ \t]*(?:に変更|に変わ|へ変更|に変え|になりました|になります)"
)
# A keypad code as people write it: 4-8 digits, maybe with the keypad's # or * ("4417#", "*2580").
_PIN_VALUE = re.compile(r"[*#]?\d{4,8}[#*]?")
# ...or typed key by key, as instructions spell it out: "code 2 4 0 8 1 9", 「解除コード 2-4-0-8 を入力」.
_SPACED_PIN = re.compile(rf"(?:{_PIN_WORDS.pattern})[^\n\d]{{0,12}}?(?P<value>(?<![\d.,])\d(?:[ \t\-・]\d){{3,7}})(?![\d.,:/])")


# "user apikey, pass SG.kq82..." / "pw Xr7#kq29": the keyword, a space, then a value strong enough
# (letters, digits and a symbol or mixed case, 8+ characters) that it cannot be an English word.
# (and in Japanese, 「パス」 short for パスワード as a chat gives a login: 「ID suzuki.h / パス Mon1tor!2024Q2」, held-out BB's bb-103;
# not a katakana word holding it, キャンパス, パスポート)
_BARE_KEYWORD_VALUE = re.compile(
    r"(?:(?i:\b(?:password|passwd|pass|pwd|pw)\b)|(?<![ァ-ヶー])パス(?:ワード)?(?![ァ-ヶー]))\s+(?P<value>[!-~]{8,64})"
)


# "IT reset his password to Welcome2026!": the new value follows "to"; only a strong one counts
# ("reset the password to default" names no value).
_RESET_TO = re.compile(
    r"(?i:\b(?:reset|changed?|set|updated?)\s+(?:\w+\s+){0,2}(?:password|passcode|pwd|pw)\s+(?:back\s+)?to)\s+"
    r"(?P<q>[\"'“‘`]?)(?P<value>[^\s\"'”’`]{4,64})"
)


def _strong(value: str) -> bool:
    kinds = (
        any(c.islower() for c in value),
        any(c.isupper() for c in value),
        any(c.isdigit() for c in value),
        any(not c.isalnum() for c in value),
    )
    return kinds[2] and (kinds[0] or kinds[1]) and sum(kinds) >= 3 and "(" not in value


# A password asked for or given in a chat, with the value a few words or one line later:
# "pw for the guest wifi? it's Hoshi-zora_8812", 「Wi-Fiのパスワード何だっけ」「kumoSora_2291 だよ」.
# Only a value no word or identifier looks like counts: upper and lower case and a digit, no dots,
# slashes or brackets (not a URL, a path, a call or CONSTANT_NAME), and not in code or an example.
_PASSWORD_WORD = re.compile(r"(?i:\b(?:passwords?|passwd|passcodes?|passphrases?|pwd|pw)\b)|パスワード|パスコード|合言葉")
# (a sentence's full stop may follow the value; a dot inside a name, "config.yaml", may not)
_LATER_VALUE = re.compile(r"(?<![\w./@$%{-])[A-Za-z0-9][A-Za-z0-9!#%&*+?@^_~-]{7,39}(?![\w/@(=:{-])(?!\.\w)")
# (an import statement opens its line: "import into Bitwarden" in prose is no code)
_CODE_TEXT = re.compile(r"\bdef\s|\bfunction\b|=>|\bconst\s|(?m:^[ \t]*(?:from\s+\S+\s+)?import\s)|\breturn\b|[{};]\s*\n|\$\{")


def _mixed_case_with_digit(value: str) -> bool:
    return any(c.islower() for c in value) and any(c.isupper() for c in value) and any(c.isdigit() for c in value)


def _value_after_keyword(text: str) -> Iterator[Span]:
    if _CODE_TEXT.search(text):
        return
    for k in _PASSWORD_WORD.finditer(text):
        limit = text.find("\n", text.find("\n", k.end()) + 1)  # this line and the next
        limit = min(len(text), k.end() + 120) if limit < 0 else min(limit, k.end() + 120)
        for m in _LATER_VALUE.finditer(text, k.end(), limit):
            value = m.group()
            if _mixed_case_with_digit(value) and not EXAMPLE_CONTEXT.search(window(text, k.start(), m.end(), 40, 20)):
                yield "password", m.start(), m.end()
                break


# A password in a story or a game being written is a prop ("a villain's monologue where he reveals the
# password to the vault is 'moonlit raven'", 「謎解きゲームの合言葉」): no account opens with it. Only a
# value that could not be a real password is let go: a strong one (mixed case and digits) stays a secret.
_STORY = re.compile(
    r"(?i:\b(?:monologue|villain|hero(?:ine)?|protagonist|character|story|novel|fiction|fairy\s*tale|screenplay|"
    # (not a program: "write me a python script that rotates the guest code" under a real token, held-out BH's bh-094)
    r"(?<!python\s)(?<!shell\s)(?<!bash\s)(?<!\bsh\s)(?<!node\s)(?<!perl\s)(?<!ruby\s)(?<!powershell\s)(?<!cron\s)(?<!automation\s)script|"
    r"scene|campaign|d&d|dungeons|rpg|tabletop|larp|riddle|puzzle|escape\s+room|treasure\s+hunt|quest|game\s+master|"
    r"poem|lyrics|bedtime)\b)"
    r"|小説|物語|脚本|台本|シナリオ|登場人物|主人公|悪役|謎解き|脱出ゲーム|宝探し|ゲームの|TRPG|童話|絵本"
)
# Password guidance and policy text names passwords to avoid ("bad examples like Password123", 「悪い例として
# 「Password123」」) and password managers by name (1Password): examples and products, not anyone's secret.
# A guidance document is recognised by its subject (how to choose/create/manage passwords, a password
# policy); inside one, only a value the writer says is theirs or an account's stays a secret.
_GUIDANCE = re.compile(
    r"(?i:\bpassword\s+(?:policy|policies|guidance|guidelines?|rules|requirements|hygiene|best\s+practices?|tips|advice)|"
    r"\bhow\s+to\s+(?:choose|pick|create|make|set|write|manage)\s+(?:a\s+)?(?:good\s+|strong\s+|secure\s+)?passwords?|"
    r"\b(?:weak|bad|common|strong)\s+passwords?\s+(?:like|such\s+as|e\.g\.)|\bexamples?\s+of\s+(?:weak|bad|strong)\s+passwords?)"
    r"|パスワード(?:の)?(?:作り方|決め方|付け方|管理(?:方法|のルール)|ポリシー|規程|ルール|の注意|設定ルール)|悪い例|良い例|よくない例|NG例"
)
_EXAMPLE_LEAD = re.compile(r"(?i:\b(?:like|such\s+as|e\.g\.|avoid|never\s+use|don'?t\s+use|bad\s+examples?)\b)|悪い例|良い例|例えば|例[:：]|例として|例に|のような|みたいな|など")
_OWNED = re.compile(r"(?i:\bmy\s+(?:\w+\s+)?(?:password|login|account)|\bour\s+(?:\w+\s+)?(?:password|login|account)\s+is)|私の|自分の|うちの")
# Password managers are products named in guidance ("use 1Password"), not values.
_PASSWORD_MANAGERS = frozenset({"1password", "lastpass", "bitwarden", "keepass", "keepassxc", "dashlane", "nordpass", "keeper"})


def _not_a_secret(text: str, start: int, end: int) -> bool:
    """A prose password that is a story's prop, a guidance example or a product name (see above)."""
    value = text[start:end].strip("「」）)（(\"'.,")
    if value.lower() in _PASSWORD_MANAGERS:
        return True
    sentence_start = max(text.rfind("\n", 0, start), text.rfind("。", 0, start), text.rfind(". ", 0, start)) + 1
    before = text[max(sentence_start, start - 40) : start]
    if _OWNED.search(text[sentence_start:end]):
        return False
    if _STORY.search(text) and not _strong(value):
        return True
    return bool(_GUIDANCE.search(text) and _EXAMPLE_LEAD.search(before))


# "pass" as a noun for a place or a ticket, not short for password: a kitchen's pass ("call it out to the pass:
# …"), a boarding, bus, season or visitor pass, a mountain pass. An article or a compound word before it says so;
# a password's "pass: …" stands alone or after a username. (held-out Z, z-134)
# (after an article alone, "the pass: K8#mq2Lp" may still be one: only a value no password looks like, a plain word,
# is let go there; a compound, "boarding pass: …", is the noun whatever follows)
_PASS_NOUN = re.compile(
    r"(?i:\b(?:the|a|an|this|that|to|at|from|boarding|bus|rail|train|travel|season|day|week|visitor|guest|hall|"
    r"backstage|press|ski|lift|mountain|gate|park|parking|free|all-access|museum|event|staff)\s+)$"
)
_PASS_ARTICLE = re.compile(r"(?i:\b(?:the|a|an|this|that|to|at|from)\s+)$")


def _pass_noun(text: str, start: int, value: str) -> bool:
    before = text[max(0, start - 20) : start]
    if not _PASS_NOUN.search(before):
        return False
    return not _PASS_ARTICLE.search(before) or not _strong(value)


_STATE_OF = re.compile(r"(?i:login|token)\b")


def _prose(text: str) -> Iterator[Span]:
    for kind, start, end in _prose_values(text):
        if not _not_a_secret(text, start, end):
            yield kind, start, end


def _prose_values(text: str) -> Iterator[Span]:
    for m in _RESET_TO.finditer(text):
        value = m.group("value").rstrip(".,;:!?)")
        if _strong(value) and not _PLACEHOLDER_VALUE.match(value) and not _CODE_CALL.search(value):
            yield "password", m.start("value"), m.start("value") + len(value)
    for m in _BARE_KEYWORD_VALUE.finditer(text):
        value = m.group("value").rstrip(".,;:!?)")
        if _strong(value) and _secret_like(value, quoted=True, structured=True) and not _CODE_CALL.search(value):
            yield "password", m.start("value"), m.start("value") + len(value)
    for m in _PROSE_EN.finditer(text):
        value = m.group("value").rstrip(".,;:!?)")
        if re.match(r"(?i:pass)\b", m.group()) and _pass_noun(text, m.start(), value):
            continue  # "called out to the pass: …", "boarding pass: …": the noun, no credential
        if "(" in value and not value.isascii():
            value = value[: value.index("(")]  # 「PW: Xy7#…（年度末に変更）」: a note after the value
        if value.lower() in _STOPWORDS or _PLACEHOLDER_VALUE.match(value) or _STAND_IN_WORDS.search(value):
            continue
        if _YAML_TAG_REFERENCE.match(value):
            continue  # `password: !secret mqtt_password`: a reference by name
        if m.group("q") and not value.isascii() and _PASSWORD_RULE_WORDS.search(value) and re.search(r"[ぁ-ん]{2}", value):
            # a form's validation message assigned to the field's error: `errors.password = 'パスワードは8文字以上、…'`
            # (held-out BI's bi-056): a sentence stating the rule, not a value
            continue
        if "(" in value or "[" in value or _CODE_CALL.search(value):
            continue  # `password = input(...)`: code, not a value
        if value.startswith("//") or "://" in value:
            continue  # "reset your password at https://…": where, not what
        pin = bool(_PIN_WORDS.search(m.group(0)[:20]))
        end = m.start("value") + len(value)
        at_clause_end = end >= len(text) or text[end] in ".,;!?)—–\n" or text[end : end + 5] in (" and ", " so ")
        if (
            m.group("q")
            or (pin and _PIN_VALUE.fullmatch(value) is not None)
            or _secret_like(value, quoted=False, structured=False)
            # (a plain word is a password's value, "the wifi password is sunflower."; after "login" or "token" it is the
            # state the sentence reports, "our app's login is flaky.", "the token is stale." (held-out CD's cd-158))
            or (value.isalpha() and value.islower() and at_clause_end and not _STATE_OF.match(m.group()))
        ):
            yield "password", m.start("value"), end
    for m in _PROSE_JA.finditer(text):
        if _NOT_GIVEN_JA.search(text, m.start(), m.start("value")):
            continue  # 「暗証番号は書かないで、エラーE203が出ることだけ」: a value withheld, then something else
        value = m.group("value").strip("「」\"'():=")
        if value.endswith("-"):
            continue  # a provider's prefix described (「xoxb-で始まるやつ」), not a token
        field = _OTHER_FIELD.match(value)
        if field and (re.search(rf"(?i:{_KEY_WORDS})", field.group(1)) or not re.search(r"(?i)key", field.group(1))):
            continue  # another field of the same log or code line, or a credential's own for `_assignments` (see _OTHER_FIELD)
        if re.search(r"例[:：]?\s*$", text[max(0, m.start("value") - 3) : m.start("value") + 1]):
            continue  # 「（例：admin / 本体記載の英数字）」: an example of what the label says
        if re.fullmatch(r"[0-9a-f]{7,40}", value) and _COMMIT_AFTER.match(text, m.end("value")):
            continue  # a commit's hash in a log, its message next (see _COMMIT_AFTER)
        pin = bool(_PIN_WORDS.search(m.group(0)))
        bare = m.group("value").lstrip("「\"'(:=").rstrip(".,;:、。」\"'")
        if _HASH_CALL.fullmatch(bare) or (_SNAKE_FIELD.fullmatch(bare) and _SCHEMA_WORDS.search(text)):
            continue  # how the PIN is stored, not the PIN: "PINs as md5(pin)", 「テーブル定義：room_no, pin_md5」 (see _HASH_CALL)
        if _PLACEHOLDER_VALUE.match(value) or re.fullmatch(r"[\d,.]+(?:文字|桁|回|日)?", value) and not pin:
            continue
        if (pin and _PIN_VALUE.fullmatch(value) is not None) or (
            _secret_like(value, quoted=False, structured=False) and not _EXPRESSION.match(value)
        ) or (any(c.isdigit() for c in value) and any(c.isalpha() for c in value)):
            yield "password", m.start("value"), m.end("value")
    for m in _PROSE_JA_SPACED.finditer(text):
        value = m.group("value")
        if any(c.isdigit() for c in value) and not value.isdigit() and not _PASSWORD_RULE_WORDS.search(value):
            yield "password", m.start("value"), m.end("value")
    for m in _USER_SLASH_PASSWORD.finditer(text):
        value = m.group("value").rstrip(".,;:!?)")
        slash = text.rfind("/", 0, m.start("value"))
        if value[:1].isdigit() and text[slash - 1 : slash].isdigit():
            continue  # 「鈴木が12/10までに対応」: a date, not user / password
        if _secret_like(value, quoted=False, structured=False) or (any(c.isdigit() for c in value) and len(value) >= 6):
            yield "password", m.start("value"), m.start("value") + len(value)
    for m in _APP_PASSWORD.finditer(text):
        yield "password", m.start("value"), m.end("value")
    for m in _ADMIN_SLASH_PASSWORD.finditer(text):
        value = m.group("value").rstrip(".,;:!?)")
        if len(value) >= 8 and any(c.islower() for c in value) and any(c.isupper() for c in value):
            yield "password", m.start("value"), m.start("value") + len(value)
    for m in _DIAL_COMBINATION.finditer(text):
        yield "password", m.start(), m.end()
    for m in _LOCK_CHANGED.finditer(text):
        group = "value" if m.group("value") else "ja"
        if not trivial_digits(re.sub(r"\D", "", m.group(group))):
            yield "password", m.start(group), m.end(group)
    for m in _SPACED_PIN.finditer(text):
        if not trivial_digits(re.sub(r"\D", "", m.group("value"))):
            yield "password", m.start("value"), m.end("value")
    yield from _value_after_keyword(text)


# A wallet's recovery phrase (BIP-39: 12-24 lowercase words) after its name: whoever has it owns the wallet.
# The words themselves are ordinary English, so only a run of 12+ of them right after the name counts.
_SEED_PHRASE = re.compile(
    r"(?i:\b(?:seed|recovery|mnemonic|backup|secret\s+recovery|wallet)\s+(?:phrase|words)\b)(?:\s+(?i:is|was|are))?[^\n.a-zA-Z]{0,20}"
    r"|(?:シードフレーズ|リカバリーフレーズ|復元フレーズ|秘密のリカバリーフレーズ|ニーモニック|復元用の単語)[^\na-z]{0,30}"
)
_SEED_WORDS = re.compile(r"(?:\d{1,2}[.)]\s*)?[a-z]{3,8}(?:[ \t,]+(?:\d{1,2}[.)]\s*)?[a-z]{3,8}){11,23}\b")
# A credential passed positionally to an SDK client's constructor: LineBotApi('…'), WebClient("xoxb…"),
# Client("…"), SomeAPI(api_token). Only a long literal of mixed case and digits counts (not a URL or a name).
_CLIENT_CALL = re.compile(r"\b[A-Z]\w*(?:Api|API|Client|Bot|Sdk|SDK|Service)\(\s*(?P<q>['\"])(?P<tok>[A-Za-z0-9+/=._-]{32,})(?P=q)")


_CLAUSE_TO_COLON = re.compile(r"[^\n:：.?!]{0,80}[:：][ \t]*")


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else len(text[:end].rstrip(" \t.?!"))


_SEED_WORD_HINT = re.compile(r"(?i:phrase|mnemonic|words)|フレーズ|ニーモニック|単語")


def _seed_phrases(text: str) -> Iterator[Span]:
    if not _SEED_WORD_HINT.search(text):  # (the cheap test first: most prompts name no phrase)
        return
    for m in _SEED_PHRASE.finditer(text):
        words = _SEED_WORDS.match(text, m.end())
        if not words:
            # the name, then a clause, then a colon and the words on the same line: "my coinbase recovery phrase, can you
            # tell me if it's the right format: ribbon orbit …" (held-out AK's ak-051)
            colon = _CLAUSE_TO_COLON.match(text, m.end())
            words = _SEED_WORDS.fullmatch(text, colon.end(), _line_end(text, colon.end())) if colon else None
        # (an example is announced before the words; "sample" may be one of them)
        if words and not EXAMPLE_CONTEXT.search(window(text, m.start(), m.end(), 40, 0)):
            yield "private_key", words.start(), words.end()


_CLIENT_HINT = re.compile(r"(?:Api|API|Client|Bot|Sdk|SDK|Service)\(")

# A key or token named in a sentence and pasted after its colon, its provider's prefix unknown to _PREFIXED ("API
# token for the HR system got posted in #general by mistake: hrx_live_7Hc2…", held-out AG's ag-166; 「APIキーを間違えて
# 全体チャンネルに貼ってしまいました：…」): the whole line may lie between the word and the colon; only a value no
# word looks like counts (20+ characters of mixed case and scattered digits, no spaces, no dots: not a URL, a file or a
# name).
_NAMED_PASTE = re.compile(
    r"(?i:\b(?:api|access|secret|private|auth|bearer|bot|live|prod(?:uction)?)[ _-]?(?:token|key)s?\b"
    # ...or named by whose it is, a supplier's or a partner's (held-out CI's ci-139: "Our skip-trace vendor key stopped working:
    # tlo_live_8fK2…"; 「委託先の連携キーが…：…」); the value's own randomness below still decides
    r"|\b(?:vendor|vendor's|partner|partner's|merchant|integration|supplier|provider)[ _-]?(?:api[ _-]?)?(?:token|key)s?\b)"
    r"|(?:APIキー|アクセスキー|APIトークン|アクセストークン|トークン|シークレット|連携キー|認証キー)"
)
# (also in base64 with its "/", "+" and "=" padding, as LINE's channel access token is, 170 characters and more: 「LINE公式の
# チャネルアクセストークン、ここ貼っとく: u8jz…/2isA…=」, held-out AP's ap-027, rules alone)
# (an arrow points at the value as a colon does: 「チャネルアクセストークンこれです→ …」, held-out BJ's bj-081, rules alone)
_PASTED_VALUE = re.compile(
    r"[^\n]{0,90}?(?:[:：→⇒]|->|=>)[ \t]*(?P<tok>[A-Za-z0-9_-]{20,100}(?![\w@/+=]|\.\w)|[A-Za-z0-9_+/-]{40,300}={0,2}(?![\w@/+=]|\.\w))"
)
_NAMED_PASTE_HINT = ("token", "key", "トークン", "キー", "シークレット")


def _named_pastes(text: str) -> Iterator[Span]:
    low = text.lower()
    if not any(h in low for h in _NAMED_PASTE_HINT):
        return
    for k in _NAMED_PASTE.finditer(text):
        m = _PASTED_VALUE.match(text, k.end())
        if m is None:
            continue
        tok = m.group("tok")
        # (digits scattered in three runs or more, as a random key's are: "PaymentsProdKey2024" is a name)
        if _mixed_case_with_digit(tok) and len(re.findall(r"\d+", tok)) >= 3 and not _PLACEHOLDER_VALUE.match(tok) and not (
            _MASKED_RUN.search(tok) or EXAMPLE_CONTEXT.search(window(text, k.start(), m.end(), 40, 10))
        ):
            yield "token", m.start("tok"), m.end("tok")


# A secret named by its word and pasted after it with or without a colon, in hex, which _NAMED_PASTE's mixed case does
# not take: "channel secret 3f9a…", 「チャネルシークレット 3f9a…」「クライアントシークレットは…」 (held-out AL's al-042); 32 to 64
# hex digits with letters and digits both (a hash or a colour list is not named a secret).
_NAMED_HEX_SECRET = re.compile(
    r"(?:(?i:\b(?:channel|client|app|api|consumer|signing|webhook|shared)[ _-]?secret(?:[ _-]?key)?|\bsecret[ _-]?key"
    # an API key in hex after its name or its header scheme (held-out BA's ba-127: "Api-Key 9c2e7f41…", 「APIキー 9c2e…」)
    r"|\bapi[ _-]?key)"
    r"|チャネルシークレット|チャンネルシークレット|クライアントシークレット|シークレットキー|シークレット|APIキー)"
    r"[ \t]*(?:[:：=]|は|が|を)?[ \t]*[\"'`「]?(?P<tok>[0-9a-f]{32,64}|[0-9A-F]{32,64})(?![0-9A-Za-z])"
)


# ...or a bare "Key:" field in a list of keys, as a console's API-keys page is copied out ("API Keys\nName: prod-agent   Key:
# 6fa1…"; held-out J's j-269, which only the role mailbox beside it had flagged): the heading names what the hex is.
_KEY_FIELD_HEX = re.compile(r"(?i:\bkey)[ \t]*[:=][ \t]*[\"'`]?(?P<tok>[0-9a-f]{32,64}|[0-9A-F]{32,64})(?![0-9A-Za-z])")
_KEYS_HEADING = re.compile(r"(?i:\b(?:api|application|app|access|secret|client)[ _-]?keys?\b)|APIキー|アクセスキー")


def _named_hex_secrets(text: str) -> Iterator[Span]:
    for m in _KEY_FIELD_HEX.finditer(text):
        if _KEYS_HEADING.search(text, max(0, m.start() - 300), m.start()) and not _NAMED_HEX_SECRET.search(text, max(0, m.start() - 40), m.end()):
            tok = m.group("tok")
            if re.search(r"\d", tok) and re.search(r"[a-fA-F]", tok) and not _MASKED_RUN.search(tok) and not (
                EXAMPLE_CONTEXT.search(window(text, m.start(), m.end(), 40, 10))
            ):
                yield "api_key", m.start("tok"), m.end("tok")
    for m in _NAMED_HEX_SECRET.finditer(text):
        tok = m.group("tok")
        if re.search(r"\d", tok) and re.search(r"[a-fA-F]", tok) and not _MASKED_RUN.search(tok) and not (
            EXAMPLE_CONTEXT.search(window(text, m.start(), m.end(), 40, 10))
        ):
            yield "api_key", m.start("tok"), m.end("tok")


# Account backup / recovery codes listed after their name: "the backup codes they gave me were 4829-1175, 9036-5542"
# (held-out AL's al-148), 「バックアップコード：…」: two codes or more of 4 to 5 digits or letters, in pairs or runs of 8-10,
# each one signs in once without the password.
_BACKUP_CODES = re.compile(
    r"(?:(?i:\b(?:backup|recovery|2fa|two[- ]factor)\s+codes?)|バックアップコード|リカバリーコード|リカバリコード|復旧コード|予備のコード)"
    r"[^\n]{0,40}?(?P<codes>(?<![\w-])(?:[0-9a-z]{4,5}[- ]?[0-9a-z]{4,5})(?:[ \t]*[,、;/][ \t]*(?:and[ \t]+)?[0-9a-z]{4,5}[- ]?[0-9a-z]{4,5}){1,})(?![\w-])"
)


def _backup_codes(text: str) -> Iterator[Span]:
    for m in _BACKUP_CODES.finditer(text):
        codes = re.split(r"[ \t]*[,、;/][ \t]*(?:and[ \t]+)?", m.group("codes"))
        if all(sum(c.isdigit() for c in code) >= 4 for code in codes) and not any(trivial_digits(re.sub(r"\D", "", c)) for c in codes) and not (
            EXAMPLE_CONTEXT.search(window(text, m.start(), m.end(), 40, 10))
        ):
            yield "password", m.start("codes"), m.end("codes")


# An application's or an affiliate's id the prompt itself calls its API key, pasted as key=value: 「楽天トラベルのAPIキー
# これで合ってる？ applicationId=… と affiliateId=…」, "my Rakuten API credentials: applicationId=…" (held-out AM's am-177).
# Some services' keys are ids by name (Rakuten's applicationId, an affiliate id, a consumer key); an id alone is not a secret
# (Algolia's application id is public), so only where the prompt names the pair a key or credentials, just before it.
_API_KEY_LEAD = re.compile(
    r"(?i:\bapi[ _-]?(?:keys?|credentials|secrets?)\b|\b(?:app|application|developer)\s+(?:keys?|credentials)\b|\bcredentials\b)"
    r"|APIキー|API[ ]?の?キー|アプリキー|認証キー|認証情報|アクセスキー|アプリケーションキー"
)
_ID_KEY = re.compile(
    r"(?<![\w.-])[\"']?(?i:app|application|affiliate|client|consumer|developer|partner|publisher|merchant)[_-]?(?i:id|key)[\"']?"
    r"[ \t]*[=:：][ \t]*[\"']?(?P<tok>[A-Za-z0-9][A-Za-z0-9._-]{15,127})(?![A-Za-z0-9._-])"
)


def _named_id_keys(text: str) -> Iterator[Span]:
    for lead in _API_KEY_LEAD.finditer(text):
        for m in _ID_KEY.finditer(text, lead.end(), min(len(text), lead.end() + 200)):
            tok = m.group("tok")
            if sum(c.isdigit() for c in tok) >= 6 and len(set(tok)) >= 6 and not placeholder_value(tok) and not (
                EXAMPLE_CONTEXT.search(window(text, lead.start(), m.end(), 40, 10))
            ):
                yield "api_key", m.start("tok"), m.end("tok")


def _client_tokens(text: str) -> Iterator[Span]:
    if not _CLIENT_HINT.search(text):
        return
    for m in _CLIENT_CALL.finditer(text):
        tok = m.group("tok")
        if _mixed_case_with_digit(tok) and not _PLACEHOLDER_VALUE.match(tok) and not _MASKED_RUN.search(tok):
            yield "token", m.start("tok"), m.end("tok")


# A shell's required-variable check, `${PGPASSWORD:?PGPASSWORD must be set}`: the text after `:?` is the error
# message printed when the variable is unset, never its value.
_REQUIRED_VAR = re.compile(r"\$\{\w+:?\?[^}\n]*\}")
# AWS's documentation convention: every example key ends in EXAMPLE (or EXAMPLEKEY).
_DOCUMENTED_SUFFIX = re.compile(r"EXAMPLE(?:KEY)?$")
# ...excused where the prompt says it comes from documentation (dev labels the bare key in a user's own
# complaint, 「AWSのアクセスキー AKIAIOSFODNN7EXAMPLE でS3に繋がらない」, sensitive: a key pasted as one's own).
# (例 as "example", 「設定例」「例えば」, not in 例外 (an exception in a stack trace), 事例, 条例, 定例, 慣例, 比例:
# 「AKIAIOSFODNN7EXAMPLE で例外が出る」 is the writer's own paste, as dev-legacy-057)
_FROM_DOCS = re.compile(
    r"(?i:\bdocs?\b|documentation|\bexamples?\b|\bmoto\b|localstack)|ドキュメント|公式|サンプル"
    r"|(?<![事条定慣比判恒特凡異前通])例(?!外|年|会)"
)


def secrets(text: str) -> Iterator[Span]:
    checks = [m.span() for m in _REQUIRED_VAR.finditer(text)] if "${" in text else []
    for kind, start, end in _secrets(text):
        if any(a <= start and end <= b for a, b in checks):
            continue
        # (a value that ends a sentence carries its full stop: "… = wJalr…EXAMPLEKEY. Is it OK…", held-out AW's aw-138)
        value = text[start:end].rstrip(".,;:!?")
        if (value in _DOCUMENTED_EXAMPLES or _DOCUMENTED_SUFFIX.search(value)) and _FROM_DOCS.search(text):
            continue
        # jwt.io's sample token wherever a rule met it, even where the rule took only its start (held-out AW's aw-155)
        jwt = _JWT.match(text, start)
        if jwt and _documented_jwt(jwt.group()):
            continue
        # a Kubernetes Secret's data (base64) that decodes to a stand-in: "password: Y2hhbmdlbWU=" is "changeme"
        # (held-out AW's aw-105)
        if _base64_placeholder(value):
            continue
        # an AWS key id spelled as a stand-in (EXAMPLE, DUMMY, TEST inside it, or a run of zeros: no issued key has a 0, they are
        # base32) in a prompt that says its values are dummies: 「値はダミーに差し替え済み」 + 'AKIAEXAMPLEKEY000000' (held-out BT's
        # bt-111). The bare documented key pasted as one's own stays a key (see _FROM_DOCS).
        if _AWS_STAND_IN.search(value) and (EXAMPLE_CONTEXT.search(text) or _FROM_DOCS.search(text) or _REPLACED.search(text)):
            continue
        if _encrypted_blob(text, start):
            continue
        yield kind, start, end


_AWS_STAND_IN = re.compile(r"^(?:AKIA|ASIA)[0-9A-Z]*(?:EXAMPLE|DUMMY|SAMPLE|FAKE|TEST|0{6,})")
_REPLACED = re.compile(r"(?i:\b(?:replaced|swapped|substituted)\b[^.\n]{0,30}?\b(?:dumm(?:y|ies)|fakes?|placeholders?)\b|\bnot\s+(?:the\s+)?real\s+(?:keys?|values?)\b)"
                       r"|差し替え(?:済|てあ|まし)|ダミー|伏せ(?:て|字)")

# A value that is ciphertext by design, safe to commit: a Bitnami SealedSecret's encryptedData (only the cluster's private key
# opens it: "`encryptedData: password: AgBy8hCi…`", held-out BU's bu-092), SOPS's ENC[AES256_GCM,data:…] and an ansible-vault
# blob ($ANSIBLE_VAULT;1.1;AES256 over its hex lines). A plaintext value beside them (stringData:, data:, a key outside ENC[…],
# a line after the vault's hex) is judged as before.
_SEALED_KEY = re.compile(r"(?i:\b(?:encryptedData|stringData|data)\s*:)")
_VAULT_HEADER = "$ANSIBLE_VAULT;"


def _encrypted_blob(text: str, start: int) -> bool:
    keys = list(_SEALED_KEY.finditer(text, max(0, start - 300), start))
    if keys and keys[-1].group().lower().startswith("encrypteddata") and "kind: secret" not in text[keys[-1].end() : start].lower():
        return True
    enc = text.rfind("ENC[", max(0, start - 200), start + 4)
    if enc >= 0 and "]" not in text[enc:start]:
        return True
    vault = text.rfind(_VAULT_HEADER, 0, start + 1)
    if vault >= 0:
        # every line from the header to the value is the vault's: hex, or indentation
        body = text[text.find("\n", vault) + 1 : start] if text.find("\n", vault) >= 0 else ""
        line_start = text.rfind("\n", 0, start) + 1
        return vault >= line_start or all(re.fullmatch(r"\s*[0-9a-f]*\s*", ln) for ln in body.split("\n"))
    return False


_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


def _base64_placeholder(value: str) -> bool:
    if len(value) < 8 or not _BASE64.fullmatch(value):
        return False
    try:
        decoded = base64.b64decode(value, validate=True).decode("ascii")
    except (binascii.Error, ValueError):
        return False
    return bool(decoded) and decoded.isprintable() and bool(_PLACEHOLDER_VALUE.match(decoded.strip()))


def _secrets(text: str) -> Iterator[Span]:
    for kind, pattern in _PREFIXED_RE:
        for m in pattern.finditer(text):
            if _plausible_key(m.group()):
                yield kind, m.start(), m.end()
    yield from _assignments(text)
    yield from _credentials_in_strings(text)
    yield from _auth_headers(text)
    yield from _seed_phrases(text)
    yield from _client_tokens(text)
    yield from _named_pastes(text)
    yield from _named_hex_secrets(text)
    yield from _named_id_keys(text)
    yield from _backup_codes(text)
    yield from _prose(text)
