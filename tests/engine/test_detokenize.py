from kakehashi.engine.detokenize import TextAssembler


def feed(asm: TextAssembler, pieces: list[bytes]) -> str:
    return "".join(asm.push(p) for p in pieces) + asm.flush()


def test_utf8_split_across_tokens_is_held_back() -> None:
    data = "日本語".encode()
    asm = TextAssembler()
    out = [asm.push(data[i : i + 1]) for i in range(len(data))]
    assert "".join(out) == "日本語"
    assert all("\ufffd" not in o for o in out)


def test_stop_string_across_token_boundaries_is_not_emitted() -> None:
    asm = TextAssembler(("END",))
    emitted = [asm.push(b"hello E"), asm.push(b"N"), asm.push(b"D and more")]
    assert "".join(emitted) == "hello "
    assert asm.stopped
    assert asm.flush() == ""


def test_partial_stop_prefix_released_when_it_diverges() -> None:
    asm = TextAssembler(("STOP",))
    assert asm.push(b"ST") == ""
    assert asm.push(b"AR") == "STAR"
    assert not asm.stopped


def test_earliest_stop_wins_and_tail_flushes() -> None:
    asm = TextAssembler(("b", "abc"))
    assert feed(asm, [b"xxab"]) == "xxa"
    asm2 = TextAssembler(("zzz",))
    assert feed(asm2, [b"abc z"]) == "abc z"


def test_cut_mid_character_drops_the_partial_bytes() -> None:
    asm = TextAssembler()
    data = "日本".encode()
    assert asm.push(data[:4]) == "日"
    assert asm.flush() == ""  # the lone first byte of 本 is not emitted as U+FFFD


def test_matched_names_the_stop_string_that_fired() -> None:
    asm = TextAssembler(("。", "END"))
    assert feed(asm, [b"one EN", b"D two"]) == "one "
    assert asm.matched == "END"
    quiet = TextAssembler(("END",))
    assert feed(quiet, [b"no stop here"]) == "no stop here"
    assert quiet.matched is None
