"""content/portal.yml: read safely, every problem with file and line; a broken one stops the build."""

from __future__ import annotations

from conftest import run_newsroom
from newsroom.site.portal import check_portal_file, load_portal

GOOD = """agency: "Văn phòng Ủy ban nhân dân tỉnh"
address: "Số 1 đường Trần Phú"
phone: "0210 3 800 000"
email: "bbt@vanphong.example"
responsible: "Chánh Văn phòng"
"""


def test_reads_the_facts(tmp_path):
    (tmp_path / "portal.yml").write_text(GOOD, encoding="utf-8")
    portal, problems = load_portal(tmp_path)
    assert problems == [] and portal.agency == "Văn phòng Ủy ban nhân dân tỉnh"
    assert portal.phone_link == "tel:02103800000"


def test_unknown_key_missing_fact_and_bad_yaml_name_file_and_line(tmp_path):
    path = tmp_path / "portal.yml"
    path.write_text(GOOD.replace("email:", "thu_dien_tu:"), encoding="utf-8")
    messages = [str(p) for p in check_portal_file(tmp_path)]
    assert f'{path}:4: error: khóa không hợp lệ "thu_dien_tu"' in messages[0] and 'unknown key "thu_dien_tu"' in messages[0]
    assert any('thiếu "email" / missing "email"' in m for m in messages)
    path.write_text(GOOD + 'licence: "không đóng ngoặc\n', encoding="utf-8")
    (problem,) = check_portal_file(tmp_path)
    assert problem.is_error and problem.line >= 6 and "invalid YAML" in problem.english
    path.write_text("- agency\n", encoding="utf-8")
    assert "key: value" in check_portal_file(tmp_path)[0].english


def test_a_python_tag_is_not_run(tmp_path):
    (tmp_path / "portal.yml").write_text(GOOD + 'licence: !!python/object/apply:os.system ["true"]\n', encoding="utf-8")
    (problem,) = check_portal_file(tmp_path)
    assert problem.is_error


def test_missing_file_is_a_warning_only(tmp_path):
    (problem,) = check_portal_file(tmp_path)
    assert not problem.is_error and problem.path == tmp_path / "portal.yml"


def test_a_broken_portal_file_stops_the_build_with_its_line(project_copy):
    (project_copy / "content/portal.yml").write_text(GOOD.replace("phone:", "dien_thoai:"), encoding="utf-8")
    result = run_newsroom("build", "--output", str(project_copy / "output"), cwd=project_copy)
    assert result.returncode != 0
    assert "portal.yml:3: error:" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
