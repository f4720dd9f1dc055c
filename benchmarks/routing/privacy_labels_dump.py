"""Per row of an explicit file list, the labels of the rules alone and as shipped (session 15).

Run with a checkout's own venv to compare two checkouts row by row (`privacy_labels_compare.py`):

    python benchmarks/routing/privacy_labels_dump.py OUT.json FILES...          # rules and as shipped
    python benchmarks/routing/privacy_labels_dump.py --rules-only OUT.json FILES...  # privacy.labels per row (a list)

`--rules-only` writes the plain list `privacy_long_loso.py report --today` reads.
"""

import json
import sys
from pathlib import Path

from kakehashi.routing import privacy

rules_only = sys.argv[1] == "--rules-only"
args = sys.argv[2:] if rules_only else sys.argv[1:]
out = []
for f in args[1:]:
    for line in Path(f).read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rules = privacy.labels(privacy.scan(r["text"]))
            if rules_only:
                out.append(rules)
                continue
            out.append({"file": f.split("/")[-1], "id": r["id"], "sensitive": r["sensitive"], "rules": rules,
                        "shipped": privacy.labels(privacy.scan(r["text"], learned=True))})
Path(args[0]).write_text(json.dumps(out), encoding="utf-8")
