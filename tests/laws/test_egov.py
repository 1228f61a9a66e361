"""fetch_egov: e-Gov law API v2 → plain-text statute → import, against a local stand-in for e-Gov.

The stand-in serves tests/laws/data/egov_sample_law_data.xml, a sample law_data response written
for these tests (an excerpt of the Act, wording copied from the 2025-07-01 data file). No test
reaches the internet.
"""

import io
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command

from laws.egov import EgovFormatError, convert_law_data
from laws.models import Provision
from laws.services import rebuild_text
from laws.statute import parse_statute

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "egov_sample_law_data.xml"
LAW_PATH = "/law_data/426AC1000000104"
ARTICLE = "/{lang}/laws/basic-act-on-cybersecurity/articles/{number}/"

# What the sample converts to, written out line by line from the sample's content.
EXPECTED = """\
平成二十六年法律第百四号
サイバーセキュリティ基本法

目次
第一章　総則（第一条―第十一条）
第二章　サイバーセキュリティ戦略（第十二条）
第三章　基本的施策（第十三条―第二十四条）
第四章　サイバーセキュリティ戦略本部（第二十五条―第三十七条）
第五章　罰則（第三十八条）
附則

第一章　総則
（基本理念）
第三条　サイバーセキュリティに関する施策の推進は、インターネットその他の高度情報通信ネットワークの整備及び情報通信技術の活用による情報の自由な流通の確保が、これを通じた表現の自由の享有、イノベーションの創出、経済社会の活力の向上等にとって重要であることに鑑み、サイバーセキュリティに対する脅威に対して、国、地方公共団体、重要社会基盤事業者（国民生活及び経済活動の基盤であって、その機能が停止し、又は低下した場合に国民生活又は経済活動に多大な影響を及ぼすおそれが生ずるものに関する事業を行う者をいう。以下同じ。）等の多様な主体の連携により、積極的に対応することを旨として、行われなければならない。
２　サイバーセキュリティに関する施策の推進は、国民一人一人のサイバーセキュリティに関する認識を深め、自発的に対応することを促すとともに、サイバーセキュリティに対する脅威による被害を防ぎ、かつ、被害から迅速に復旧できる強靱な体制を構築するための取組を積極的に推進することを旨として、行われなければならない。
３　サイバーセキュリティに関する施策の推進は、インターネットその他の高度情報通信ネットワークの整備及び情報通信技術の活用による活力ある経済社会を構築するための取組を積極的に推進することを旨として、行われなければならない。
４　サイバーセキュリティに関する施策の推進は、サイバーセキュリティに対する脅威への対応が国際社会にとって共通の課題であり、かつ、我が国の経済社会が国際的な密接な相互依存関係の中で営まれていることに鑑み、サイバーセキュリティに関する国際的な秩序の形成及び発展のために先導的な役割を担うことを旨として、国際的協調の下に行われなければならない。
５　サイバーセキュリティに関する施策の推進は、デジタル社会形成基本法の基本理念に配慮して行われなければならない。
６　サイバーセキュリティに関する施策の推進に当たっては、国民の権利を不当に侵害しないように留意しなければならない。
（国の責務）
第四条　国は、前条の基本理念（以下「基本理念」という。）にのっとり、サイバーセキュリティに関する総合的な施策を策定し、及び実施する責務を有する。

第二章　サイバーセキュリティ戦略
第十二条　政府は、サイバーセキュリティに関する施策の総合的かつ効果的な推進を図るため、サイバーセキュリティに関する基本的な計画（以下「サイバーセキュリティ戦略」という。）を定めなければならない。
２　サイバーセキュリティ戦略は、次に掲げる事項について定めるものとする。
　一　サイバーセキュリティに関する施策についての基本的な方針
　二　国の行政機関等におけるサイバーセキュリティの確保に関する事項
　三　重要社会基盤事業者及びその組織する団体並びに地方公共団体（以下「重要社会基盤事業者等」という。）におけるサイバーセキュリティの確保の促進に関する事項
　四　前三号に掲げるもののほか、サイバーセキュリティに関する施策を総合的かつ効果的に推進するために必要な事項
３　内閣総理大臣は、サイバーセキュリティ戦略の案につき閣議の決定を求めなければならない。
４　政府は、サイバーセキュリティ戦略を策定したときは、遅滞なく、これを国会に報告するとともに、インターネットの利用その他適切な方法により公表しなければならない。
５　前二項の規定は、サイバーセキュリティ戦略の変更について準用する。
６　政府は、サイバーセキュリティ戦略について、その実施に要する経費に関し必要な資金の確保を図るため、毎年度、国の財政の許す範囲内で、これを予算に計上する等その円滑な実施に必要な措置を講ずるよう努めなければならない。

第三章　基本的施策
（重要社会基盤事業者等におけるサイバーセキュリティの確保の促進）
第十四条　国は、重要社会基盤事業者等におけるサイバーセキュリティに関し、基準の策定、演習及び訓練、情報の共有その他の自主的な取組の促進その他の必要な施策を講ずるものとする。

第四章　サイバーセキュリティ戦略本部
（サイバーセキュリティ戦略本部員）
第三十条　本部に、サイバーセキュリティ戦略本部員（次項において「本部員」という。）を置く。
２　本部員は、本部長及び副本部長以外の全ての国務大臣をもって充てる。
（サイバーセキュリティ推進専門家会議）
第三十条の二　本部に、サイバーセキュリティ推進専門家会議（以下この条において「専門家会議」という。）を置く。
２　専門家会議は、次に掲げる事務をつかさどる。
　一　第二十六条第三項の規定により本部長に意見を述べること。
　二　前号に掲げるもののほか、サイバーセキュリティに関する施策で重要なものについて調査審議し、必要があると認めるときは、本部長に意見を述べること。
３　専門家会議の委員は、サイバーセキュリティに関し優れた識見を有する者のうちから、内閣総理大臣が任命する。

第五章　罰則
第三十八条　第十七条第四項又は第三十一条第二項の規定に違反した者は、一年以下の拘禁刑又は五十万円以下の罰金に処する。

附　則
（施行期日）
第一条　この法律は、公布の日から施行する。ただし、第二章及び第四章の規定並びに附則第四条の規定は、公布の日から起算して一年を超えない範囲内において政令で定める日から施行する。
（検討）
第二条　政府は、武力攻撃事態等及び存立危機事態における我が国の平和と独立並びに国及び国民の安全の確保に関する法律（平成十五年法律第七十九号）第二十一条第一項に規定する緊急事態に相当するサイバーセキュリティに関する事象その他の情報通信ネットワーク又は電磁的記録媒体を通じた電子計算機に対する不正な活動から、国民生活及び経済活動の基盤であって、その機能が停止し、又は低下した場合に国民生活又は経済活動に多大な影響を及ぼすおそれが生ずるもの等を防御する能力の一層の強化を図るための施策について、幅広い観点から検討するものとする。

附　則　（令和四年六月一七日法律第六八号）　抄
（施行期日）
１　この法律は、刑法等一部改正法施行日から施行する。ただし、次の各号に掲げる規定は、当該各号に定める日から施行する。
　一　第五百九条の規定　公布の日
"""  # noqa: E501


class FakeEgov:
    """What the local server answers on LAW_PATH, and the requests it saw (path, parsed query)."""

    def __init__(self):
        self.status = 200
        self.body = SAMPLE.read_bytes()
        self.headers = {"Content-Type": "application/xml"}
        self.requests = []


@pytest.fixture
def egov(settings):
    fake = FakeEgov()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            fake.requests.append((url.path, urllib.parse.parse_qs(url.query, keep_blank_values=True)))
            if url.path == LAW_PATH:
                status, body = fake.status, fake.body
            else:
                status, body = 404, b'{"code": "404001", "message": "no such law"}'
            self.send_response(status)
            for name, value in fake.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)  # port 0: a free port chosen by the system
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EGOV_API_BASE = f"http://127.0.0.1:{server.server_address[1]}"
    yield fake
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def fetch(*args):
    out = io.StringIO()
    call_command("fetch_egov", "basic-act-on-cybersecurity", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def snapshot(act):
    """Everything an import writes, for both versions."""
    state = []
    for version in act.versions.order_by("key"):
        state.append((version.key, version.source_sha256, version.front_matter, rebuild_text(version)))
    return state


def article_numbers(version):
    return list(
        Provision.objects.articles().filter(version=version).order_by("tree_id", "lft").values_list("number", flat=True)
    )


# --- Conversion ------------------------------------------------------------------------------


def test_the_sample_converts_to_exactly_the_expected_text():
    data = convert_law_data(SAMPLE.read_bytes())
    assert data.text == EXPECTED
    assert (data.law_id, data.revision_id, data.enforcement_date) == (
        "426AC1000000104",
        "426AC1000000104_20250701_507AC0000000043",
        "2025-07-01",
    )
    assert "強靱" in data.text and "じん" not in data.text  # the ruby reading is dropped


def test_the_converted_text_parses_with_the_structure_of_the_sample():
    statute = parse_statute(convert_law_data(SAMPLE.read_bytes()).text)
    assert statute.front_matter.splitlines()[:2] == ["平成二十六年法律第百四号", "サイバーセキュリティ基本法"]
    assert [(block.kind, block.number) for block in statute.body] == [
        ("chapter", "1"),
        ("chapter", "2"),
        ("chapter", "3"),
        ("chapter", "4"),
        ("chapter", "5"),
        ("supplementary", "main"),
        ("supplementary", "R4-68"),
    ]
    articles = {node.number: node for node in statute.walk() if node.kind == "article"}
    assert list(articles) == ["3", "4", "12", "14", "30", "30-2", "38", "1", "2"]
    article = articles["30-2"]
    assert (article.label, article.caption) == ("第三十条の二", "サイバーセキュリティ推進専門家会議")
    assert [p.number for p in article.children] == ["1", "2", "3"]
    assert [item.label for item in article.children[1].children] == ["一", "二"]
    amending = statute.body[-1]
    assert amending.label == "附　則　（令和四年六月一七日法律第六八号）　抄"
    assert amending.children[0].caption == "施行期日"
    assert (
        amending.children[0].children[0].text == "第五百九条の規定　公布の日"
    )  # two columns, joined by a full-width space


def test_the_expected_text_is_copied_from_the_data_file():
    source = (Path(django_settings.POLICY_KB_DATA_DIR) / "basic-act-cybersecurity.ja.2025-07-01.txt").read_text(
        encoding="utf-8"
    )
    source_lines = set(source.splitlines())
    assert [line for line in EXPECTED.splitlines() if line not in source_lines] == []
    assert source.startswith(EXPECTED.split("\n\n第一章")[0] + "\n\n第一章")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '<Chapter Num="3">',
            '<Chapter Num="3"><Section Num="1"><SectionTitle>第一節</SectionTitle></Section>',
            "<Section>",
        ),
        ("</TOCChapter>", "<TOCSection/></TOCChapter>", "<TOCSection>"),
        ("<ArticleRange>（第十二条）</ArticleRange>", "<Fig/>", "<Fig>"),
        ("<ItemTitle>二</ItemTitle>", "<ItemTitle>二</ItemTitle><Subitem1 Num='1'/>", "<Subitem1>"),
        ("<ParagraphNum>６</ParagraphNum>", "<ParagraphNum>６</ParagraphNum><TableStruct/>", "<TableStruct>"),
        ("を有する。</Sentence>", "を有する。<QuoteStruct>x</QuoteStruct></Sentence>", "<QuoteStruct>"),
        ("</LawBody>", "<AppdxTable/></LawBody>", "<AppdxTable>"),
        ("<ParagraphNum>２</ParagraphNum>", "<ParagraphNum/>", "without a number"),
    ],
)
def test_structures_the_format_cannot_hold_stop_the_conversion(old, new, message):
    sample = SAMPLE.read_text(encoding="utf-8")
    assert old in sample
    with pytest.raises(EgovFormatError, match=message):
        convert_law_data(sample.replace(old, new, 1).encode("utf-8"))


# --- The command against the local server ----------------------------------------------------


def test_fetch_imports_the_version_and_the_article_page_renders(kb, egov, client, tmp_path):
    saved = tmp_path / "fetched.txt"
    out = fetch("--as-of", "2025-07-01", "--version", "current", "--save", str(saved))

    assert egov.requests == [
        (LAW_PATH, {"asof": ["2025-07-01"], "response_format": ["xml"], "law_full_text_format": ["xml"]})
    ]
    assert "current: imported from e-Gov 426AC1000000104_20250701_507AC0000000043" in out
    current = kb.versions.get(key="current")
    assert rebuild_text(current) == EXPECTED
    assert article_numbers(current) == ["3", "4", "12", "14", "30", "30-2", "38"]
    article = Provision.objects.articles().get(version=current, number="30-2")
    assert article.identity.key == "30-2"
    assert article.get_children().first().text_ja == (
        "本部に、サイバーセキュリティ推進専門家会議（以下この条において「専門家会議」という。）を置く。"
    )
    assert list(
        current.provisions.filter(kind="supplementary").order_by("position").values_list("number", flat=True)
    ) == ["main", "R4-68"]
    assert saved.read_text(encoding="utf-8") == EXPECTED

    response = client.get(ARTICLE.format(lang="ja", number="30-2"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "第三十条の二" in html
    assert 'id="p2-i2"' in html and 'id="p3"' in html
    assert "に関する施策で重要なものについて調査審議し、必要があると認めるときは、" in html  # item 2 (terms are linked)
    assert client.get(ARTICLE.format(lang="en", number="30-2")).status_code == 200
    assert client.get(ARTICLE.format(lang="ja", number="13")).status_code == 404  # not in the fetched excerpt


def test_the_version_defaults_to_current_and_a_second_fetch_changes_nothing(kb, egov):
    fetch("--as-of", "2025-07-01")
    before = snapshot(kb)
    assert "already imported, unchanged" in fetch("--as-of", "2025-07-01")
    assert snapshot(kb) == before
    assert len(egov.requests) == 2


def test_the_original_versions_numbering_is_used_and_a_failed_import_writes_nothing(kb, egov, tmp_path):
    before = snapshot(kb)
    saved = tmp_path / "fetched.txt"
    # Article 30-2 did not exist in the original text: the lineage table has no original number for it.
    with pytest.raises(CommandError, match=r"article 30-2 has no entry in the lineage table.*nothing written"):
        fetch("--as-of", "2025-07-01", "--version", "original", "--save", str(saved))
    assert snapshot(kb) == before
    assert not saved.exists()


@pytest.mark.parametrize("status", [404, 500])
def test_an_http_error_names_the_status_and_writes_nothing(kb, egov, tmp_path, status):
    egov.status = status
    egov.headers = {"Content-Type": "application/json"}
    egov.body = b'{"code": "%d001", "message": "error from the server"}' % status
    before = snapshot(kb)
    saved = tmp_path / "fetched.txt"
    with pytest.raises(CommandError, match=rf"HTTP {status}\b.*error from the server.*nothing written"):
        fetch("--as-of", "2025-07-01", "--save", str(saved))
    assert snapshot(kb) == before
    assert not saved.exists()


@pytest.mark.parametrize(
    "body",
    [
        SAMPLE.read_bytes()[: len(SAMPLE.read_bytes()) // 2],
        b'{"law_full_text": {"tag": "Law"}}',
        b"",
    ],
    ids=["truncated", "json", "empty"],
)
def test_malformed_xml_is_refused_and_nothing_written(kb, egov, body):
    egov.body = body
    before = snapshot(kb)
    with pytest.raises(CommandError, match=r"malformed XML at line \d+.*nothing written"):
        fetch("--as-of", "2025-07-01")
    assert snapshot(kb) == before


_XXE = '<!DOCTYPE law_data_response [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<law_data_response>'
_LAUGHS = '<!DOCTYPE law_data_response [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<law_data_response>'


@pytest.mark.parametrize(
    ("insert", "declaration"),
    [
        (_XXE, "DOCTYPE"),
        (_LAUGHS, "DOCTYPE"),
        ("<!DOCTYPE law_data_response>\n<law_data_response>", "DOCTYPE"),
        ('<law_data_response>\n<!ENTITY x "y">', "ENTITY"),
    ],
    ids=["external-entity", "entity-expansion", "bare-doctype", "entity"],
)
def test_a_dtd_or_entity_declaration_is_refused_before_parsing(kb, egov, insert, declaration):
    sample = SAMPLE.read_text(encoding="utf-8")
    egov.body = sample.replace("<law_data_response>", insert, 1).encode("utf-8")
    before = snapshot(kb)
    with pytest.raises(CommandError, match=rf"contains <!{declaration}: refused.*nothing written"):
        fetch("--as-of", "2025-07-01")
    assert snapshot(kb) == before


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01", "2025-02-30", "20250701", "2025-7-1", ""])
def test_an_as_of_that_is_not_a_date_is_refused_before_any_request(kb, egov, value):
    with pytest.raises(CommandError, match="--as-of"):
        fetch("--as-of", value)
    assert egov.requests == []


def test_an_as_of_before_the_act_existed_is_refused(kb, egov):
    with pytest.raises(CommandError, match="before the act was promulgated"):
        fetch("--as-of", "2010-01-01")
    assert egov.requests == []


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("<law_id>426AC1000000104</law_id>", "<law_id>129AC0000000089</law_id>", "for law 129AC0000000089, not"),
        (
            "<LawNum>平成二十六年法律第百四号</LawNum>",
            "<LawNum>明治二十九年法律第八十九号</LawNum>",
            "the text is 明治二十九年法律第八十九号, not 平成二十六年法律第百四号",
        ),
    ],
    ids=["law-id", "law-number"],
)
def test_a_response_for_another_law_is_refused(kb, egov, old, new, message):
    egov.body = SAMPLE.read_text(encoding="utf-8").replace(old, new, 1).encode("utf-8")
    before = snapshot(kb)
    with pytest.raises(CommandError, match=message):
        fetch("--as-of", "2025-07-01")
    assert snapshot(kb) == before


def test_a_response_over_the_size_limit_is_refused(kb, egov, settings):
    settings.EGOV_API_MAX_BYTES = 1000
    with pytest.raises(CommandError, match="over the limit of 1000"):
        fetch("--as-of", "2025-07-01")


def test_a_redirect_away_from_http_is_refused(kb, egov):
    egov.status = 302
    egov.headers = {"Location": "ftp://127.0.0.1/law.xml"}
    with pytest.raises(CommandError, match="not http or https"):
        fetch("--as-of", "2025-07-01")


@pytest.mark.parametrize("base", ["file:///etc", "ftp://127.0.0.1/api/2"])
def test_only_http_and_https_addresses_are_used(kb, settings, base):
    settings.EGOV_API_BASE = base
    with pytest.raises(CommandError, match="only http and https"):
        fetch("--as-of", "2025-07-01")


def test_a_refused_connection_is_a_network_error(kb, settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again on leaving the block: nothing listens there
    settings.EGOV_API_BASE = f"http://127.0.0.1:{port}"
    before = snapshot(kb)
    with pytest.raises(CommandError, match=r"Network error: .*cannot reach the server.*nothing written"):
        fetch("--as-of", "2025-07-01")
    assert snapshot(kb) == before


def test_a_server_that_never_answers_times_out(kb, settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)  # accepts the connection (backlog) but never answers
        settings.EGOV_API_BASE = f"http://127.0.0.1:{sock.getsockname()[1]}"
        settings.EGOV_API_TIMEOUT = 0.5
        with pytest.raises(CommandError, match=r"Network error: .*(no answer within|timed out)"):
            fetch("--as-of", "2025-07-01")
