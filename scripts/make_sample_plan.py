"""Write the sample plan ``data/plans/ke_hoach_230_KH_TU.docx`` and its PDF twin.

Kế hoạch số 230-KH/TU is known to the project only through the seed article
(data/articles/00_vi_seed_...): Ban Thường vụ Thành ủy Hà Nội issued it on
9-4-2024 for two classes for cadres of Thủ đô Viêng Chăn, 62 people in all (55
trainees, 7 class managers); the first class, for the party and mass-organisation
sector, has 31 (27 trainees, 4 managers), lasts 12 days and opened in July. This
script restates exactly that in the layout of a Vietnamese party document, so the
DOCX and PDF readers and the plan extractor have a realistic document to read
and the plan can be linked to the course the article reports. Nothing the seed
does not state is given as a fact: the second class has no figures here, and the
signature carries no name. Section I and III wording is the usual administrative
framing of such a plan.

Run from the repository root (needs python-docx and, for the PDF, reportlab and a
TrueType font with Vietnamese letters, e.g. DejaVu Serif from fonts-dejavu-core)::

    .venv/bin/pip install python-docx reportlab
    .venv/bin/python scripts/make_sample_plan.py

Both outputs are deterministic for a given library version (fixed metadata dates).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "plans"
STEM = "ke_hoach_230_KH_TU"
TITLE = "Kế hoạch số 230-KH/TU tổ chức các lớp đào tạo, bồi dưỡng cho cán bộ Thủ đô Viêng Chăn năm 2024"
ISSUED = dt.datetime(2024, 4, 9, 8, 0, 0)

HEADER_LEFT = ["THÀNH ỦY HÀ NỘI", "*", "Số 230-KH/TU"]
HEADER_RIGHT = ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Hà Nội, ngày 09 tháng 4 năm 2024"]
HEADING = "KẾ HOẠCH"
SUBJECT = "Tổ chức các lớp đào tạo, bồi dưỡng cho cán bộ Thủ đô Viêng Chăn, nước CHDCND Lào năm 2024"

# (style, text): "p" a body paragraph, "h1" a section heading, "h2" a numbered sub-heading, "li" a dash item.
BODY: list[tuple[str, str]] = [
    ("p", "Thực hiện các biên bản hợp tác giữa thành phố Hà Nội và Thủ đô Viêng Chăn ký kết tháng 3 năm 2024, "
          "Ban Thường vụ Thành ủy ban hành Kế hoạch tổ chức các lớp đào tạo, bồi dưỡng cho cán bộ Thủ đô "
          "Viêng Chăn, nước CHDCND Lào năm 2024 như sau:"),
    ("h1", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("h2", "1. Mục đích"),
    ("p", "Giúp cán bộ của Thủ đô Viêng Chăn tăng cường nghiên cứu, tìm hiểu kinh nghiệm trong công tác xây dựng "
          "Đảng và hệ thống chính trị trong sạch, vững mạnh; cập nhật, bổ sung kiến thức mới, kỹ năng lãnh đạo, "
          "quản lý."),
    ("p", "Góp phần nâng cao chất lượng đội ngũ cán bộ Thủ đô Viêng Chăn; củng cố, tăng cường mối quan hệ hữu "
          "nghị, đoàn kết đặc biệt giữa hai Thủ đô Hà Nội - Viêng Chăn."),
    ("h2", "2. Yêu cầu"),
    ("p", "Công tác chuẩn bị, tổ chức các lớp học bảo đảm chu đáo, thiết thực, hiệu quả; mời báo cáo viên Trung "
          "ương và các đồng chí lãnh đạo thành phố có nhiều kiến thức, kinh nghiệm thực tiễn tham gia báo cáo "
          "các chuyên đề."),
    ("h1", "II. NỘI DUNG"),
    ("h2", "1. Số lớp, đối tượng, số lượng học viên"),
    ("p", "Tổ chức 02 lớp đào tạo, bồi dưỡng cho cán bộ Thủ đô Viêng Chăn, tổng số 62 đồng chí (55 học viên, "
          "07 cán bộ quản lý lớp), gồm:"),
    ("li", "- Lớp thứ nhất: Lớp đào tạo, bồi dưỡng cán bộ công tác đảng, đoàn thể Thủ đô Viêng Chăn, dành cho "
           "học viên khối Đảng, đoàn thể; số lượng 31 đồng chí (27 học viên, 04 cán bộ quản lý lớp); thời gian "
           "học tập 12 ngày tại Hà Nội, dự kiến khai giảng trong tháng 7 năm 2024."),
    ("li", "- Lớp thứ hai: Lớp đào tạo, bồi dưỡng cán bộ khối chính quyền Thủ đô Viêng Chăn, dành cho học viên "
           "khối chính quyền; số lượng học viên và thời gian tổ chức cụ thể do Ban Tổ chức Thành ủy thống nhất "
           "với phía bạn, báo cáo Thường trực Thành ủy quyết định."),
    ("h2", "2. Nội dung, chương trình học tập"),
    ("p", "Chương trình lớp thứ nhất gồm 10 chuyên đề: 05 chuyên đề về kinh nghiệm thực tiễn của thành phố Hà "
          "Nội và 05 chuyên đề về kỹ năng lãnh đạo, quản lý."),
    ("p", "Buổi sáng học tập trên lớp; buổi chiều đi nghiên cứu, khảo sát thực tế tại 08 địa phương, đơn vị của "
          "thành phố có mô hình hiệu quả, cách làm mới, sáng tạo."),
    ("p", "Tổ chức cho học viên lớp thứ nhất đi tham quan, khảo sát thực tế tại tỉnh Quảng Ninh trong 02 ngày."),
    ("h1", "III. TỔ CHỨC THỰC HIỆN"),
    ("p", "1. Ban Tổ chức Thành ủy chủ trì, phối hợp với các cơ quan liên quan của Thủ đô Viêng Chăn thống nhất "
          "danh sách học viên, cán bộ quản lý lớp; tham mưu thành lập Ban Chỉ đạo lớp học; xây dựng chương "
          "trình, nội dung và tổ chức các lớp học theo Kế hoạch."),
    ("p", "2. Ban Tuyên giáo Thành ủy phối hợp lựa chọn, mời báo cáo viên; chỉ đạo công tác thông tin, tuyên "
          "truyền về các lớp học."),
    ("p", "3. Văn phòng Thành ủy bảo đảm kinh phí, cơ sở vật chất, phương tiện phục vụ các lớp học theo quy định."),
    ("p", "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị báo cáo Thường trực Thành ủy (qua "
          "Ban Tổ chức Thành ủy) để xem xét, chỉ đạo."),
]
RECIPIENTS = ["Nơi nhận:", "- Thành ủy Thủ đô Viêng Chăn (để phối hợp),", "- Thường trực Thành ủy,",
              "- Ban Tổ chức, Ban Tuyên giáo Thành ủy,", "- Văn phòng Thành ủy,", "- Lưu Văn phòng Thành ủy."]
SIGNATURE = ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "", "(Đã ký)"]


def write_docx(path: Path) -> None:
    """The plan as Word sets it: a borderless two-column header table, the centred heading, the body."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    for section in d.sections:
        section.left_margin, section.right_margin = Cm(3), Cm(2)

    def cell_lines(cell: Any, lines: list[str], bold: set[int], italic: set[int] | None = None) -> None:
        for i, text in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(text)
            run.bold, run.italic = i in bold, i in (italic or set())

    header = d.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell_lines(header.cell(0, 0), HEADER_LEFT, bold={0})
    cell_lines(header.cell(0, 1), HEADER_RIGHT, bold={0}, italic={2})

    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(HEADING).bold = True
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(SUBJECT).bold = True
    d.add_paragraph("-----").alignment = WD_ALIGN_PARAGRAPH.CENTER

    for kind, text in BODY:
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if kind == "p":
            p.paragraph_format.first_line_indent = Cm(1)
        run = p.add_run(text)
        run.bold = kind in ("h1", "h2")

    sign = d.add_table(rows=1, cols=2)
    cell_lines(sign.cell(0, 1), SIGNATURE, bold={0, 1}, italic={3})
    left = sign.cell(0, 0)
    for i, text in enumerate(RECIPIENTS):
        q = left.paragraphs[0] if i == 0 else left.add_paragraph()
        r = q.add_run(text)
        r.bold, r.italic = i == 0, i == 0
        r.font.size = Pt(12)

    props = d.core_properties
    props.title, props.author, props.language = TITLE, "Thành ủy Hà Nội", "vi-VN"
    props.created = props.modified = ISSUED
    props.revision = 1
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    """Rewrite the package with fixed entry times, so regenerating gives the same bytes (and no spurious diff)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = [(info.filename, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, date_time=ISSUED.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)


def _font_files() -> tuple[str, str]:
    """DejaVu Serif regular and bold: free, and it has every Vietnamese letter."""
    for folder in (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
                   Path("/usr/local/share/fonts")):
        regular, bold = folder / "DejaVuSerif.ttf", folder / "DejaVuSerif-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return str(regular), str(bold)
    raise SystemExit("DejaVu Serif not found: apt-get install fonts-dejavu-core")


def write_pdf(path: Path) -> None:
    """The same plan typeset as a PDF with a real text layer (reportlab, embedded DejaVu Serif)."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = _font_files()
    pdfmetrics.registerFont(TTFont("Serif", regular))
    pdfmetrics.registerFont(TTFont("Serif-Bold", bold))
    body = ParagraphStyle("body", fontName="Serif", fontSize=12, leading=16, alignment=TA_JUSTIFY,
                          firstLineIndent=1 * cm, spaceAfter=4)
    item = ParagraphStyle("item", parent=body, firstLineIndent=0)
    head = ParagraphStyle("head", parent=body, fontName="Serif-Bold", firstLineIndent=0, alignment=TA_LEFT)
    centre = ParagraphStyle("centre", parent=body, fontName="Serif-Bold", alignment=TA_CENTER, firstLineIndent=0)
    small = ParagraphStyle("small", parent=body, fontSize=10, leading=13, alignment=TA_LEFT, firstLineIndent=0)

    def column(lines: list[str], style: ParagraphStyle) -> list[Paragraph]:
        return [Paragraph(text or "&nbsp;", style) for text in lines]

    plain_centre = ParagraphStyle("plain_centre", parent=centre, fontName="Serif")
    header = Table([[column(HEADER_LEFT[:1], centre) + column(HEADER_LEFT[1:], plain_centre),
                     column(HEADER_RIGHT[:1], centre) + column(HEADER_RIGHT[1:], plain_centre)]],
                   colWidths=[7.5 * cm, 8.5 * cm])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [header, Spacer(1, 0.5 * cm), Paragraph(HEADING, centre), Paragraph(SUBJECT, centre),
             Paragraph("-----", centre), Spacer(1, 0.3 * cm)]
    for kind, text in BODY:
        story.append(Paragraph(text, {"p": body, "li": item}.get(kind, head)))
    sign = Table([[column(RECIPIENTS, small), column(SIGNATURE[:2], centre) + column(SIGNATURE[2:], plain_centre)]],
                 colWidths=[8 * cm, 8 * cm])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [Spacer(1, 0.5 * cm), sign]

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=3 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm, title=TITLE, author="Thành ủy Hà Nội", lang="vi-VN",
                            creator="scripts/make_sample_plan.py", invariant=1)
    doc.build(story)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--out", type=Path, default=OUT, help=f"folder to write to (default {OUT})")
    args = ap.parse_args(argv)
    write_docx(args.out / f"{STEM}.docx")
    write_pdf(args.out / f"{STEM}.pdf")
    print(f"wrote {args.out / (STEM + '.docx')} and {args.out / (STEM + '.pdf')}")


if __name__ == "__main__":
    main()
