"""Events, agreements, courses, plans and delegations in Vietnamese articles.

Rules work sentence by sentence on the masked view of the text. A date written in
the sentence goes to the sentence's main event; a range ("từ ngày 3 đến ngày 5/4")
to the visit it frames; "chiều cùng ngày" is the day of the event dated last, and a
signing "Tại buổi làm việc" the day of that meeting. Things said in the future tense
("sẽ đi khảo sát") are a programme, not an event, and an anniversary of an old treaty
is not a signing. Wreath-layings, handovers, donations and fairs (kind "other") count
only when the sentence shows they took place. Agreements are read one per document
("ký 3 văn bản, gồm: …"), as a count ("ký 5 văn bản hợp tác"), or as named signed
("… được ký kết ngày 15-1-2024"), history (years before the article) left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from interparty.loaders.dates import DateMention, article_day, find_dates, looks_back, resolve_year
from interparty.loaders.facts import Cued, name_key
from interparty.loaders.facts import cfold as fold
from interparty.loaders.gazetteer import TitleHead
from interparty.loaders.vi_bodies import BodyRef, resolve
from interparty.loaders.vi_lexicon import PlaceMatch
from interparty.loaders.vi_titles import TitleSeg

if TYPE_CHECKING:
    from interparty.loaders.vi import _Doc

# kind, pattern, cues (every match contains one of them: sentences without any are not searched)
_KINDS: list[tuple[str, Cued]] = [(k, Cued(p, cues, re.IGNORECASE)) for k, p, cues in [
    ("opening", r"\b(?:khai giảng|khai mạc)\b", ("khai giảng", "khai mạc")),
    ("closing", r"\b(?:bế giảng|bế mạc)\b", ("bế giảng", "bế mạc")),
    ("signing", r"\b(?:ký kết|lễ ký|đã ký|ký)\b(?=\s+(?:(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+)?(?:các\s+)?"
                r"(?:biên bản|thỏa thuận|bản ghi nhớ|"
                r"hiệp định|"
                r"nghị định thư|chương trình|văn bản|kết))", ("ký",)),
    # a courtesy call ("đến chào xã giao đồng chí ...") is received by the one called on
    # ("đã tiếp nhận 300 lưu học sinh", "tiếp tục", "tiếp xúc cử tri": other words than "tiếp")
    ("reception", r"\b(?:tiếp (?:và làm việc|thân mật|xã giao|đoàn|Đoàn|đồng chí|ông|bà|Đại sứ|lãnh đạo)|đón tiếp|"
                  r"(?:buổi|cuộc|đã) tiếp(?!\s+(?:nhận|tục|thu|cận|xúc|giáp|sức|tế|quản|theo)\b)|"
                  r"(?:chào|thăm) xã giao)\b", ("tiếp", "xã giao")),
    ("talks", r"\b(?:(?<!biên bản )hội đàm|hội kiến|gặp và làm việc|(?<!thăm và )(?<!tiếp và )làm việc với)\b",
     ("hội đàm", "hội kiến", "làm việc")),
    ("visit", r"\b(?:chuyến thăm|thăm,? (?:và )?làm việc|thăm chính thức|thăm cấp Nhà nước|sang thăm|đến thăm|"
              r"thăm hữu nghị|chuyến công tác|(?:sang|đến|tới) (?:làm việc|công tác) tại|sang chúc (?:mừng|Tết)|"
              r"(?:đến|tới) chúc Tết|thăm,? (?:và )?chúc (?:mừng|Tết)|thăm(?: hỏi)?,? (?:và )?(?:tặng|trao) quà)\b"
              r"(?! xã giao)",
     ("thăm", "chuyến công tác", "công tác tại", "làm việc tại", "chúc mừng", "chúc tết")),
    ("lecture", r"\b(?:giảng bài|(?:trao đổi|truyền đạt|báo cáo|trình bày|giảng) chuyên đề)\b",
     ("giảng bài", "chuyên đề")),
    ("conference", r"\b(?:hội thảo|hội nghị|tọa đàm|diễn đàn)\b", ("hội thảo", "hội nghị", "tọa đàm", "diễn đàn")),
    # Happenings the schema has no kind for (kind "other", told apart by name): each only when the
    # sentence shows it happened (see _HAPPENED), as they are as often proposed or summed up.
    ("tribute", r"\b(?:dâng hoa|dâng hương|đặt vòng hoa|(?:vào Lăng )?viếng (?:Chủ tịch|Lăng|lăng|[Nn]ghĩa trang|"
                r"[Đđ]ài tưởng niệm|[Tt]ượng đài))\b", ("dâng hoa", "dâng hương", "vòng hoa", "viếng")),
    ("handover", r"\b(?:lễ bàn giao|bàn giao công trình|khánh thành|khởi công|gắn biển công trình)\b",
     ("bàn giao", "khánh thành", "khởi công", "gắn biển")),
    ("donation", r"\b(?:trao tặng|trao quà|tặng quà|trao (?:\d+ )?(?:suất )?học bổng|"
                 r"trao (?:\d+ )?(?:căn |ngôi )?nhà (?:tình nghĩa|tình thương|đại đoàn kết)|"
                 r"trao (?:tặng )?biểu trưng)\b",
     ("trao tặng", "trao quà", "tặng quà", "học bổng", "nhà tình", "đại đoàn kết", "biểu trưng")),
    ("fair", r"\b(?<!khai mạc )(?<!bế mạc )(?:[Hh]ội chợ|[Tt]riển lãm)\b", ("hội chợ", "triển lãm")),
    # a youth or friendship exchange, a gathering or rally, a tree planting held together
    ("exchange", r"\b(?:(?:chương trình|buổi|đêm) giao lưu|giao lưu hữu nghị)\b", ("giao lưu",)),
    ("gathering", r"\b(?:họp mặt|mít tinh|míttinh)\b", ("họp mặt", "mít tinh", "míttinh")),
    ("planting", r"\btrồng\s+(?:(?:\d[\d.]*|hàng nghìn|hàng trăm)\s+)?cây\b", ("trồng",)),
    ("other", r"\blễ kỷ niệm\b", ("lễ kỷ niệm",)),
    # a visit to a site or a model farm on a delegation's programme
    ("field_trip", r"\b(?:tham quan|khảo sát thực tế|nghiên cứu thực tế)\b", ("tham quan", "thực tế")),
]]
# The kinds above read as the schema's "other" (which only their names tell apart).
_OTHER_KINDS = frozenset({"tribute", "handover", "donation", "fair", "exchange", "gathering", "planting"})
# Kinds that are events only when the sentence shows they took place (see _HAPPENED): the above and field trips.
_HAPPENINGS = _OTHER_KINDS | {"field_trip"}
# Evidence that such a happening took place: a past marker or a link to the occasion just reported
# (a written or relative date also counts); what is proposed, intended or summed up over a period is not.
_HAPPENED = Cued(r"\b(?:đã|vừa|nhân dịp|dịp này|trước đó|sau đó|tiếp đó|ngay sau|cùng ngày)\b",
                 ("đã", "vừa", "dịp", "trước đó", "sau đó", "tiếp đó", "ngay sau", "cùng ngày"), re.IGNORECASE)
_NOT_HAPPENED = Cued(r"\b(?:đề nghị|mong|nhất trí|thống nhất|cần(?! Thơ)|để|nhằm|chuẩn bị|tiếp tục|phấn đấu|hướng tới|"
                     r"đề xuất|kế hoạch(?!\s+số)|có thể|thời gian qua|những năm qua|năm qua|hằng năm|hàng năm|"
                     r"thường xuyên)\b",
                     ("đề nghị", "mong", "nhất trí", "thống nhất", "cần", "để", "nhằm", "chuẩn bị", "tiếp tục",
                      "phấn đấu", "hướng tới", "đề xuất", "kế hoạch", "có thể", "năm qua", "hằng năm", "hàng năm",
                      "thường xuyên"), re.IGNORECASE)
_RECENTLY = re.compile(r"\b(?:vừa qua|vừa rồi)\b", re.IGNORECASE)
# "Sáng nay", "chiều nay", "hôm nay": the article's day (not "nay" alone: "năm nay", "đến nay").
_TODAY = Cued(r"\b(?:(?:sáng|chiều|tối|trưa)|hôm)\s+nay\b", ("nay",), re.IGNORECASE)
# "Chiều cùng ngày", "sáng cùng ngày": the day of the event reported last.
_SAME_DAY = Cued(r"\b(?:(?:buổi\s+)?(?:sáng|chiều|tối|trưa)\s+)?cùng ngày\b", ("cùng ngày",), re.IGNORECASE)
# "Tại buổi làm việc, hai bên đã ký ...": a signing at the meeting just reported, on its day.
_AT_MEETING = re.compile(r"^\W*(?:Tại|Trong)\s+(?:buổi\s+|cuộc\s+)?(?P<m>hội đàm|hội kiến|làm việc|tiếp|hội nghị|"
                         r"hội thảo|tọa đàm)\b", re.IGNORECASE)
_MEETING_KINDS = {"hội đàm": ("talks",), "hội kiến": ("talks",), "làm việc": ("talks", "reception"),
                  "tiếp": ("reception",), "hội nghị": ("conference",), "hội thảo": ("conference",),
                  "tọa đàm": ("conference",)}
_GIFT_OF_VISIT = re.compile(r"\s*(?:,|và)\s*")  # between a visit and the gift that is part of it
_DOC_DATE = re.compile(r"\bsố\s+\S+\s*,?\s*$")
_FUTURE = Cued(r"\b(?:sẽ|dự kiến|sắp)\b", ("sẽ", "dự kiến", "sắp"), re.IGNORECASE)
_PAST = re.compile(r"\b(?:đã|vừa)\b", re.IGNORECASE)
# "hội nghị" that is no meeting of the article: a venue ("Trung tâm Hội nghị Quốc gia"), a document of an
# old one ("Nghị quyết Hội nghị Trung ương 4"), meetings in general ("trên các diễn đàn")
_CONF_NOT = re.compile(r"(?:\b(?:Trung tâm|Cung|Nghị quyết|Kết luận|Văn kiện|Chỉ thị)(?:\s+số\s+\S+)?(?:\s+của)?"
                       r"|\b(?:các|những|nhiều|trên))\s+$", re.IGNORECASE)
_VI_KIND = {"opening": "khai giảng", "closing": "bế giảng", "signing": "ký kết", "reception": "tiếp",
            "talks": "hội đàm", "visit": "chuyến thăm", "lecture": "giảng bài", "conference": "hội nghị",
            "other": "lễ kỷ niệm", "field_trip": "khảo sát thực tế", "tribute": "dâng hoa", "handover": "bàn giao",
            "donation": "trao tặng", "fair": "hội chợ", "exchange": "giao lưu", "gathering": "họp mặt",
            "planting": "trồng cây"}
_COUNT = r"\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"
# The words a signed document's name opens with ("biên bản ghi nhớ" is minutes, "bản ghi nhớ" a memorandum).
_DOC_WORDS = (r"biên bản|(?<!biên )bản ghi nhớ|(?<!bản )thỏa thuận|bản thỏa thuận|hiệp định|hiệp ước|nghị định thư|"
              r"chương trình hợp tác|kế hoạch hợp tác|chương trình phối hợp|kế hoạch phối hợp|văn bản")
_AGREEMENT_RE = Cued(
    r"\bký(?:\s+kết)?(?:\s+và\s+trao(?:\s+đổi)?)?\s+(?:(?P<count>" + _COUNT + r")\s+)?"
    r"(?P<doc>(?:các\s+)?(?P<word>" + _DOC_WORDS + r")\b[^.;:()]*)", ("ký",), re.IGNORECASE)
_AGREEMENT_KIND = {"biên bản": "minutes", "thỏa thuận": "agreement", "bản thỏa thuận": "agreement",
                   "bản ghi nhớ": "memorandum", "hiệp định": "agreement", "hiệp ước": "treaty",
                   "nghị định thư": "agreement", "chương trình hợp tác": "programme", "kế hoạch hợp tác": "programme",
                   "chương trình phối hợp": "programme", "kế hoạch phối hợp": "programme",
                   "văn bản": "agreement"}
_DOC_CUT = re.compile(r",|\s+(?:có|giữa|với|tại|và\s+triển|và\s+(?=[a-zđà-ỹ])|nhằm|của|được|do|góp|trong|vào|"
                      r"(?:bao\s+)?gồm)\b")
_PERIOD_RE = re.compile(r"^[^.;:]{0,40}?(?:giai đoạn|năm)\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
# "Biên bản thỏa thuận hợp tác giữa Ban Đối ngoại ... và Ban Đối ngoại ... giai đoạn 2025-2029"
_BETWEEN_PERIOD_RE = re.compile(r"^\s*giữa\s+[^,.;:()]{1,160}?\s+(?:và|với)\s+[^,.;:()]{1,160}?\s+giai đoạn\s+"
                                r"(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
_ITEM_PERIOD_RE = re.compile(r"(?:giai đoạn|năm)\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
# "Biên bản ghi nhớ hợp tác năm 2024": a cooperation document for one year
_YEAR_PERIOD_RE = re.compile(r"\b(?:hợp tác|ghi nhớ)\b[^,;]{0,30}?\bnăm\s+(\d{4})\b(?!\s*[-–]\s*\d)", re.IGNORECASE)
# "ký kết 3 văn bản hợp tác, gồm: Biên bản ...; Bản ghi nhớ ...; Thỏa thuận ...": the documents one by one
_LIST_RE = re.compile(r"\s*,?\s*(?:(?:bao\s+)?gồm\s*:?|:)\s*")
_ITEM_RE = re.compile(r"(?:(?:và|cùng(?:\s+với)?)\s+)?(?:(?P<count>" + _COUNT + r")\s+)?(?P<word>" + _DOC_WORDS
                      + r")\b", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"\s*;\s*|\s*,\s*(?=(?:và\s+)?(?:" + _DOC_WORDS + r")\b)|\s+(?=và\s+(?:" + _DOC_WORDS
                         + r")\b)|\s+(?=cùng(?:\s+với)?\s+(?:(?:" + _COUNT + r")\s+)?(?:" + _DOC_WORDS + r")\b)",
                         re.IGNORECASE)
# where a list of documents gives way to the rest of the sentence ("…, nhằm tạo cơ sở …")
_ITEM_END = re.compile(r",\s*(?:nhằm|tạo|góp|để|qua đó|đánh dấu|mở ra|thể hiện|khẳng định)\b|\s+(?:nhằm|để)\s",
                       re.IGNORECASE)
# what a signing verb signs ("ký kết 3 văn bản", "ký Biên bản ..."), and what names documents signed earlier
_SIGNED_WHAT = re.compile(r"\s+(?:kết\s+)?(?:(?:" + _COUNT + r")\s+)?(?:các\s+)?(?:" + _DOC_WORDS + r"|chương trình)\b",
                          re.IGNORECASE)
_SIGNED_REF = re.compile(r"\b(?:các|những|nội dung|văn bản|thỏa thuận|biên bản|chương trình|kế hoạch|hiệp định|"
                         r"cam kết)\b[^,.;:]{0,60}?(?:\s+(?:đã|được|vừa))*\s*$", re.IGNORECASE)
# A signing still to come ("hai bên sẽ ký kết ...", "chuẩn bị nội dung để ký kết ..."): the clause
# before "ký" says so.
_NOT_YET = re.compile(r"\b(?:sẽ|dự kiến|sắp|tiến tới|hướng tới|chuẩn bị)\b[^,.;:]*$|\b(?:để|nhằm)\s+$", re.IGNORECASE)
# "<document> được ký kết ngày 15-1-2024", "<document> vừa được ký kết": an agreement named as signed
# (a treaty so named is history, as is an agreement signed before the year preceding the article).
_SIGNED_RE = Cued(r"\s(?:(?P<recent>vừa)\s+|đã\s+)?(?:được\s+(?:hai bên\s+)?ký(?:\s+kết)?|"
                  r"ký(?:\s+kết)?(?=\s+(?:vào\s+)?ngày)|ký(?:\s+kết)?(?=[^.;:,]{0,50}?\bvừa\s+(?:qua|rồi)\b))\b",
                  ("ký",), re.IGNORECASE)
_SIGNED_DOC_RE = re.compile(r"(?<!\w)(?:biên bản|(?<!biên )bản ghi nhớ|(?<!bản )thỏa thuận|bản thỏa thuận|hiệp định|"
                            r"nghị định thư|chương trình hợp tác|kế hoạch hợp tác)\b", re.IGNORECASE)
# "kỷ niệm 47 năm Ngày ký Hiệp ước ...", "nhân dịp 47 năm ký kết Hiệp ước ...": an old signing's anniversary
_CLAUSE_END = re.compile(r"[,.;:]")
_ANNIVERSARY = re.compile(r"kỷ niệm[^.;]{0,60}$|\b\d+\s+năm\s+(?:[Nn]gày\s+)?$", re.IGNORECASE)
_COURSE_RE = Cued(
    r"(?:khai giảng|bế giảng|tổ chức|mở)\s+(?:lễ\s+(?:khai giảng|bế giảng)\s+(?:và\s+[^\W\d][^.;:,\d]{0,40}?\s+)?)?"
    r"(?P<n>\d+\s+)?"
    r"(?P<name>(?:[Ll]ớp|[Kk]hóa)\s+"
    r"[^.;:]*?)(?=\s*\(gồm|\s*,\s*(?:tham dự|nước|tại|với|do|kéo dài|trong thời gian)|[.;:]|$)", ("lớp", "khóa"))
# "Lớp học bắt đầu từ ngày 4-9-2023", "khóa học khai giảng ngày 12/3": when a course began, told apart
# from its opening ceremony (a closing story gives it so); the date follows, after "từ" or "vào" at most.
_COURSE_START_RE = Cued(r"\b(?:[Ll]ớp học|[Kk]hóa học|[Ll]ớp|[Kk]hóa)\s+(?:đã\s+|được\s+)*(?:bắt đầu|khai giảng)\b",
                        ("bắt đầu", "khai giảng"))
_START_GAP = re.compile(r"\s*(?:(?:từ|vào)\s+)?")
_COURSE_WORDS = re.compile(r"đào tạo|bồi dưỡng|lý luận|cao cấp|trung cấp|tập huấn|nghiệp vụ|chính trị", re.IGNORECASE)
_COUNTS_RE = Cued(r"(\d+)\s+đồng chí\s*[(:]\s*(?:gồm\s+)?(\d+)\s+học viên\s*,\s*(\d+)\s+cán bộ quản lý",
                  ("học viên",))
_TRAINEES_RE = Cued(r"(?<![\d.,])(\d+)\s+học viên", ("học viên",))
# "lớp bồi dưỡng ... cho 30 cán bộ tỉnh Hủa Phăn": the trainees counted in the sentence naming the course
_FOR_CADRES_RE = re.compile(r"\bcho\s+(\d+)\s+(?:cán bộ|học viên)\b")
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
# ("trong 6 tháng đầu năm", "trong 5 tháng qua" are spans of a report, not a course's length)
_DURATION_RE = Cued(r"\b(?:[Tt]rong(?: thời gian)?|[Vv]ới thời gian(?: học| đào tạo| bồi dưỡng)?|"
                    r"[Tt]hời gian (?:học|đào tạo|bồi dưỡng)(?: là)?|kéo dài(?: trong)?)\s+"
                    r"(\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(ngày|tuần|tháng)\b"
                    r"(?!\s+(?:qua|tới|đầu|cuối|vừa|gần đây|trước))", ("ngày", "tuần", "tháng"))
_PLAN_RE = Cued(
    r"(?:(?P<word>Kế hoạch|Quyết định|Chương trình|Nghị quyết|Chỉ thị|Kết luận)\s+(?:số\s+)?)?"
    r"(?P<num>\d+(?:/\d{4})?[-/](?:KH|QĐ|NQ|CTr|CT|KL|TB|HD)(?:[-/][A-ZĐ]+)+)(?![\w/-])",
    ("-kh", "/kh", "-qđ", "/qđ", "-nq", "/nq", "-ct", "/ct", "-kl", "/kl", "-tb", "/tb", "-hd", "/hd"))
_PLAN_KIND = {"kế hoạch": "plan", "kh": "plan", "quyết định": "decision", "qđ": "decision", "nghị quyết": "resolution",
              "nq": "resolution", "chương trình": "programme", "ctr": "programme", "chỉ thị": "decision",
              "ct": "decision", "kết luận": "decision", "kl": "decision"}
_DELEGATION_RE = Cued(r"(?<![\w-])[Đđ]oàn (?:đại biểu|Đại biểu|công tác)\b[^,.;:()]*",
                      ("đoàn đại biểu", "đoàn công tác"))
_DELEGATION_CUT = re.compile(r"\s+(?:do|đã|đang|sẽ|tới|sang|đến|và|tại|trong|nhằm|có|thăm|làm|về|với|của|cùng|"
                             r"sau|theo)\b")
_ABOUT = re.compile(r"\bvề việc\b")
_ORG_CUT = re.compile(r"\s+(?:đã|đang|sẽ|vừa|tổ chức|long trọng|khai giảng|ban hành|mở|phối hợp)\b.*$")
_TAI_RE = Cued(r"\btại\s+", ("tại",), cased=True)
# "Cùng dự còn có các đồng chí …", "Tham dự còn có …": a sentence that adds people to the
# event just described rather than naming an event of its own.
_ALSO_PRESENT = re.compile(r"^\W*(?:cùng\s+(?:tham\s+)?dự|cùng\s+tham\s+gia|(?:tham\s+)?dự\s+[^.;:]{0,40}?còn\s+có|"
                           r"tham\s+dự\s+còn\s+có|cùng\s+đi\s+còn\s+có)\b", re.IGNORECASE)
# How far back the event of an "also present" sentence may be named.
_ALSO_PRESENT_REACH = 800


@dataclass
class _EventHit:
    kind: str
    start: int
    end: int
    date: DateMention | None
    sentence: tuple[int, int]
    back: bool
    officials: list[tuple[str, str]] = field(default_factory=list)
    bodies: list[tuple[str, str]] = field(default_factory=list)
    node: tuple[str, str] | None = None  # the Event node, once emitted
    earlier: bool = False  # a signing reported as done before the article's events ("đã ký ... vừa qua")


def _phrase_body(d: _Doc, phrase: str, start: int, country: str = "VN", whole: bool = False,
                 known: bool = False) -> tuple[str, str] | None:
    """A body named in running text ("Thành ủy Hà Nội", "Học viện Chính trị ... Hồ Chí Minh").

    ``whole``: the phrase is a name, and a body read from its first words only ("Trung ương" of
    "Trung ương Đoàn Thanh niên ...", a name the gazetteer lacks) is not that name's body: None.
    ``known``: only a body the document has named already (the phrase was not written as such).
    """
    from interparty.loaders.vi import _body_node
    from interparty.loaders.vi_lexicon import body_key

    phrase = phrase.strip(" ,")
    head = d.lex.body_start_re.match(phrase) if phrase else None
    if head is None:
        return None
    seg = TitleSeg(0, len(phrase), phrase, TitleHead(head="", role=""), phrase)
    ref = resolve(seg, country, [seg], d.ctx, d.lex)
    if ref is None:
        return None
    if whole:  # the name goes on after the head ("Trung ương Câu lạc bộ ..."), but the body read does not
        after = phrase[head.end():].split(maxsplit=1)
        if after and after[0][:1].isupper() and fold(after[0]) not in fold(ref.name).split():
            return None
    if known and ("Body", body_key(ref.name)) not in d.emitted:
        return None
    return _body_node(d, ref, start, start + len(phrase))


_YEAR_IN_SENTENCE = re.compile(r"\bnăm\s+(\d{4})\)?")
_ANY_YEAR = Cued(r"\bnăm\s+(\d{4})\b", ("năm",), re.IGNORECASE)


def _date_props(d: _Doc, dm: DateMention | None, back: bool, sentence: str = "") -> dict[str, object]:
    """Event date props; a year missing from the date is taken from "(năm 2013)" in the sentence, else the article."""
    if dm is None:
        return {}
    year = dm.year
    if year is None:
        years = set(_YEAR_IN_SENTENCE.findall(sentence)) if "năm" in sentence else set()  # (a cue, as in Cued)
        if len(years) == 1:
            year = int(years.pop())
    date, inferred = resolve_year(dm.day, dm.month, dm.year or year, d.doc.date, back)
    inferred = inferred or (dm.year is None and year is not None)
    props: dict[str, object] = {"date": date, "date_text": dm.text, "year_inferred": inferred}
    if dm.is_range and dm.end_day and dm.end_month:
        props["end_date"] = resolve_year(dm.end_day, dm.end_month, dm.end_year or dm.year, d.doc.date, back)[0]
    return props


def extract_events(d: _Doc) -> None:
    """Events, agreements, courses, plans and delegations of one document."""
    hits: list[_EventHit] = []
    agreements: list[_Agreement] = []
    per_sentence: list[tuple[str, bool, tuple[DateMention, ...]]] = []  # shared with _courses_and_plans
    last_day: tuple[DateMention, bool] | None = None  # the day of the event dated last, for "cùng ngày"
    for a, b in d.sentences:
        s = d.view[a:b]
        low = s.lower()
        will = _FUTURE.search(s, low)
        # "Đoàn đã hội đàm ..., hai bên sẽ phối hợp ...": what is said to come after a past is not it
        future_from = -1 if will is None else (will.start() if _PAST.search(s, 0, will.start()) else 0)
        dates = find_dates(s)
        # "(2-12-1960 – 2-12-2023)": an anniversary's span, from a year long past, dates no event
        ranges = [x for x in dates if x.is_range and not _history(d, x)]
        # "Kế hoạch số 201-KH/TU ngày 5-3-2024": a document's date, no event's
        points = [x for x in dates if not x.is_range and not _DOC_DATE.search(s, 0, x.start)]
        back = looks_back(s, low)
        per_sentence.append((low, back, dates))
        day_back = back
        if not dates and last_day is not None and (same := _SAME_DAY.search(s, low)):
            # "Chiều cùng ngày, Đoàn đã dâng hoa ...": the day of the event reported last
            day, day_back = last_day
            points = [DateMention(same.start(), same.end(), same.group(0).strip(), day.day, day.month, day.year)]
        elif not dates and (today := _TODAY.search(s, low)) and (ymd := article_day(d.doc.date)) is not None:
            # "Sáng nay, tại thành phố Đồng Hới, ...": the article's day
            points = [DateMention(today.start(), today.end(), today.group(0).strip(), ymd[2], ymd[1], None)]
        kinds: dict[str, re.Match[str]] = {}
        for kind, rx in _KINDS:
            m = rx.search(s, low)
            if m and kind == "conference":  # the first that names a meeting held (see _CONF_NOT)
                m = next((x for x in rx.finditer(s, low) if not _CONF_NOT.search(s, 0, x.start())), None)
            if m and not (0 <= future_from <= m.start() and kind not in ("visit",)):
                kinds.setdefault(kind, m)
        if "signing" in kinds and (_ANNIVERSARY.search(s[:kinds["signing"].start()])
                                   or _NOT_YET.search(s[:kinds["signing"].start()])
                                   or _signed_earlier(s, kinds["signing"])):
            del kinds["signing"]
        # "Ngày 18-7-1977, hai nước đã ký Hiệp ước ...": a signing years before the article is history,
        # and such a date is no event's of the article ("Biên bản ... ký ngày 10-3-2021")
        old = [x for x in points if _history(d, x)]
        # "(2-12-1960 – 2-12-2023)": the day an anniversary's span reaches is no event's either
        old += [x for x in points for o in old if x.start > o.end and s[o.end:x.start].strip() in ("-", "–", "—")]
        history = bool(old) and len(old) == len(points)
        if history and "signing" in kinds:
            del kinds["signing"]
        if old:
            points = [x for x in points if x not in old]
        # "Đoàn đã thăm, tặng quà bà con", "Đoàn đến thăm, tặng quà ...": the gift is part of the visit,
        # not a donation of its own
        if "donation" in kinds and "visit" in kinds and (
                kinds["visit"].end() >= kinds["donation"].end() >= kinds["visit"].start()
                or _GIFT_OF_VISIT.fullmatch(s, kinds["visit"].end(), kinds["donation"].start())):
            del kinds["donation"]
        for kind in _HAPPENINGS.intersection(kinds):
            m = kinds[kind]
            # a field trip is an event on a day ("Chiều cùng ngày, Đoàn đã tham quan ..."); undated, it is
            # part of a course's programme ("học viên đã ... đi nghiên cứu thực tế tại ...")
            dated = bool(points or ranges)
            if not (dated or (kind != "field_trip" and _HAPPENED.search(s, low))) \
                    or _NOT_HAPPENED.search(s[:m.start()]) or _earlier_year(d, s):
                del kinds[kind]
        main = [k for k in kinds if k != "visit" and k not in _HAPPENINGS]
        sent_hits = []
        for extra in ranges[1:] if "visit" in kinds else []:
            hit = _EventHit("visit", a + extra.start, a + extra.end, extra, (a, b), back)
            hits.append(hit)
            sent_hits.append(hit)
        for kind, m in kinds.items():
            hit_back = day_back
            if kind == "visit":
                dm = ranges[0] if ranges else (points[0] if points and not main else None)
            elif kind == "signing":
                dm = points[0] if points else (ranges[0] if ranges else None)
                if dm is None and (meeting := _meeting_day(s, hits)) is not None:
                    dm, hit_back = meeting
            elif kind in _HAPPENINGS:
                dm = points[0] if points else None
            else:
                dm = points[0] if points and kind == main[0] else None
            hit = _EventHit(kind, a + m.start(), a + m.end(), dm, (a, b), hit_back if dm is not None else back)
            hits.append(hit)
            sent_hits.append(hit)
        dated = [h for h in sent_hits if h.date is not None and not h.date.is_range]
        if dated:
            last = max(dated, key=lambda h: h.date.start)  # type: ignore[union-attr]
            last_day = (last.date, last.back)  # type: ignore[assignment]
        # Delegations named in the sentence take part in its events.
        for m in _DELEGATION_RE.finditer(s, low):
            text = m.group(0)
            cut = _DELEGATION_CUT.search(text)
            text = text[:cut.start()] if cut else text
            text = text.strip()
            first_place = d.lex.places_in(text)
            if first_place:
                # "... Mặt trận Lào xây dựng đất nước": a place inside a body's full name does not end it
                end = first_place[0].end
                end = max([end, *(bb for ba, bb, _ in d.lex.body_name_spans(text) if ba < end <= bb)])
                text = text[:end]
            if len(text.split()) < 3 or not re.search(r"\s[A-ZĐÀ-Ỹ]", text[5:]):
                continue
            places = d.lex.places_in(text)
            country = places[0].place.country if places and places[0].place else "VN"
            node = _phrase_body(d, text[0].upper() + text[1:], a + m.start(), country)
            if node:
                for h in sent_hits:
                    h.bodies.append(node)
        signed_spans: list[tuple[int, int]] = []
        for m in _AGREEMENT_RE.finditer(s, low):
            if history or _ANNIVERSARY.search(s[:m.start()]) or _NOT_YET.search(s[:m.start()]):
                continue
            signed_spans.append((m.start(), m.end("doc")))
            signing = next((h for h in sent_hits if h.kind == "signing"), None)
            date: dict[str, object] = {}
            if signing and signing.date:
                dp = _date_props(d, signing.date, signing.back, s)
                date = {"date": dp["date"], "year_inferred": dp["year_inferred"]}
            sides = _agreement_sides(d, s, a, m.start("doc"))
            props, name = _document(s, m.start("doc"), m.group("doc"), m.group("word"), m.group("count"))
            plural = m.group("count") or fold(m.group("word")) == "văn bản" or m.group("doc")[:4].lower() == "các "
            items = _listed(s, m.start("doc") + len(name)) if plural else _listed(s, m.start("doc"), m.end("doc"))
            for ia, ib, iprops in items:  # the documents of "3 văn bản hợp tác, gồm: ..." one by one
                agreements.append(({**iprops, **date}, a + ia, a + ib, signing, sides, True))
            if not items:
                agreements.append(({**props, **date}, a + m.start(), a + m.end("doc"), signing, sides, False))
        for m in _SIGNED_RE.finditer(s, low):
            signed = _signed_before(d, s, m, signed_spans)
            if signed is not None:
                props, da, db, recent = signed
                earlier = None
                if recent and "signing" not in kinds:
                    # "Biên bản ... mà hai Bộ đã ký tại Viêng Chăn vừa qua": a recent signing of its own
                    earlier = _EventHit("signing", a + m.start(), a + m.end(), None, (a, b), True, earlier=True)
                    hits.append(earlier)
                agreements.append((props, a + da, a + db, earlier, _agreement_sides(d, s, a, da), False))
    _emit_events(d, hits)
    _emit_agreements(d, agreements, hits)
    _courses_and_plans(d, hits, per_sentence)


def _document(s: str, start: int, text: str, word: str, count: str | None) -> tuple[dict[str, object], str]:
    """The props of a signed document named at ``start`` in ``s`` (``text`` running on from there), and its name."""
    cut = _DOC_CUT.search(text)
    name = (text[:cut.start()] if cut else text).strip()
    after = s[start + len(name):]
    period = _PERIOD_RE.match(after) or _PERIOD_RE.search(name) or _BETWEEN_PERIOD_RE.match(after)
    if period and not _PERIOD_RE.search(name):
        name = f"{name}, giai đoạn {period.group(1)}-{period.group(2)}"
    return _doc_props(word, name, period, count), name


def _doc_props(word: str, name: str, period: re.Match[str] | None, count: str | None) -> dict[str, object]:
    """Kind, name, period (that of ``period``, else "năm 2024" of a cooperation document) and count."""
    props: dict[str, object] = {"kind": _AGREEMENT_KIND.get(fold(word), "agreement"), "name": name}
    if period:
        props["period"] = f"{period.group(1)}-{period.group(2)}"
    elif year := _YEAR_PERIOD_RE.search(name):
        props["period"] = year.group(1)
    if count:
        props["count"] = int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
    return props


def _listed(s: str, pos: int, end: int | None = None) -> list[tuple[int, int, dict[str, object]]]:
    """The documents listed after a count of them at ``pos`` ("…, gồm: Biên bản …; Bản ghi nhớ …"), or
    (with ``end``) joined in ``s[pos:end]`` ("Biên bản … và Bản ghi nhớ …"), each (start, end, props),
    when every item names a document (and, joined, there are two at least); else none."""
    if end is None:
        head = _LIST_RE.match(s, pos)
        if head is None or head.end() == pos:
            return []
        lo = head.end()
    else:
        lo = pos
    out = []
    body = s[lo:end].rstrip(" .")
    if stop := _ITEM_END.search(body):
        body = body[:stop.start()]
    if end is not None and not _ITEM_SPLIT.search(body):
        return []
    bounds, at = [], 0
    for sep in _ITEM_SPLIT.finditer(body):
        bounds.append((at, sep.start()))
        at = sep.end()
    bounds.append((at, len(body)))
    for at, to in bounds:
        piece = body[at:to]
        item = _ITEM_RE.match(piece)
        if item is None:
            return []
        name = piece[item.start("word"):].strip(" ,")
        props = _doc_props(item.group("word"), name, _ITEM_PERIOD_RE.search(name), item.group("count"))
        out.append((lo + at + item.start("word"), lo + at + len(piece), props))
    return out


def _signed_before(d: _Doc, s: str, m: re.Match[str],
                   taken: list[tuple[int, int]]) -> tuple[dict[str, object], int, int, bool] | None:
    """An agreement named as signed ("Thỏa thuận ... được ký kết ngày 15-1-2024", "... vừa được ký kết"):
    its props, span and whether it is said to be recent with no date ("vừa qua"), unless it is history
    (signed before the year preceding the article), one read already as signed in the sentence, or its
    date is not given (and it is not said to be recent)."""
    lo = max(0, m.start() - 200)
    docs = list(_SIGNED_DOC_RE.finditer(s, lo, m.start()))
    if not docs:
        return None
    doc = docs[-1]
    between = s[doc.end():m.start()]
    if any(c in between for c in ".;:") or _ANNIVERSARY.search(s[:doc.start()]) \
            or any(x <= doc.start() < y for x, y in taken):
        return None
    clause = _CLAUSE_END.search(s, m.end())
    clause_end = clause.start() if clause else len(s)
    date = next((x for x in find_dates(s) if m.end() <= x.start <= m.end() + 12
                 or (m.end() <= x.start < clause_end and _RECENTLY.search(s, x.end, clause_end))), None)
    recent = date is None and bool(m.group("recent") or _RECENTLY.search(s, m.end(), clause_end))
    if date is None and not recent:
        return None
    props, name = _document(s, doc.start(), s[doc.start():m.start()], doc.group(0), None)
    if date is not None:
        if _history(d, date):
            return None
        dp = _date_props(d, date, True, s)
        props["date"], props["year_inferred"] = dp["date"], dp["year_inferred"]
    return props, doc.start(), doc.start() + len(name), recent


def _signed_earlier(s: str, m: re.Match[str]) -> bool:
    """"các nội dung hợp tác đã ký kết", "những thỏa thuận đã được ký kết": a bare "ký kết" that says
    of documents named before it that they were signed (some time), not a signing."""
    if _SIGNED_WHAT.match(s, m.end()):
        return False
    return bool(_SIGNED_REF.search(s, max(0, m.start() - 80), m.start()))


def _article_year(d: _Doc) -> int | None:
    date = d.doc.date
    return int(date[:4]) if date and date[:4].isdigit() else None


def _earlier_year(d: _Doc, s: str) -> bool:
    """The sentence names a year before the article's ("năm 2023, hai tỉnh đã ..."): a summary of the past."""
    year = _article_year(d)
    return year is not None and any(int(m.group(1)) < year for m in _ANY_YEAR.finditer(s))


def _history(d: _Doc, dm: DateMention) -> bool:
    """A date whose written year is before the year preceding the article's."""
    year = _article_year(d)
    return bool(dm.year and year is not None and dm.year < year - 1)


def _meeting_day(s: str, hits: list[_EventHit]) -> tuple[DateMention, bool] | None:
    """"Tại buổi làm việc, hai bên đã ký ...": the day of the meeting reported last (a date read from
    the context, its text the phrase that says so), with that meeting's looking-back flag."""
    at = _AT_MEETING.match(s)
    if at is None:
        return None
    kinds = _MEETING_KINDS[at.group("m").lower()]
    for h in reversed(hits):
        if h.kind in kinds and h.date is not None and not h.date.is_range:
            dm = h.date
            return DateMention(at.start("m"), at.end(), at.group(0).strip(" ,"), dm.day, dm.month, dm.year), h.back
    return None


def _emit_events(d: _Doc, hits: list[_EventHit]) -> None:
    people = _people_by_sentence(d)
    _emit_event_nodes(d, hits, people)
    _also_present(d, hits, people)


def _emit_event_nodes(d: _Doc, hits: list[_EventHit], people: dict[tuple[int, int], list]) -> None:
    made: dict[str, tuple[str, str]] = {}
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for i, h in enumerate(sorted(hits, key=lambda x: x.date is None)):
        props = _date_props(d, h.date, h.back, d.view[h.sentence[0]:h.sentence[1]])
        if h.date is None and h.back and (when := _RECENTLY.search(d.view, h.sentence[0], h.sentence[1])):
            props["date_text"] = when.group(0)  # "Vừa qua, hai tỉnh đã tổ chức ...": no day, but recent
        if h.date is None and by_kind.get(h.kind):
            node = by_kind[h.kind][0]
            d.fb.node("Event", node[1], d.fb.mention(h.start, h.end, "vi.event.repeat", 0.6))
        else:
            # (a trip "từ ngày 24 đến 26-2" is not the same event as a visit on its first day)
            span = f"..{props['end_date']}" if props.get("end_date") else ""
            ident = f"{d.doc.key}|{h.kind}|{props.get('date') or f'#{i}'}{span}"
            if ident in made:
                node = made[ident]
                d.fb.node("Event", node[1], d.fb.mention(h.start, h.end, "vi.event.repeat", 0.7))
            else:
                what = fold(d.view[h.start:h.end]) if h.kind in _OTHER_KINDS else _VI_KIND[h.kind]
                name = f"{what} {h.date.text}" if h.date else what
                kind = "other" if h.kind in _OTHER_KINDS else h.kind
                node = d.fb.node("Event", ident, d.fb.mention(h.start, h.end, f"vi.event.{h.kind}", 0.8),
                                kind=kind, name=name, **props)
                made[ident] = node
                if not h.earlier:  # a later undated signing is not a mention of the earlier one
                    by_kind.setdefault(h.kind, []).append(node)
        h.node = node
        for off, (oa, ob) in [] if h.earlier else people.get(h.sentence, []):
            d.fb.rel("ATTENDED", off, node, d.fb.mention(oa, ob, "vi.attended.same_sentence", 0.7),
                     role="participant")
        for body in h.bodies:
            d.fb.rel("TOOK_PART_IN", body, node, d.fb.mention(h.start, h.end, "vi.took_part.same_sentence", 0.7),
                     role="delegation")
        s = d.view[h.sentence[0]:h.sentence[1]]
        for m in _TAI_RE.finditer(s):
            ps = d.lex.places_in(s[m.end():m.end() + 40])
            if ps and ps[0].start == 0 and ps[0].place is not None:
                from interparty.loaders.vi import _place_node

                pa = h.sentence[0] + m.end()
                place = _place_node(d, ps[0].place, pa, pa + ps[0].end, ps[0].core)
                d.fb.rel("HELD_IN", node, place, d.fb.mention(pa, pa + ps[0].end, "vi.held_in", 0.7))
                break


def _also_present(d: _Doc, hits: list[_EventHit], people: dict[tuple[int, int], list]) -> None:
    """People of an "also present" sentence attended the event named last before it."""
    with_event = {h.sentence for h in hits}
    ordered = sorted((h.start, h.end, h.node) for h in hits if h.node is not None and not h.earlier)
    starts = [start for start, _, _ in ordered]
    for span, found in people.items():
        if span in with_event or not _ALSO_PRESENT.match(d.view[span[0]:span[1]]):
            continue
        k = bisect.bisect_left(starts, span[0]) - 1
        if k < 0 or span[0] - ordered[k][1] > _ALSO_PRESENT_REACH:
            continue
        event = ordered[k][2]
        for off, (oa, ob) in found:
            d.fb.rel("ATTENDED", off, event, d.fb.mention(oa, ob, "vi.attended.also_present", 0.65),
                     role="participant")


def _people_by_sentence(d: _Doc) -> dict[tuple[int, int], list[tuple[tuple[str, str], tuple[int, int]]]]:
    out: dict[tuple[int, int], list[tuple[tuple[str, str], tuple[int, int]]]] = {}
    sentences = d.sentences
    starts = [a for a, _ in sentences]
    for n in d.fb.nodes:
        if n.kind != "Official":
            continue
        for m in n.mentions:
            # the sentence of the view holding the mention (they are sorted and disjoint), else the text's
            k = bisect.bisect_right(starts, m.start) - 1
            span = sentences[k] if k >= 0 and m.start < sentences[k][1] else d.fb.sentence_at(m.start)
            out.setdefault(span, []).append((n.ref, (m.start, m.end)))
    return out


def _emit_agreements(d: _Doc, agreements: list[_Agreement], hits: list[_EventHit]) -> None:
    made: dict[str, tuple[str, str]] = {}
    words: dict[str, set[str]] = {}  # ident -> the words of the document's name
    order = sorted(range(len(agreements)), key=lambda i: not (agreements[i][0].get("period")
                                                              or agreements[i][0].get("date")))
    for i in order:
        props, a, b, signing, sides, listed = agreements[i]
        # an undated mention of a document named before ("Biên bản ghi nhớ" after "Biên bản ghi nhớ hợp
        # tác giai đoạn ..."), not another document of the kind ("Biên bản ghi nhớ về văn thư")
        named = set(_NAME_WORDS.findall(fold(str(props["name"]))))
        same = [k for k in made if k.split("|")[1] == props["kind"] and named <= words[k]]
        tag = props.get("period") or props.get("date")
        # a count of documents ("5 văn bản hợp tác") and each document of a list are documents of their own
        own = ([f"n{props['count']}"] if props.get("count") else []) + ([fold(str(props["name"]))] if listed else [])
        if not tag and same and not own:
            node = d.fb.node("Agreement", made[same[0]][1], d.fb.mention(a, b, "vi.agreement.repeat", 0.6))
            _party_to(d, sides, node)
            continue
        ident = "|".join([d.doc.key, str(props["kind"]), str(tag or f"#{i}"), *own])
        node = d.fb.node("Agreement", ident, d.fb.mention(a, b, "vi.agreement", 0.8), **props)
        made[ident] = node
        words[ident] = named
        _party_to(d, sides, node)
        if signing is not None and signing.node is not None:
            d.fb.rel("SIGNED_AT", node, signing.node, d.fb.mention(a, b, "vi.signed_at", 0.75))


# (props, start, end, the signing event, the sides, whether one of a list of documents)
_Agreement = tuple[dict[str, object], int, int, "_EventHit | None", list[tuple[tuple[str, str], int, int]], bool]
# "giữa Thủ đô Hà Nội và Thủ đô Viêng Chăn": the two sides of an agreement.
_BETWEEN_RE = re.compile(r"\bgiữa\s+(?P<x>[^,.;:()]+?)\s+(?:và|với)\s+(?P<y>[^,.;:()]+?)"
                         r"(?=\s*[,.;:()]|\s+(?:giai đoạn|nhằm|về|trong|tại|vào|năm|nhân|để|đã|được)\b|$)")
_SUBJECTS_RE = re.compile(r"(?:^|[,;:]\s*)(?P<x>[^,;:()]+?)\s+và\s+(?P<y>[^,;:()]+?)(?:\s*\([^()]*\))?"
                          r"\s+(?:(?:đã|vừa|cùng|chính thức|long trọng)\s+)*(?:ký|lễ ký)[^,;:]*$", re.IGNORECASE)
_BOTH_SIDES_RE = re.compile(r"(?<![\w-])(?:[Hh]ai bên|giữa hai (?:tỉnh|thành phố|Thủ đô|địa phương))(?![\w-])")
# "cho 27 cán bộ chủ chốt của Thủ đô Viêng Chăn", "đào tạo cán bộ 2 tỉnh Salavan và Savannakhet",
# "cán bộ công tác đảng, đoàn thể Thủ đô Viêng Chăn" (a lower-case sector before the place)
_CADRES_OF_RE = re.compile(r"(?<![\w-])cán bộ\s+(?:chủ chốt\s+|lãnh đạo\s+)?"
                           r"(?:(?:công tác|khối)\s+[^,.;:()A-ZĐ]*?(?:,\s*[^,.;:()A-ZĐ]*?)?\s+(?=[A-ZĐ]))?"
                           r"(?:của\s+|thuộc\s+)?(?:\d+\s+)?(?P<who>[^,.;:()]+)")
_WHO_CUT = re.compile(r"\s+(?:do|đã|đang|sẽ|tại|trong|từ|với|nhằm|về|theo|được|có|là|khóa|lớp)\b")


def _side(d: _Doc, phrase: str, start: int) -> tuple[str, str] | None:
    """The body a side of an agreement or a course's trainees is named by: a body
    ("Thành ủy Viêng Chăn") or a locality ("Thủ đô Hà Nội", "tỉnh Salavan")."""
    from interparty.loaders.vi import _locality_node

    lead = len(phrase) - len(phrase.lstrip())
    phrase, start = phrase.strip(), start + lead
    if not phrase:
        return None
    if d.lex.body_start_re.match(phrase):
        return _phrase_body(d, phrase, start)
    ps = d.lex.places_in(phrase)
    if ps and ps[0].start == 0 and ps[0].place is not None and ps[0].level in ("city", "province"):
        return _locality_node(d, ps[0].place, ps[0].text, start, start + ps[0].end)
    return None


def _two_sides(d: _Doc) -> list[str]:
    """The two localities an article is about, when that is unambiguous ("hai bên" then means
    them): exactly two countries name a city or province, and in each one place is named more
    often than all the others of that country together."""
    by_country: dict[str, dict[str, int]] = {}
    for (country, level, name), n in d.ctx.counts.items():
        if level in ("city", "province"):
            by_country.setdefault(country, {})[name] = n
    if len(by_country) != 2:
        return []
    out = []
    for _country, counts in sorted(by_country.items()):
        name, top = max(counts.items(), key=lambda x: x[1])
        if top <= sum(counts.values()) - top:
            return []
        out.append(name)
    return out


def _agreement_sides(d: _Doc, s: str, a: int, lo: int) -> list[tuple[tuple[str, str], int, int]]:
    """Bodies party to an agreement read in ``s`` (from ``lo``): "giữa X và Y", else "hai bên"."""
    from interparty.loaders.vi import _locality_node

    out: list[tuple[tuple[str, str], int, int]] = []
    m = _BETWEEN_RE.search(s, lo)
    if m:
        # "giữa Ban Tuyên giáo và Dân vận Trung ương và Ban Tuyên huấn ...": the "và" a name follows
        xa, yb = m.start("x"), m.end("y")
        join = next((j for j in _JOIN.finditer(s, xa, yb) if d.lex.body_start_re.match(s, j.end())
                     or any(p.start == 0 for p in d.lex.places_in(s[j.end():yb]))), None)
        spans = [(xa, join.start()), (join.end(), yb)] if join else [(xa, m.end("x")), (m.start("y"), yb)]
        for sa, sb in spans:
            node = _side(d, s[sa:sb], a + sa)
            if node is not None:
                out.append((node, a + sa, a + sb))
        return out
    # "Thủ đô Hà Nội và Thủ đô Viêng Chăn (Lào) ký kết ...": the two subjects of the signing
    subject = _SUBJECTS_RE.search(s[:lo])
    if subject:
        nodes = [(_side(d, subject.group(g), a + subject.start(g)), subject.start(g), subject.end(g))
                 for g in ("x", "y")]
        if all(n is not None for n, _, _ in nodes):
            return [(n, a + sa, a + sb) for n, sa, sb in nodes if n is not None]
    if out := _body_subjects(d, s, a, lo):
        return out
    both = _BOTH_SIDES_RE.search(s)
    if both:
        for name in _two_sides(d):
            place = d.ctx.places[name]
            spelled = d.ctx.spelling[name].most_common(1)[0][0]
            node = _locality_node(d, place, spelled, a + both.start(), a + both.end())
            out.append((node, a + both.start(), a + both.end()))
    return out


def _body_subjects(d: _Doc, s: str, a: int, lo: int) -> list[tuple[tuple[str, str], int, int]]:
    """"Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị và Sở Thông tin, Văn hóa và Du lịch tỉnh
    Xa-van-na-khệt đã ký ...": two bodies whose names hold commas and "và", joined by the "và" that
    a body's name follows, as the subjects of the signing before ``lo``."""
    verbs = list(_SIGN_VERB.finditer(s, 0, lo))
    if not verbs:
        return []
    verb = verbs[-1]
    joins = [j for j in _AND.finditer(s, 0, verb.start()) if d.lex.body_start_re.match(s, j.end())]
    if not joins:
        return []
    join = joins[-1]
    starts = [0, *(c.end() for c in _COMMA.finditer(s, 0, join.start()))]
    xa = next((p for p in reversed(starts) if d.lex.body_start_re.match(s, p)), None)
    if xa is None:
        return []
    # "X và Y đã hội đàm, trao đổi ... và ký": the second subject ends where its predicate begins
    ye = next((p.start() for p in _PREDICATE.finditer(s, join.end(), verb.start())), verb.start())
    x, y = _side(d, s[xa:join.start()], a + xa), _side(d, s[join.end():ye], a + join.end())
    if x is None or y is None:
        return []
    return [(x, a + xa, a + join.start()), (y, a + join.end(), a + ye)]


_PREDICATE = re.compile(r"\s+(?:đã|đang|sẽ|vừa)\s")
_SIGN_VERB = re.compile(r"(?:\s+(?:đã|vừa|cùng|chính thức|long trọng))*\s+(?:lễ\s+)?ký\b", re.IGNORECASE)
_AND = re.compile(r"\s+và\s+")
_NAME_WORDS = re.compile(r"[^\W\d_]+")
_JOIN = re.compile(r"\s+(?:và|với)\s+")
_COMMA = re.compile(r",\s*")


def _party_to(d: _Doc, sides: list[tuple[tuple[str, str], int, int]], agreement: tuple[str, str]) -> None:
    for body, sa, sb in sides:
        d.fb.rel("PARTY_TO", body, agreement, d.fb.mention(sa, sb, "vi.agreement.party", 0.75))


def _trainee_bodies(d: _Doc, s: str, a: int, lo: int) -> list[tuple[tuple[str, str], int, int]]:
    """Whose cadres a course trains: "cán bộ [của] X" after the course is named (X a body or
    localities joined by "và")."""
    m = _CADRES_OF_RE.search(s, lo)
    if not m:
        return []
    who = m.group("who")
    cut = _WHO_CUT.search(who)
    who = who[:cut.start()] if cut else who
    start = a + m.start("who")
    if d.lex.body_start_re.match(who):
        node = _side(d, who, start)
        return [(node, start, start + len(who))] if node else []
    out = []
    for piece in re.finditer(r"[^,]+?(?=\s+và\s+|,|$)", who):
        text = piece.group(0)
        text = text[4:] if text.startswith("và ") else text
        shift = piece.end() - len(text)
        ps = d.lex.places_in(text.strip())
        if ps and ps[0].place is not None and ps[0].level in ("city", "province"):
            lead = len(text) - len(text.lstrip())
            pa = start + shift + lead + ps[0].start
            out.append((_side_place(d, ps[0], pa), pa, pa + ps[0].end - ps[0].start))
    return out


def _side_place(d: _Doc, pm: PlaceMatch, start: int) -> tuple[str, str]:
    from interparty.loaders.vi import _locality_node

    assert pm.place is not None
    return _locality_node(d, pm.place, pm.text, start, start + pm.end - pm.start)


def _clause_body(d: _Doc, s: str, a: int, end: int) -> tuple[str, str] | None:
    """The body that is the subject of the verb at ``end``: the last clause before it."""
    lo = max(s.rfind(",", 0, end), s.rfind(".", 0, end), 0)
    clause = s[lo:end].strip(" ,")
    if _ABOUT.search(clause):
        return None  # "Quyết định ... của Ban Thường vụ Tỉnh ủy về việc mở lớp": a document's subject, no clause's
    clause = _ORG_CUT.sub("", clause)
    m = d.lex.body_start_re.search(clause)
    while m and not d.lex.body_start_re.match(clause, m.start()):
        m = None
    if not m:
        for mm in d.lex.body_re.finditer(clause):
            if clause[mm.start()].isupper():
                m = mm
                break
    if not m or _NOT_ORGANISER.search(clause, 0, m.start()):
        return None
    phrase = clause[m.start():].strip()
    return _phrase_body(d, phrase, a + s.find(phrase, lo), whole=True)


# A body after these is a person's or the trainees' ("đồng chí X, Trưởng đoàn học viên tỉnh Hủa Phăn"),
# not the subject of the clause.
_NOT_ORGANISER = re.compile(r"\b(?:đồng chí|học viên|[Tt]rưởng đoàn|[Tt]hay mặt|[Đđ]ại diện)\b")
# The name of a course without whom it is for ("lớp bồi dưỡng ... cho cán bộ tỉnh Hủa Phăn")
_COURSE_FOR = re.compile(r"\s+(?:cho|dành cho|của)\s.*$")


def _same_course(c: dict[str, object], course: dict[str, object]) -> bool:
    """Whether ``course``, read again later without a start of its own, is ``c`` named again (the one
    name, or one the other's first words: "lớp bồi dưỡng kiến thức quản lý [nhà nước]")."""
    x, y = (fold(_COURSE_FOR.sub("", str(v["name"]))).split() for v in (c, course))
    if x == y:
        return True
    n = min(len(x), len(y))
    return not course.get("start_date") and n >= 3 and x[:n] == y[:n]


def _courses_and_plans(d: _Doc, hits: list[_EventHit],
                       per_sentence: list[tuple[str, bool, tuple[DateMention, ...]]]) -> None:
    courses: list[dict[str, object]] = []
    for (a, b), (low, back, all_dates) in zip(d.sentences, per_sentence, strict=True):
        s = d.view[a:b]
        dates = [x for x in all_dates if not x.is_range]
        sentence_courses = []
        for m in _COURSE_RE.finditer(s, low):
            name = m.group("name").strip()
            if len(name.split()) < 3 or not _COURSE_WORDS.search(" ".join(name.split()[:6])):
                continue
            if _intended(s, low, m.start()):  # "năm 2025 tỉnh sẽ ... phối hợp mở lớp ...": not (yet) a course
                continue
            opening = re.search(r"khai giảng", m.group(0))
            organiser = _clause_body(d, s, a, m.start())
            course: dict[str, object] = {"name": (m.group("n") or "") + name, "span": (a + m.start("name"),
                                                                                     a + m.end("name"))}
            if opening and dates:
                dp = _date_props(d, dates[0], back, s)
                course["start_date"], course["year_inferred"] = dp["date"], dp["year_inferred"]
            course["organiser"] = organiser
            course["trains"] = _trainee_bodies(d, s, a, m.start())
            course["opening"] = next((h for h in hits if h.kind == "opening" and h.sentence == (a, b)), None)
            if not any(_same_course(c, course) for c in courses):
                courses.append(course)
                sentence_courses.append(course)
        for m in _COUNTS_RE.finditer(s, low):
            target = sentence_courses[0] if sentence_courses else _pick(courses, "participants")
            if target is not None:
                target.update(participants=int(m.group(1)), trainees=int(m.group(2)), managers=int(m.group(3)))
        if not _COUNTS_RE.search(s, low):
            for m in _TRAINEES_RE.finditer(s, low):
                target = sentence_courses[0] if sentence_courses else _pick(courses, "trainees")
                if target is not None and "trainees" not in target:
                    target["trainees"] = int(m.group(1))
                break
        if sentence_courses and "trainees" not in sentence_courses[0]:
            ca = sentence_courses[0]["span"][0] - a  # type: ignore[index]
            if cadres := _FOR_CADRES_RE.search(s, ca):
                sentence_courses[0]["trainees"] = int(cadres.group(1))
        for m in _COURSE_START_RE.finditer(s, low):
            when = next((x for x in dates if x.start >= m.end() and _START_GAP.fullmatch(s, m.end(), x.start)), None)
            target = sentence_courses[0] if sentence_courses else _pick(courses, "start_date")
            if when is not None and target is not None and target.get("start_date") is None:
                dp = _date_props(d, when, back, s)
                target["start_date"], target["year_inferred"] = dp["date"], dp["year_inferred"]
            break
        for m in _DURATION_RE.finditer(s, low):
            target = sentence_courses[0] if sentence_courses else _pick(courses, "duration")
            if target is not None:
                target["duration"] = f"{m.group(1)} {m.group(2)}"
            break
        for m in _PLAN_RE.finditer(s, low):
            number = m.group("num")
            word = fold(m.group("word") or "")
            code = fold(re.split(r"[-/]", number)[1] if "-" in number else "")
            kind = _PLAN_KIND.get(word) or _PLAN_KIND.get(code, "plan")
            issue = re.search(r"ban hành|ký ban hành|phê duyệt", s[:m.start()])
            issuer = _clause_body(d, s, a, issue.start()) if issue else None
            if issuer is None:
                issuer = _issued_by(d, s, a, m.end()) or _issuer_by_number(d, number, kind, a + m.start("num"),
                                                                         a + m.end("num"))
            props: dict[str, object] = {"number": number, "kind": kind, "name": m.group(0)}
            if dates:
                props["date"] = _date_props(d, dates[0], back, s)["date"]
            ident = fold(number) + (f"|{issuer[1]}" if issuer else "")
            plan = d.fb.node("Plan", ident, d.fb.mention(a + m.start(), a + m.end(), "vi.plan", 0.9), **props)
            if issuer:
                d.fb.rel("ISSUED", issuer, plan, d.fb.mention(a + m.start(), a + m.end(), "vi.plan.issuer", 0.85))
            for c in sentence_courses:
                c["plan"] = plan
    for i, c in enumerate(courses):
        props = {k: c[k] for k in ("name", "start_date", "year_inferred", "duration", "participants", "trainees",
                                   "managers") if c.get(k) is not None}
        ca, cb = cast(tuple[int, int], c["span"])
        node = d.fb.node("Course", f"{d.doc.key}|course|{i}", d.fb.mention(ca, cb, "vi.course", 0.85), **props)
        org = c.get("organiser")
        if org:
            d.fb.rel("ORGANIZED", org, node, d.fb.mention(ca, cb, "vi.course.organiser", 0.85))  # type: ignore[arg-type]
            ev = c.get("opening")
            if isinstance(ev, _EventHit) and ev.node is not None:
                d.fb.rel("ORGANIZED", org, ev.node, d.fb.mention(ca, cb, "vi.event.organiser", 0.8))  # type: ignore[arg-type]
        if c.get("plan"):
            d.fb.rel("PROVIDES_FOR", c["plan"], node, d.fb.mention(ca, cb, "vi.plan.course", 0.8))  # type: ignore[arg-type]
        trains: list[tuple[tuple[str, str], int, int]] = c.get("trains") or []  # type: ignore[assignment]
        for body, ta, tb in trains:
            # the number of trainees is the course's only when it trains one body's cadres
            count = props.get("trainees") if len(trains) == 1 else None
            d.fb.rel("TRAINS", node, body, d.fb.mention(ta, tb, "vi.course.trains", 0.75), count=count)


# "Kế hoạch số 115/KH-UBND ngày 20-2-2024 của UBND tỉnh Điện Biên", "Quyết định số 2468-QĐ/HVCTQG ... của
# Giám đốc Học viện ...": the issuer named after the number (a post signing for its body: the body).
_ISSUED_BY_RE = re.compile(
    r"\s*,?\s*(?:(?:vào\s+)?ngày\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
    r"\s*,?\s*)?của\s+(?:(?:Giám đốc|Chủ tịch|Bộ trưởng|Thủ tướng|Hiệu trưởng|Viện trưởng|Trưởng ban|Bí thư|"
    r"Thường trực|Tổng Bí thư)\s+)?(?P<body>[^,.;:()]+)")
_ISSUER_CUT = re.compile(r"\s+(?:về|nhằm|để|theo|trong|đã|đang|sẽ|với|tại|cho|năm nay|ban hành|phê duyệt|và)\b")
# What the code after a number's kind names ("115/KH-UBND", "230-KH/TU"): the local body of the
# article's own province or city; "TU" documents other than resolutions are its standing committee's.
_ISSUER_CODES = {"ubnd": "UBND", "tu": "ủy"}


def _issued_by(d: _Doc, s: str, a: int, end: int) -> tuple[str, str] | None:
    m = _ISSUED_BY_RE.match(s, end)
    if m is None:
        return None
    phrase = m.group("body")
    cut = _ISSUER_CUT.search(phrase)
    phrase = (phrase[:cut.start()] if cut else phrase).strip()
    return _phrase_body(d, phrase, a + m.start("body"), whole=True) if phrase else None


def _issuer_by_number(d: _Doc, number: str, kind: str, start: int, end: int) -> tuple[str, str] | None:
    """The issuer a VN document number names by its code ("UBND", "TU"), placed in the one province or
    city of Vietnam the article is about (named more often than all the others together), when the
    article names that body elsewhere; else None."""
    code = fold(re.split(r"[-/]", number)[-1])
    head = _ISSUER_CODES.get(code)
    if head is None:
        return None
    counts = {name: n for (country, level, name), n in d.ctx.counts.items()
              if country == "VN" and level in ("city", "province")}
    if not counts:
        return None
    name, top = max(counts.items(), key=lambda x: x[1])
    if top <= sum(counts.values()) - top:
        return None
    place = d.ctx.places[name]
    spelled = d.ctx.spelling[name].most_common(1)[0][0]
    city = place.kind == "city"
    if head == "UBND":
        phrase = f"UBND {'thành phố' if city else 'tỉnh'} {spelled}"
    else:
        phrase = f"{'Thành' if city else 'Tỉnh'} ủy {spelled}"
        if kind != "resolution":
            phrase = "Ban Thường vụ " + phrase
    return _phrase_body(d, phrase, start, known=True)


def _intended(s: str, low: str, at: int) -> bool:
    """Whether what is written at ``at`` is still to come: a "sẽ", "dự kiến", "sắp" before it, and no
    "đã", "vừa" between ("..., năm 2025 tỉnh sẽ tổ chức ...; phối hợp mở lớp ...")."""
    will = _FUTURE.search(s, low)
    if will is None or will.start() >= at:
        return False
    last = will
    while (nxt := _FUTURE.rx.search(s, last.end(), at)) is not None:
        last = nxt
    return not _PAST.search(s, last.end(), at)


def _pick(courses: list[dict[str, object]], unset: str) -> dict[str, object] | None:
    """The course a later figure belongs to: the latest opened one still without it, else the latest without it."""
    for c in reversed(courses):
        if c.get(unset) is None and c.get("start_date"):
            return c
    for c in reversed(courses):
        if c.get(unset) is None:
            return c
    return None


__all__ = ["BodyRef", "extract_events", "name_key"]
