"""`kakehashi route`: explain one routing decision, or evaluate the router on a labelled file.

Both commands print JSON (for people and scripts alike). They run on `default_policy()` unless a
caller passes another `RoutingPolicy` to `explain()` / `evaluate()`: that is the hook for a
`--config` option once config parsing exists.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Annotated, Any

import typer

from kakehashi.errors import KakehashiError
from kakehashi.routing import complexity, privacy
from kakehashi.routing.policy import (
    BudgetStatus,
    ComplexityModelName,
    RouteTarget,
    RoutingPolicy,
    complexity_score,
    decide,
)

app = typer.Typer(help="Explain and evaluate local/cloud routing decisions.", no_args_is_help=True)

# Placeholders used when no configuration is given: the embedded default model and a cloud model.
DEFAULT_LOCAL = RouteTarget("embedded", "smollm2-135m-instruct", "local")
DEFAULT_CLOUD = RouteTarget("cloud", "gpt-4o-mini", "cloud")


def default_policy(
    threshold: float | None = None, complexity_model: ComplexityModelName = "lexical"
) -> RoutingPolicy:
    """The policy the CLI uses without a config: embedded local, one cloud, each the other's fallback."""
    return RoutingPolicy(
        local=DEFAULT_LOCAL,
        cloud=DEFAULT_CLOUD,
        threshold=threshold,  # type: ignore[arg-type]  # None = the scorer's own
        complexity_model=complexity_model,
        fallbacks={DEFAULT_LOCAL.backend: (DEFAULT_CLOUD,), DEFAULT_CLOUD.backend: (DEFAULT_LOCAL,)},
        models={DEFAULT_LOCAL.model: DEFAULT_LOCAL, DEFAULT_CLOUD.model: DEFAULT_CLOUD},
    )


def explain(
    prompt: str, policy: RoutingPolicy, model: str = "auto", budget: BudgetStatus | None = None
) -> dict[str, Any]:
    """The decision for one user prompt, with the complexity score and (masked) privacy findings.

    Every finding names its category (secret, national_id, health, ...), its kind and its span
    [start, end) in `prompt`; the raw value is never printed, only a masked copy. `privacy_cleared` lists
    what the rules found but the learned model cleared (soft kinds only: privacy_clear), in the same form.
    """
    messages = [{"role": "user", "content": prompt}]
    clear = policy.privacy_learned and policy.privacy_clear
    findings = privacy.scan(prompt, learned=policy.privacy_learned, clear=clear)
    # Nothing left after clearing: the rules alone say what was cleared (when rules find anything, the
    # learned model adds nothing, so their findings are exactly the cleared ones).
    cleared = privacy.scan(prompt) if clear and not findings else []
    result: dict[str, Any] = {
        "model": model,
        "threshold": policy.threshold,
        "complexity_model": policy.complexity_model,
        "complexity": round(complexity_score(messages, policy.complexity_model), 4),
        "privacy_categories": privacy.categories(findings),
        "privacy_findings": [
            {"category": f.category, "kind": f.kind, "span": list(f.span), "masked": f.masked}
            for f in findings
        ],
        "privacy_cleared": [
            {"category": f.category, "kind": f.kind, "span": list(f.span), "masked": f.masked}
            for f in cleared
        ],
    }
    try:
        result["decision"] = asdict(decide(model, messages, policy, budget or BudgetStatus()))
    except KakehashiError as exc:
        result["error"] = {"type": exc.type, "code": exc.code, "message": exc.message}
    return result


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve (Mann-Whitney, ties count half); None when one class is missing."""
    pairs = sorted(zip(scores, labels, strict=True))
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    rank_sum = 0.0
    i = 0
    while i < len(pairs):  # average ranks over tied scores
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mean_rank = (i + 1 + j) / 2
        rank_sum += mean_rank * sum(label for _, label in pairs[i:j])
        i = j
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def evaluate(
    rows: Sequence[dict[str, Any]], policy: RoutingPolicy, *, unlabelled_as_nonsensitive: bool = False
) -> dict[str, Any]:
    """Routing quality on labelled rows (`prompt`, `label`, optional `sensitive`, `lang`, `category`).

    Complexity figures (AUC, accuracy at `policy.threshold`; "cloud" = positive) are computed over
    the rows the shipped model was NOT trained on ("out_of_sample"). Rows it was trained on are
    reported apart under "in_sample" (they say nothing about new prompts), and the trainer's
    grouped cross-validation figures are printed as "shipped_model_grouped_cv".
    Privacy recall / false-positive rate use rows that carry `sensitive`; rows without it are left
    out of both unless `unlabelled_as_nonsensitive` (then they count as non-sensitive), and
    `privacy_flagged_unlabelled` counts scan hits among them either way.
    Decision time is `decide(model="auto")`: complexity, privacy scan and policy together.
    """
    # Both scorers are fitted on the same trainable rows, so the lexical manifest lists them for either.
    trained_on, grouped_cv = complexity.training_manifest()
    if policy.complexity_model == "embedding":
        from kakehashi.routing import complexity_e5

        grouped_cv = complexity_e5.grouped_cv_summary()
    samples: dict[str, list[tuple[int, float, dict[str, Any]]]] = {"out_of_sample": [], "in_sample": []}
    times_ms: list[float] = []
    sensitive_hits = sensitive_total = clean_hits = clean_total = flagged_unlabelled = 0
    for row in rows:
        messages = [{"role": "user", "content": row["prompt"]}]
        start = time.perf_counter()
        decision = decide("auto", messages, policy)
        times_ms.append((time.perf_counter() - start) * 1000)
        score = (
            decision.complexity
            if decision.complexity is not None
            else complexity_score(messages, policy.complexity_model)
        )
        seen = complexity.prompt_digest(complexity.prompt_text(messages)) in trained_on
        samples["in_sample" if seen else "out_of_sample"].append((int(row["label"] == "cloud"), score, row))
        flagged = bool(privacy.scan(
            row["prompt"], learned=policy.privacy_learned, clear=policy.privacy_learned and policy.privacy_clear
        ))
        sensitive = row.get("sensitive")
        if sensitive is None:
            flagged_unlabelled += flagged
            if not unlabelled_as_nonsensitive:
                continue
            sensitive = False
        if sensitive:
            sensitive_total += 1
            sensitive_hits += flagged
        else:
            clean_total += 1
            clean_hits += flagged

    def ratio(hits: int, total: int) -> float | None:
        return round(hits / total, 4) if total else None

    def auc(ys: list[int], ss: list[float]) -> float | None:
        value = roc_auc(ys, ss)
        return None if value is None else round(value, 4)

    def figures(items: list[tuple[int, float, dict[str, Any]]]) -> dict[str, Any]:
        ys = [y for y, _, _ in items]
        ss = [s for _, s, _ in items]
        correct = sum((s >= policy.threshold) == bool(y) for y, s in zip(ys, ss, strict=True))
        out: dict[str, Any] = {
            "n": len(items),
            "auc": auc(ys, ss),
            "accuracy": round(correct / len(items), 4) if items else None,
        }
        for key, field_name in (("lang", "lang"), ("category_prefix", "category")):
            by: dict[str, tuple[list[int], list[float]]] = {}
            for y, s, row in items:
                if field_name in row:
                    ys_, ss_ = by.setdefault(str(row[field_name]).split("/", 1)[0], ([], []))
                    ys_.append(y)
                    ss_.append(s)
            if by:
                out[f"auc_by_{key}"] = {v: auc(a, b) for v, (a, b) in sorted(by.items())}
                out[f"n_by_{key}"] = {v: len(a) for v, (a, _) in sorted(by.items())}
        return out

    times_ms.sort()
    unseen = figures(samples["out_of_sample"])
    result: dict[str, Any] = {
        "n": len(rows),
        "threshold": policy.threshold,
        "complexity_model": policy.complexity_model,
        "out_of_sample_n": unseen.pop("n"),
        **unseen,
        "in_sample": {
            "note": "rows the shipped complexity model was trained on: not an estimate for new prompts",
            **figures(samples["in_sample"]),
        },
        "shipped_model_grouped_cv": grouped_cv,
        "sensitive_n": sensitive_total,
        "sensitive_recall": ratio(sensitive_hits, sensitive_total),
        "nonsensitive_n": clean_total,
        "sensitive_false_positive_rate": ratio(clean_hits, clean_total),
        "privacy_flagged_unlabelled": flagged_unlabelled,
        "p50_decision_ms": round(statistics.median(times_ms), 4) if times_ms else None,
        "p99_decision_ms": round(times_ms[min(len(times_ms) - 1, int(len(times_ms) * 0.99))], 4)
        if times_ms
        else None,
    }
    return result


def read_rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row, dict) or "prompt" not in row or row.get("label") not in ("local", "cloud"):
            raise typer.BadParameter(f"{path}:{number}: each line needs 'prompt' and 'label' (local|cloud)")
        rows.append(row)
    return rows


def _policy(
    config: Path | None, threshold: float | None, complexity_model: ComplexityModelName | None = None
) -> RoutingPolicy:
    """The configured policy when a kakehashi.toml is given, else the placeholder one."""
    if config is None:
        return default_policy(threshold, complexity_model or "lexical")
    from kakehashi.config import ConfigError, load_config
    from kakehashi.routing.from_config import policy_from_config

    try:
        policy = policy_from_config(load_config(config))
    except ConfigError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(2) from e
    if complexity_model is not None and complexity_model != policy.complexity_model:
        policy = replace(policy, complexity_model=complexity_model, threshold=threshold)  # type: ignore[arg-type]
    return policy if threshold is None else replace(policy, threshold=threshold)


def _scorer(name: str | None) -> ComplexityModelName | None:
    if name not in (None, "lexical", "embedding"):
        raise typer.BadParameter("--complexity-model must be lexical or embedding")
    return name  # type: ignore[return-value]


# Options `explain` and `eval` share.
ThresholdOption = Annotated[float | None, typer.Option(help="Complexity threshold (default: the model's).")]
ComplexityModelOption = Annotated[
    str | None, typer.Option(help="Complexity scorer: lexical (default, fast) or embedding (multilingual-e5-small).")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", envvar="KAKEHASHI_CONFIG", help="kakehashi.toml whose routing to use."),
]


def _print_json(data: dict[str, Any]) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command("explain")
def explain_command(
    prompt: Annotated[str, typer.Argument(help="The user message to route.")],
    threshold: ThresholdOption = None,
    model: Annotated[str, typer.Option(help="Requested model: auto, local, cloud or a model name.")] = "auto",
    budget_exceeded: Annotated[
        bool, typer.Option(help="Pretend the daily global budget is reached.")
    ] = False,
    complexity_model: ComplexityModelOption = None,
    config: ConfigOption = None,
) -> None:
    """Show where PROMPT would go and why (JSON)."""
    policy = _policy(config, threshold, _scorer(complexity_model))
    budget = BudgetStatus(daily_global=budget_exceeded)
    _print_json(explain(prompt, policy, model, budget))


@app.command("eval")
def eval_command(
    file: Annotated[
        Path,
        typer.Argument(
            exists=True, dir_okay=False, help="JSONL: prompt, label[, sensitive, lang, category]."
        ),
    ],
    threshold: ThresholdOption = None,
    unlabelled_as_nonsensitive: Annotated[
        bool,
        typer.Option(help="Count rows without 'sensitive' as non-sensitive for the false-positive rate."),
    ] = False,
    complexity_model: ComplexityModelOption = None,
    config: ConfigOption = None,
) -> None:
    """AUC/accuracy on rows the model never saw (in-sample rows apart), privacy recall, decision p50/p99 (JSON)."""
    policy = _policy(config, threshold, _scorer(complexity_model))
    _print_json(evaluate(read_rows(file), policy, unlabelled_as_nonsensitive=unlabelled_as_nonsensitive))


@app.command("privacy-eval")
def privacy_eval_command(
    files: Annotated[
        list[Path],
        typer.Argument(exists=True, dir_okay=False, help="JSONL: text, sensitive, categories[, lang, id]."),
    ],
    markdown: Annotated[bool, typer.Option(help="Print the per-category table as Markdown.")] = False,
    learned: Annotated[
        bool,
        typer.Option(help="Rules OR the learned second opinion (privacy/learned.py), as the gateway's "
                     "default privacy_learned = true; --no-learned: the rules alone."),
    ] = True,
    clear: Annotated[
        bool,
        typer.Option(help="With the learned model, let it clear a flag of soft kinds only, as the gateway's "
                     "default privacy_clear = true; --no-clear: it only adds flags."),
    ] = True,
) -> None:
    """Privacy recall and false-positive rate, overall, per category and per language (JSON)."""
    from kakehashi.routing.evaluation import evaluate_privacy, markdown_table

    rows: list[dict[str, Any]] = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row, dict) or "text" not in row or not isinstance(row.get("sensitive"), bool):
                raise typer.BadParameter(
                    f"{file}:{number}: each line needs 'text' and 'sensitive' (true|false)"
                )
            rows.append(row)
    result = evaluate_privacy(rows, learned=learned, clear=learned and clear)
    if markdown:
        typer.echo("\n".join(markdown_table(result)))
    else:
        _print_json(result)


__all__ = ["app", "default_policy", "evaluate", "explain", "roc_auc"]
