"""Replica choice (pure logic): least outstanding, rotation on ties, rendezvous affinity, draining."""

from __future__ import annotations

from kakehashi.backends.openai_compat import OpenAICompatBackend
from kakehashi.backends.replicas import ReplicaSetBackend, rendezvous_order
from kakehashi.types import ChatRequest

URLS = ["http://10.0.0.1:8000/v1", "http://10.0.0.2:8000/v1", "http://10.0.0.3:8000/v1"]


def _set(**kw: object) -> ReplicaSetBackend:
    backends = [OpenAICompatBackend("vllm", u, models=["m"], kind="local") for u in URLS]
    return ReplicaSetBackend("vllm", backends, URLS, kind="local", models=["m"], **kw)  # type: ignore[arg-type]


def _req(text: str) -> ChatRequest:
    return ChatRequest(model="m", messages=[{"role": "user", "content": text}])


def test_least_outstanding_wins_and_ties_rotate() -> None:
    rs = _set()
    rs.replicas[0].outstanding, rs.replicas[1].outstanding, rs.replicas[2].outstanding = 3, 1, 2
    assert rs.candidates(_req("x"), set())[0].url == URLS[1]
    for r in rs.replicas:
        r.outstanding = 0
    firsts = {rs.candidates(_req("x"), set())[0].url for _ in range(3)}
    assert firsts == set(URLS)


def test_draining_and_excluded_replicas_get_nothing() -> None:
    rs = _set(draining=[URLS[0]])
    for _ in range(6):
        assert URLS[0] not in [r.url for r in rs.candidates(_req("x"), set())]
    assert [r.url for r in rs.candidates(_req("x"), {URLS[1]})] == [URLS[2]]
    rs.drain(URLS[0], False)
    assert URLS[0] in [r.url for r in rs.candidates(_req("x"), set())]


def test_affinity_keeps_a_prefix_on_one_replica_until_it_is_overloaded() -> None:
    rs = _set(affinity_prefix_chars=32, affinity_max_skew=2)
    prompt = "社内規程の要約: 第1条から第3条まで " * 4
    chosen = {rs.candidates(_req(prompt + str(i)), set())[0].url for i in range(5)}  # same 32-char start
    assert len(chosen) == 1
    (home,) = chosen
    busy = next(r for r in rs.replicas if r.url == home)
    busy.outstanding = 3  # > least (0) + skew (2): load wins over affinity
    assert rs.candidates(_req(prompt), set())[0].url != home


def test_rendezvous_moves_only_the_removed_replicas_keys() -> None:
    keys = [f"prefix-{i}" for i in range(200)]
    before = {k: rendezvous_order(k, URLS)[0] for k in keys}
    after = {k: rendezvous_order(k, URLS[:2])[0] for k in keys}
    moved = [k for k in keys if before[k] != after[k]]
    assert moved and all(before[k] == URLS[2] for k in moved)
    assert 40 < sum(1 for v in before.values() if v == URLS[0]) < 95  # roughly a third each
