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
    a.n_kv = 3
    a.generated.append(42)  # a is decoding now
    long = seq(2, 20)
    s.add(long)
    plan = s.schedule()
    assert plan.decode == [a]
    assert plan.prefill == [(long, 7)]  # budget 8 minus a's decode token
    assert plan.n_tokens == 8
    long.n_kv += 7
    plan = s.schedule()
    assert plan.decode == [a] and plan.prefill == [(long, 7)]


def test_finish_and_abort_free_slots_for_waiting() -> None:
    s = Scheduler(n_slots=1, token_budget=16)
    first, second = seq(1, 2), seq(2, 2)
    s.add(first)
    s.add(second)
    s.schedule()
    slot = first.slot
    assert s.abort(1) == [first]
    s.schedule()
    assert s.running == [second] and second.slot == slot
    assert s.abort(99) == []


def test_abort_waiting_sequence() -> None:
    s = Scheduler(n_slots=1, token_budget=16)
    s.add(seq(1, 2))
    s.add(seq(2, 2))
    s.schedule()
    [removed] = s.abort(2)
    assert removed.slot == -1
    assert not s.waiting


def test_kv_tokens_track_positions() -> None:
    q = seq(1, 5)
    assert q.kv_tokens() == []
    q.n_kv = 5
    q.generated += [7, 8]
    assert q.kv_tokens() == [0, 1, 2, 3, 4]  # 7 was sampled but not decoded yet
    q.n_kv = 6
    assert q.kv_tokens() == [0, 1, 2, 3, 4, 7]


def test_prefix_cache_picks_the_slot_sharing_the_longest_prefix() -> None:
    s = Scheduler(n_slots=3, token_budget=64)
    a = Sequence(request_id=1, prompt=[1, 2, 3, 4, 5], max_new_tokens=4)
    b = Sequence(request_id=2, prompt=[9, 9, 9], max_new_tokens=4)
    s.add(a)
    s.add(b)
    s.schedule()
    a.n_kv, b.n_kv = 5, 3
    a.generated.append(42)
    a.n_kv = 6  # 42 decoded too
    s.finish(a)
    s.finish(b)
    again = Sequence(request_id=3, prompt=[1, 2, 3, 4, 5, 42, 6], max_new_tokens=4)
    s.add(again)
    plan = s.schedule()
    assert again.slot == a.slot
    assert again.n_reused == 6 and again.n_kv == 6
    assert plan.admitted == [again]
    assert plan.prefill == [(again, 1)]  # only the new token is computed


def test_identical_prompt_recomputes_its_last_token() -> None:
    s = Scheduler(n_slots=1, token_budget=64)
    first = Sequence(request_id=1, prompt=[1, 2, 3], max_new_tokens=4)
    s.add(first)
    s.schedule()
    first.n_kv = 3
    s.finish(first)
    same = Sequence(request_id=2, prompt=[1, 2, 3], max_new_tokens=4)
    s.add(same)
    plan = s.schedule()
    assert same.n_reused == 2  # the last prompt token must run again to produce logits
    assert plan.prefill == [(same, 1)]


def test_followers_share_the_leaders_prefill() -> None:
    s = Scheduler(n_slots=3, token_budget=16)
    lead = seq(1, 4)
    followers = [seq(2, 4), seq(3, 4)]
    for f in followers:
        f.leader = lead
    lead.followers = followers
    s.add(lead)
    plan = s.schedule()
    assert set(plan.admitted) == {lead, *followers}
    assert len({lead.slot, *(f.slot for f in followers)}) == 3
    assert plan.prefill == [(lead, 4)] and plan.decode == []  # only the leader computes the prompt
    assert s.abort(1) == [lead, *followers] and not s.running


def test_group_waits_until_enough_slots_are_free() -> None:
    s = Scheduler(n_slots=2, token_budget=16)
    s.add(seq(9, 2))
    s.schedule()
    lead = seq(1, 4)
    lead.followers = [seq(2, 4), seq(3, 4)]
    for f in lead.followers:
        f.leader = lead
    s.add(lead)
    assert s.schedule().admitted == [] and s.waiting[0] is lead
