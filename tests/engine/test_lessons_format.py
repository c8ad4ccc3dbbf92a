"""Lesson files: the five bundled lessons load in both languages; a bad file is refused with a
message naming file, step and key; any text or bytes give a lesson or a LessonError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphviz_nn.lessons import LESSONS_DIR, LessonError, load_lesson, load_lessons, parse_lesson

EXAMPLES = {"cs231n", "sigmoid", "softmax", "linear", "nonlinear", "spiral", "fashion"}

GOOD = '''
id = "mine"
title.ko = "내 레슨"
title.en = "My lesson"

[[step]]
text.ko = "f = (x + y)·z 입니다."
text.en = "This is f = (x + y)·z."
setup.example = "cs231n"
setup.cursor = "forward_end"
check.kind = "answer"
check.of = "grad(x)"
hint.ko = "z 를 보세요."
hint.en = "Look at z."

[[step]]
text.ko = "끝."
text.en = "The end."
'''


def test_the_five_lessons_of_the_issue_in_order_each_in_korean_and_english():
    lessons = load_lessons(examples=EXAMPLES)
    assert [le.title.ko for le in lessons] == [
        "계산 그래프와 역전파", "연쇄 법칙으로 가중치 갱신", "경사 하강법, SGD, 미니배치, 에포크",
        "활성화 함수와 소프트맥스", "Keras로 Fashion-MNIST"]
    for lesson in lessons:
        assert lesson.title.en and lesson.path.parent == LESSONS_DIR
        for step in lesson.steps:
            assert step.text.ko != step.text.en          # both written, not copied
            assert any("\uac00" <= ch <= "\ud7a3" for ch in step.text.ko)   # Hangul
            # Markdown strikes "0 ~ 255 ... 0 ~ 1" through: write ranges another way
            assert "~" not in step.text.ko + step.text.en
            if step.hint is not None:
                assert step.hint.ko and step.hint.en
        assert sum(bool(s.checks) for s in lesson.steps) >= 5


def test_a_good_lesson_reads_with_its_checks_and_setups():
    lesson = parse_lesson(GOOD, "mine.toml", EXAMPLES)
    first = lesson.steps[0]
    assert lesson.id == "mine" and lesson.title.get("ko") == "내 레슨"
    assert first.setup == {"example": "cs231n", "cursor": "forward_end"}
    assert first.answer.params["of"].text == "grad(x)" and first.answer.trigger == "answer"
    assert first.hint.get("en") == "Look at z." and lesson.steps[1].checks == []


@pytest.mark.parametrize("change, where, words", [
    (("check.kind = \"answer\"", "check.kind = \"anwser\""), "step 1, check.kind",
     "unknown checkpoint kind 'anwser'"),
    # found by hypothesis: a kind that is a list raised TypeError (unhashable) in the check
    (("check.kind = \"answer\"", "check.kind = []"), "step 1, check.kind",
     "unknown checkpoint kind []"),
    (("setup.cursor = \"forward_end\"", "setup.colour = \"red\""), "step 1, setup.colour",
     "unknown key 'colour'"),
    (("hint.en = \"Look at z.\"", ""), "step 1, hint.en", "missing the English text"),
    (("text.ko = \"끝.\"", ""), "step 2, text.ko", "missing the Korean text"),
    (("check.of = \"grad(x)\"", "check.of = \"grad(x) + __import__\""), "step 1, check.of",
     "unknown name '__import__'"),
    (("setup.example = \"cs231n\"", "setup.example = \"cs231\""), "step 1, setup.example",
     "no example 'cs231'"),
    (("check.of = \"grad(x)\"", "check.of = \"grad(x).real\""), "step 1, check.of",
     "not allowed"),
    (("[[step]]\ntext.ko = \"끝.\"", "[[step]]\ntext.ko = \"끝.\"\nhint.ko = \"?\"\nhint.en = "
      "\"?\""), "step 2, hint", "belongs to a step with a check"),
    (("title.en = \"My lesson\"", "title.en = \"My lesson\"\ncolour = 1"), "colour",
     "unknown key"),
    (("setup.cursor = \"forward_end\"", "setup.train = { epochs = 0 }"),
     "step 1, setup.train.epochs", "outside 1 to 100000"),
    (("setup.cursor = \"forward_end\"", "setup.expression = \"f = (x + \""),
     "step 1, setup.expression", ""),
])
def test_a_bad_lesson_is_refused_naming_file_step_and_key(change, where, words):
    text = GOOD.replace(*change)
    assert text != GOOD
    with pytest.raises(LessonError) as err:
        parse_lesson(text, "mine.toml", EXAMPLES)
    assert str(err.value).startswith(f"mine.toml, {where}: "), str(err.value)
    assert words in str(err.value)


def test_toml_syntax_errors_and_bad_bytes_name_the_file(tmp_path):
    with pytest.raises(LessonError, match=r"^mine.toml: not valid TOML: .*line 3"):
        parse_lesson('id = "x"\ntitle.ko = "a"\ntitle.en = \n', "mine.toml")
    path = tmp_path / "latin.toml"
    path.write_bytes(GOOD.encode("utf-8").replace("내".encode(), b"\xb3\xbb"))
    with pytest.raises(LessonError, match=r"^latin.toml: not UTF-8 text"):
        load_lesson(path)
    with pytest.raises(LessonError, match=r"^nothing.toml: no such lesson file"):
        load_lesson(tmp_path / "nothing.toml")


def test_two_lessons_with_one_id_are_refused(tmp_path):
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    with pytest.raises(LessonError, match=r"^b.toml, id: the id 'mine' is also used by a.toml"):
        load_lessons(tmp_path, EXAMPLES)


LINES = GOOD.strip().splitlines()
SCALARS = st.sampled_from(['1', '-0.5', '"x"', 'true', '[]', '{}', '"grad(q)"', 'nan', 'inf',
                           '"answer"', '"run_finished"', '[1, "a"]', '{ kind = "grad" }',
                           '"""a\nb"""', "'é'", '1e999', '"value(w7) - 0.5 * grad(w7)"',
                           '"ceil(train_samples / batch_size)"', '"" ', '"((((((1))))))"'])


@st.composite
def mutated(draw) -> str:
    """The good lesson with lines dropped, repeated, or given other values."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(("drop", "copy", "value", "key", "junk")))
        if how == "drop":
            lines.pop(i)
        elif how == "copy":
            lines.insert(draw(st.integers(0, len(lines))), lines[i])
        elif how == "value" and "=" in lines[i]:
            lines[i] = lines[i].split("=", 1)[0] + "= " + draw(SCALARS)
        elif how == "key" and "=" in lines[i]:
            key = draw(st.sampled_from(["check.equals", "check.below", "check.tolerance",
                                        "setup.train.hidden", "check.node", "setup.values.x",
                                        "check.overfit_epochs", "check.label", "order",
                                        "setup.train.fallback.dataset", "check.at"]))
            lines[i] = f"{key} = {lines[i].split('=', 1)[1]}"
        else:
            lines.insert(i, draw(st.text(max_size=30)))
        if not lines:
            break
    return "\n".join(lines)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_any_mutation_of_a_lesson_gives_a_lesson_or_a_lesson_error(text):
    try:
        lesson = parse_lesson(text, "fuzz.toml", EXAMPLES)
    except LessonError as exc:
        assert str(exc).startswith("fuzz.toml")
    else:
        assert lesson.steps and all(s.text.ko and s.text.en for s in lesson.steps)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_lesson_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "bytes.toml"
    path.write_bytes(data)
    with pytest.raises(LessonError):
        load_lesson(path)


def test_the_readmes_example_lesson_is_a_good_lesson():
    readme = (LESSONS_DIR.parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Writing a lesson", 1)[1]
    text = section.split("```toml", 1)[1].split("```", 1)[0]
    lesson = parse_lesson(text, "README.md", EXAMPLES)
    assert [s.checks[0].kind for s in lesson.steps] == ["answer", "leaf_value"]
