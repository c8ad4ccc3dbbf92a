"""The window's language: the Korean translation compiled and current, installed with Qt's own,
chosen in the settings, and a Hangul-capable font first in Korean."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from ui import i18n, i18n_tools


@pytest.fixture
def korean(qapp):
    yield i18n.install_language("ko")
    i18n.install_language("en")


def test_shipped_qm_is_compiled_from_the_ts_source(tmp_path):
    qm = tmp_path / "fresh.qm"
    i18n_tools.release(i18n_tools.TS, qm)
    assert qm.read_bytes() == i18n_tools.QM.read_bytes(), \
        "ui/translations/graphviz_nn_ko.qm is stale: run python3 -m ui.i18n_tools"


def test_korean_replaces_the_apps_words_and_qts_own(korean):
    assert korean == "ko"
    assert i18n.translate("MessageBar", "Dismiss this message") == "이 메시지 닫기"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "취소"          # from Qt's qtbase_ko.qm


def test_english_takes_the_translations_away(qapp):
    i18n.install_language("ko")
    assert i18n.install_language("en") == "en"
    assert i18n.translate("MessageBar", "Dismiss this message") == "Dismiss this message"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Cancel"


def test_the_choice_is_kept_in_the_settings(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.chosen_language(settings) == "system"
    i18n.set_chosen_language("ko", settings)
    assert i18n.chosen_language(settings) == "ko"
    settings.setValue(i18n.SETTINGS_KEY, "klingon")           # a damaged settings file
    assert i18n.chosen_language(settings) == "system"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_chosen_language("fr", settings)


def test_a_missing_translation_file_leaves_english(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    assert i18n.install_language("ko") == "en"
    assert i18n.translate("MessageBar", "Dismiss this message") == "Dismiss this message"


def test_korean_font_leads_in_korean_where_one_is_installed(qapp):
    from PySide6.QtGui import QFontDatabase

    installed = [f for f in i18n.KOREAN_FAMILIES if f in set(QFontDatabase.families())]
    ko, en = i18n.font_families("ko"), i18n.font_families("en")
    if installed:
        assert ko[0] == installed[0] and installed[0] in en
    else:
        assert ko[0] == i18n.LATIN_FAMILIES[0]


def test_unfinished_entries_are_found(tmp_path):
    ts = tmp_path / "t.ts"
    shutil.copy(i18n_tools.TS, ts)
    text = ts.read_text(encoding="utf-8").replace("<translation>이 메시지 닫기</translation>",
                                                  '<translation type="unfinished"></translation>')
    ts.write_text(text, encoding="utf-8")
    before = {m["source"] for m in i18n_tools.messages(i18n_tools.TS) if m["unfinished"]}
    after = {m["source"] for m in i18n_tools.messages(ts) if m["unfinished"]}
    assert after - before == {"Dismiss this message"}
