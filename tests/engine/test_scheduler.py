from kakehashi.engine.host_cache import HostPromptCache
from kakehashi.engine.scheduler import MIN_PREFILL_CHUNK, Scheduler, Sequence


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


# ---------------------------------------------------------------- prefix sharing across requests
SYSTEM = list(range(1000, 1300))  # a 300-token shared prefix (well above the copy threshold)


def chat(rid: int, question: list[int]) -> Sequence:
    return Sequence(request_id=rid, prompt=SYSTEM + question, max_new_tokens=8)


def computed(q: Sequence, n: int) -> None:
    """What the engine does after a decode that fed n prompt tokens of q."""
    q.n_kv += n


def test_concurrent_requests_wait_for_one_prefill_of_the_shared_prefix() -> None:
    s = Scheduler(n_slots=4, token_budget=128)
    first, second, third = chat(1, [1, 2]), chat(2, [3]), chat(3, [4, 5, 6])
    for q in (first, second, third):
        s.add(q)
    plan = s.schedule()
    # Only the first computes: the others hold their slots and wait for its prefix.
    assert plan.prefill == [(first, 128)]
    assert second.prefix_src is first and third.prefix_src is first
    assert second.prefix_len == third.prefix_len == len(SYSTEM)
    assert {op.keep for op in plan.kv_ops} == {0} and all(op.src_slot < 0 for op in plan.kv_ops)
    computed(first, 128)
    plan = s.schedule()
    assert plan.prefill == [(first, 128)] and not plan.kv_ops  # 256 < 300: still waiting
    computed(first, 128)
    plan = s.schedule()  # 256 + 46 would cover it, but the copy needs the cells computed first
    assert plan.prefill == [(first, len(first.prompt) - 256)]
    computed(first, len(first.prompt) - 256)
    plan = s.schedule()
    copies = [(op.seq, op.src_slot, op.keep) for op in plan.kv_ops]
    assert copies == [(second, first.slot, 300), (third, first.slot, 300)]
    assert second.n_kv == second.n_reused == 300 and second.prefix_src is None
    assert plan.prefill == [(second, 1), (third, 3)]  # only their questions are computed
    assert (s.hits, s.tokens_reused, s.copies) == (2, 600, 2)


def test_a_prefix_already_in_a_running_slot_is_copied_at_once() -> None:
    s = Scheduler(n_slots=2, token_budget=512)
    first = chat(1, [1, 2])
    s.add(first)
    s.schedule()
    computed(first, len(first.prompt))
    first.generated.append(7)  # decoding now
    later = chat(2, [9])
    s.add(later)
    plan = s.schedule()
    assert [(op.seq, op.src_slot, op.keep) for op in plan.kv_ops] == [(later, first.slot, 300)]
    assert later.slot != first.slot and later.n_kv == 300
    assert plan.decode == [first] and plan.prefill == [(later, 1)]


def test_prompts_diverging_mid_prefix_share_only_the_common_part() -> None:
    s = Scheduler(n_slots=2, token_budget=512)
    first = chat(1, [1])
    s.add(first)
    s.schedule()
    computed(first, len(first.prompt))
    other = Sequence(request_id=2, prompt=SYSTEM[:200] + [5] * 150, max_new_tokens=4)
    s.add(other)
    plan = s.schedule()
    assert [(op.src_slot, op.keep) for op in plan.kv_ops] == [(first.slot, 200)]
    assert plan.prefill == [(other, 150)]


def test_a_short_shared_prefix_is_prefilled_rather_than_copied() -> None:
    s = Scheduler(n_slots=2, token_budget=512, min_copy_tokens=64)
    first = Sequence(request_id=1, prompt=list(range(40)) + [1], max_new_tokens=4)
    s.add(first)
    s.schedule()
    computed(first, 41)
    second = Sequence(request_id=2, prompt=list(range(40)) + [2], max_new_tokens=4)
    s.add(second)
    plan = s.schedule()
    assert all(op.src_slot < 0 for op in plan.kv_ops) and second.n_kv == 0
    assert s.copies == 0


def test_when_the_source_is_aborted_the_waiter_copies_what_it_left_or_prefills() -> None:
    s = Scheduler(n_slots=3, token_budget=128)
    first, second = chat(1, [1]), chat(2, [2])
    s.add(first)
    s.add(second)
    s.schedule()
    computed(first, 128)
    s.abort(1)  # client gone after 128 of the 300 shared tokens
    plan = s.schedule()
    # 128 tokens of the prefix sit in the freed slot: copied (>= the copy threshold), the rest prefilled.
    assert [(op.seq, op.src_slot, op.keep) for op in plan.kv_ops] == [(second, first.slot, 128)]
    assert plan.prefill == [(second, 128)] and second.n_kv == 128

    s2 = Scheduler(n_slots=2, token_budget=128)
    a, b = chat(1, [1]), chat(2, [2])
    s2.add(a)
    s2.add(b)
    s2.schedule()
    s2.abort(1)  # nothing computed yet
    plan = s2.schedule()
    assert not plan.kv_ops and plan.prefill == [(b, 128)] and b.n_kv == 0


def test_source_finishing_before_the_copy_leaves_its_cells_in_its_free_slot() -> None:
    s = Scheduler(n_slots=3, token_budget=512)
    first, second = chat(1, [1]), chat(2, [2])
    s.add(first)
    s.add(second)
    s.schedule()
    computed(first, len(first.prompt))
    s.finish(first)  # e.g. max_tokens=1: done in the step that finished its prompt
    plan = s.schedule()
    assert [(op.seq, op.src_slot, op.keep) for op in plan.kv_ops] == [(second, first.slot, 300)]


def test_running_sequences_are_never_evicted() -> None:
    s = Scheduler(n_slots=2, token_budget=512)
    first = chat(1, [1])
    s.add(first)
    s.schedule()
    computed(first, len(first.prompt))
    s.add(chat(2, [2]))
    s.add(chat(3, [3]))
    plan = s.schedule()
    assert len(plan.admitted) == 1 and len(s.waiting) == 1
    assert all(op.seq.slot != first.slot for op in plan.kv_ops)


def test_slot_and_off_modes() -> None:
    for mode, reused in (("slot", 300), ("off", 0)):
        s = Scheduler(n_slots=2, token_budget=512, prefix_cache=mode)
        first = chat(1, [1])
        s.add(first)
        s.schedule()
        computed(first, len(first.prompt))
        s.add(chat(2, [2]))
        s.schedule()
        assert s.copies == 0  # never across slots
        s.finish(first)
        again = chat(3, [3])
        s.add(again)
        s.schedule()
        assert again.slot == first.slot and again.n_reused == reused


def test_common_prefix_matches_a_plain_scan() -> None:
    import random

    from kakehashi.engine.scheduler import common_prefix

    rng = random.Random(0)
    for _ in range(500):
        n = rng.randrange(0, 700)
        a = [rng.randrange(3) for _ in range(n)]
        cut = rng.randrange(0, n + 1)
        b = a[:cut] + [rng.randrange(3) for _ in range(rng.randrange(0, 300))]
        expect = 0
        while expect < min(len(a), len(b)) and a[expect] == b[expect]:
            expect += 1
        assert common_prefix(a, b) == expect


# ---------------------------------------------------------------- slot placement
def _run_to_decoding(s: Scheduler, *seqs: Sequence) -> None:
    for q in seqs:
        s.add(q)
    s.schedule()
    for q in seqs:
        q.n_kv = len(q.prompt)
        q.generated.append(1)


def test_running_slots_stay_consecutive_as_sequences_come_and_go() -> None:
    """llama.cpp batches separate KV streams in one pass only over consecutive sequence ids."""
    s = Scheduler(n_slots=16, token_budget=64, prefix_cache="off")
    first = [seq(i, 4) for i in range(4)]
    _run_to_decoding(s, *first)
    slots = sorted(q.slot for q in first)
    assert slots == list(range(slots[0], slots[0] + 4))
    gone = first[1]
    s.finish(gone)
    newcomer = seq(9, 4)
    s.add(newcomer)
    s.schedule()
    # The least recently used free slot is elsewhere; the gap left by the finished one is taken.
    assert newcomer.slot == gone.slot


def test_shared_mode_copies_a_detached_cached_prefix_into_a_consecutive_slot() -> None:
    s = Scheduler(n_slots=8, token_budget=512)
    owner, *others = [chat(1, [1])] + [seq(i, 4) for i in range(2, 5)]
    _run_to_decoding(s, owner, *others)
    assert [q.slot for q in (owner, *others)] == [0, 1, 2, 3]
    for q in (owner, *others):
        s.finish(q)  # slot 0 keeps the 300-token prefix
    runners = [Sequence(request_id=i, prompt=[500 + i] * 4, max_new_tokens=4) for i in range(10, 13)]
    _run_to_decoding(s, *runners)
    assert [q.slot for q in runners] == [4, 5, 6]  # least recently used, nothing cached for them
    later = chat(20, [2])
    s.add(later)
    plan = s.schedule()
    assert later.slot == 7  # next to the running ones, not the detached slot 0 ...
    assert [(op.src_slot, op.keep) for op in plan.kv_ops] == [(0, 300)]  # ... with slot 0's prefix copied in
    assert later.n_kv == 300 and plan.prefill == [(later, 1)]


def test_slot_mode_reuses_the_cached_slot_in_place_like_llama_server() -> None:
    s = Scheduler(n_slots=8, token_budget=512, prefix_cache="slot")
    owner = chat(1, [1])
    _run_to_decoding(s, owner)
    s.finish(owner)
    runner = seq(2, 4)
    _run_to_decoding(s, runner)
    later = chat(3, [2])
    s.add(later)
    plan = s.schedule()
    assert later.slot == owner.slot and later.n_kv == 300
    assert all(op.src_slot < 0 for op in plan.kv_ops)


def test_prompt_tokens_per_step_are_capped_while_others_run() -> None:
    s = Scheduler(n_slots=4, token_budget=512, prefix_cache="off")
    a, b = seq(1, 3), seq(2, 3)
    for q in (a, b):
        s.add(q)
    s.schedule()
    for q in (a, b):
        q.n_kv = 3
        q.generated.append(42)  # both decoding now
    long, short = seq(3, 100), seq(4, 10)
    s.add(long)
    s.add(short)
    plan = s.schedule(prefill_tokens=40)
    assert plan.decode == [a, b]
    assert plan.prefill == [(long, 40)]  # the short prompt waits its turn
    plan = s.schedule(prefill_tokens=10)
    assert plan.prefill == [(long, MIN_PREFILL_CHUNK)]  # prompts always progress, however slow a token is
    assert s.schedule().prefill == [(long, 100), (short, 10)]  # no size given: only the budget limits


def test_a_lone_prompt_is_not_chunked_by_the_cap() -> None:
    s = Scheduler(n_slots=4, token_budget=512)
    alone = seq(1, 300)
    s.add(alone)
    assert s.schedule(prefill_tokens=20).prefill == [(alone, 300)]  # nobody waits on it: one pass is fastest


def host_with(*prompts: list[int]) -> HostPromptCache:
    cache = HostPromptCache(10**9)
    for p in prompts:
        entry = cache.reserve(p)
        assert entry is not None
        cache.fill(entry, b"cells")
    return cache


def test_a_prompt_in_host_ram_is_loaded_and_what_the_slot_held_is_saved_first() -> None:
    stored = [7] * 40 + [8] * 10
    s = Scheduler(n_slots=1, token_budget=128, host_cache=host_with(stored))
    s._cached[0] = [5] * 30  # a finished sequence's cells
    q = Sequence(request_id=1, prompt=[*stored, 9], max_new_tokens=4)
    s.add(q)
    plan = s.schedule()
    (op,) = plan.kv_ops
    assert op.restore is not None and op.restore.tokens == stored and op.keep == 50 == q.n_kv
    assert op.save is not None and op.save.tokens == [5] * 30
    assert plan.prefill == [(q, 1)]


def test_no_load_into_a_slot_that_another_sequence_copies_from_in_the_same_step() -> None:
    # llama.cpp moves a copied stream's data at the next decode, so a load into the source slot before
    # then would hand the copy the loaded cells instead.
    shared_prefix = [3] * 40
    in_ram = [6] * 40
    s = Scheduler(n_slots=4, token_budget=256, min_copy_tokens=8, host_cache=host_with(in_ram + [1]))
    for rid, slot in ((8, 0), (9, 2)):  # two sequences running on slots 0 and 2
        r = Sequence(request_id=rid, prompt=[2] * 20, max_new_tokens=4, slot=slot, n_kv=20)
        s.running.append(r)
    s._free_slots = [3, 1]
    s._cached[3] = [*shared_prefix, 4]  # the prefix d needs, in the slot c will be given
    d = Sequence(request_id=1, prompt=[*shared_prefix, 5], max_new_tokens=4)
    c = Sequence(request_id=2, prompt=[*in_ram, 7], max_new_tokens=4)
    s.add(d)
    s.add(c)
    plan = s.schedule()
    sources = {op.src_slot for op in plan.kv_ops if op.src_slot >= 0}
    assert d.slot == 1 and sources == {3}  # between the running ones; the prefix copied from slot 3
    assert c.slot == 3 and c.n_kv == 0  # no load into slot 3: it prefills instead
    assert all(op.restore is None for op in plan.kv_ops)


def test_moves_planned_by_admit_only_calls_hold_until_the_step_is_planned() -> None:
    # An engine gathering a burst admits requests one call at a time (admit_only) and decodes once:
    # a slot copied from in an earlier call is still a copy source until that decode.
    shared_prefix = [3] * 40
    in_ram = [6] * 40
    s = Scheduler(n_slots=4, token_budget=256, min_copy_tokens=8, host_cache=host_with(in_ram + [1]))
    for rid, slot in ((8, 0), (9, 2)):
        s.running.append(Sequence(request_id=rid, prompt=[2] * 20, max_new_tokens=4, slot=slot, n_kv=20))
    s._free_slots = [3, 1]
    s._cached[3] = [*shared_prefix, 4]
    d = Sequence(request_id=1, prompt=[*shared_prefix, 5], max_new_tokens=4)
    c = Sequence(request_id=2, prompt=[*in_ram, 7], max_new_tokens=4)
    s.add(d)
    first = s.schedule(admit_only=True)
    assert first.admitted == [d] and first.decode == [] and first.prefill == []
    assert [op.src_slot for op in first.kv_ops] == [3]
    s.add(c)
    second = s.schedule(admit_only=True)
    assert c.slot == 3 and c.n_kv == 0  # no load into slot 3 before the copy from it is applied
    assert all(op.restore is None for op in second.kv_ops)
    step = s.schedule()
    assert step.kv_ops == [] and {q for q, _ in step.prefill} == {d, c}
    s.finish(c)
    e = Sequence(request_id=3, prompt=[*in_ram, 9], max_new_tokens=4)
    s.add(e)
    s.schedule()  # a later step: the copy has been applied, slot 3 may be loaded into again
    assert e.slot == 3 and e.n_kv == 40


def test_a_slot_kept_mostly_in_place_is_not_saved_to_host_ram() -> None:
    # Saving copies the slot's cells whole on the engine thread: not worth it to keep a short tail.
    system = [3] * 400
    s = Scheduler(n_slots=1, token_budget=512, host_cache=host_with())
    s._cached[0] = [*system, 1, 1, 1, *([9] * 40)]  # last request: system + question + answer
    q = Sequence(request_id=1, prompt=[*system, 2, 2], max_new_tokens=4)
    s.add(q)
    (op,) = s.schedule().kv_ops
    assert op.keep == 400 and op.save is None
    # Most of it lost (a different conversation): saved.
    s.finish(q)
    r = Sequence(request_id=2, prompt=[5] * 30, max_new_tokens=4)
    s.add(r)
    (op,) = s.schedule().kv_ops
    assert op.save is not None and op.save.tokens[:400] == system


def test_an_idle_engine_saves_freed_slots_once_so_a_burst_only_loads() -> None:
    host = host_with()
    s = Scheduler(n_slots=1, token_budget=128, host_cache=host)
    a = Sequence(request_id=1, prompt=[4] * 30, max_new_tokens=4)
    s.add(a)
    s.schedule()
    a.n_kv = 30
    assert s.idle_save() is None  # something runs: saving now would stall it
    s.finish(a)
    slot, entry = s.idle_save()
    assert slot == a.slot and entry.tokens == [4] * 30
    host.fill(entry, b"cells")
    assert s.idle_save() is None  # saved once, not again
    # A new prompt overwrites that slot: nothing left to save first.
    b = Sequence(request_id=2, prompt=[6] * 30, max_new_tokens=4)
    s.add(b)
    plan = s.schedule()
    assert b.slot == slot and plan.kv_ops and all(op.save is None for op in plan.kv_ops)


def test_an_idle_save_skips_a_slot_mostly_held_in_host_ram_already() -> None:
    system = [3] * 400
    host = host_with(system)
    s = Scheduler(n_slots=1, token_budget=512, host_cache=host)
    q = Sequence(request_id=1, prompt=[*system, 1, 1], max_new_tokens=4)
    s.add(q)
    s.schedule()
    q.n_kv = 402
    s.finish(q)
    assert s.idle_save() is None  # only 2 of 402 tokens would be new: not worth a 23 ms copy
