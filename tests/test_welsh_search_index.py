"""The Welsh search settings the build adds to Material's Welsh index
(wales_site/theme/welsh_search_index.py)."""

from __future__ import annotations

import json

from wales_site.i18n import welsh_mutations
from wales_site.theme import welsh_search_index

MATERIAL_INDEX = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["trimmer"], "fields": {"title": {"boost": 1000.0}}},
    "docs": [{"location": "", "title": "Cymru yn Erbyn Masnachu Pobl", "text": "<p>yng Nghymru</p>"}],
}


def test_the_settings_go_into_the_config_and_the_pages_stay_as_material_wrote_them():
    index = welsh_search_index.with_welsh_search(MATERIAL_INDEX)
    settings = index["config"].pop(welsh_search_index.SETTINGS)
    assert index == MATERIAL_INDEX
    assert settings["radical_prefixes"] == welsh_mutations.RADICAL_PREFIXES
    assert settings["mutated_prefixes"] == welsh_mutations.MUTATED_PREFIXES
    assert "yn" in settings["stop_words"]


def test_the_index_file_is_rewritten_as_compactly_as_material_writes_it(tmp_path):
    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir()
    path.write_text(json.dumps(MATERIAL_INDEX, separators=(",", ":")), encoding="utf-8")
    welsh_search_index.add_welsh_search_settings(tmp_path)
    written = path.read_text(encoding="utf-8")
    assert written == json.dumps(json.loads(written), separators=(",", ":"))
    assert json.loads(written)["config"][welsh_search_index.SETTINGS]["radical_prefixes"]["ngh"] == ["c"]
