from kakehashi.engine.scheduler import Scheduler, Sequence


def seq(rid: int, n_prompt: int) -> Sequence:
    return Sequence(request_id=rid, prompt=list(range(n_prompt)), max_new_tokens=10)


def test_admits_up_to_slots_and_queues_the_rest() -> None:
    s = Scheduler(n_slots=2, token_budget=64)
    for i in range(3):
        s.add(seq(i, 4))
    plan = s.schedule()
    assert [q.request_id for q in s.running] == [0, 1]
    assert [q.request_id for q in s.waiting] == [2]
    assert [(q.request_id, n) for q, n in plan.prefill] == [(0, 4), (1, 4)]
    assert plan.decode == []


def test_decoders_always_get_a_token_and_prefill_is_chunked() -> None:
    s = Scheduler(n_slots=4, token_budget=8)
    a = seq(1, 3)
    s.add(a)
    s.schedule()
    a.n_prefilled = 3
    a.generated.append(42)  # a is decoding now
    long = seq(2, 20)
    s.add(long)
    plan = s.schedule()
    assert plan.decode == [a]
    assert plan.prefill == [(long, 7)]  # budget 8 minus a's decode token
    assert plan.n_tokens == 8
    long.n_prefilled += 7
    plan = s.schedule()
    assert plan.decode == [a] and plan.prefill == [(long, 7)]


def test_finish_and_abort_free_slots_for_waiting() -> None:
    s = Scheduler(n_slots=1, token_budget=16)
    first, second = seq(1, 2), seq(2, 2)
    s.add(first)
    s.add(second)
    s.schedule()
    slot = first.slot
    assert s.abort(1) is first
    s.schedule()
    assert s.running == [second] and second.slot == slot
    assert s.abort(99) is None


def test_abort_waiting_sequence() -> None:
    s = Scheduler(n_slots=1, token_budget=16)
    s.add(seq(1, 2))
    s.add(seq(2, 2))
    s.schedule()
    removed = s.abort(2)
    assert removed is not None and removed.slot == -1
    assert not s.waiting


def test_n_past_tracks_kv_positions() -> None:
    q = seq(1, 5)
    assert q.n_past == 0
    q.n_prefilled = 5
    q.generated.append(7)
    assert q.n_past == 5  # the sampled token goes at position 5
