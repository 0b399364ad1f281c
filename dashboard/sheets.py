"""Reading a submission file strictly: CSV or Excel bytes to a header and rows of raw cells.

Nothing here knows the template's columns; ``dashboard.ingest`` checks those. What is checked here is
the file's shape, so that every cell a person typed ends up under the column they typed it in, or
the file is refused at the row that breaks the shape:

- CSV is one encoding: UTF-8 (with or without a byte-order mark) or Windows-1252. A UTF-8 file with
  a stray Windows-1252 byte is refused at that byte's line rather than read as garbled letters.
- Every CSV row has exactly as many fields as the header; quotes must close; no line breaks inside
  a cell; no cell longer than ``MAX_CELL`` characters (``max_cell``: a jury comment is longer).
- Header names are unique, and a column that holds data has a name.
- An Excel workbook is read from its one sheet with data (or the sheet named by ``sheet``). Cells
  keep their type: numbers stay numbers, a cell formatted as percent is marked as such (a % in
  quotes or after a backslash is a plain character, not a percent format), dates stay
  dates, and a formula with no saved value is refused naming its cell.

Numbers are read by ``number`` (one reader for CSV text and Excel cells alike). A value a person
could read two ways is refused; see ``number`` for the rules.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

MAX_CELL = 200  # characters; the longest real value is a company name
MAX_ROWS = 250_000  # data rows in one file: about 70 years of every Norwegian manufacturer
MAX_COLUMNS = 200  # the template has 27


class SheetError(ValueError):
    """A refusal at one place in a file: its line (row), column and reason."""

    def __init__(self, line: int, column: str, reason: str):
        self.line, self.column, self.reason = line, column, reason
        super().__init__(f"{line}: {column}: {reason}")


class Cell:
    """One cell as the file holds it: text from CSV, or a typed value from Excel.

    A plain slotted class: a large file has millions of cells."""

    __slots__ = ("value", "where", "percent", "unsaved_formula")

    def __init__(self, value: str | float | int | datetime | date | bool | None, where: str = "",
                 percent: bool = False, unsaved_formula: bool = False):
        self.value = value
        self.where = where  # "cell H5" in a workbook, empty in CSV
        self.percent = percent  # an Excel number formatted as percent (0.48 shown as 48 %)
        self.unsaved_formula = unsaved_formula  # an Excel formula whose value was never saved

    @property
    def text(self) -> str:
        """The cell as text (numbers without a trailing .0), for text columns and messages."""
        v = self.value
        if type(v) is str:
            return v
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    @property
    def blank(self) -> bool:
        return self.text.strip() == ""


@dataclass
class Table:
    """A file's header (with its line number) and data rows as (line, cells), cells padded to the
    header's width."""

    header_line: int
    header: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    errors: list[SheetError] = field(default_factory=list)  # rows refused for their shape


def read(path: Path, data: bytes, sheet: str | None = None, max_cell: int = MAX_CELL) -> Table:
    """The file's header and rows; raises SheetError at the first place the shape breaks."""
    workbook = data[:4] == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm")
    if sheet is not None and not workbook:  # silently reading the CSV would hide a mix-up of files
        raise SheetError(1, "file", f"--sheet {sheet!r} applies to Excel workbooks only; this is a CSV file")
    lines = _xlsx_lines(data, sheet) if workbook else _csv_lines(_decode(data))
    lines = [(n, cells) for n, cells in lines if not _is_comment(cells)]
    if not lines:
        raise SheetError(1, "file", "no rows (the file or sheet is empty)")
    header_line, header_cells = lines[0]
    header = [c.text.strip().lower().lstrip("\ufeff") for c in header_cells]
    while header and header[-1] == "":
        header.pop()
    seen: dict[str, int] = {}
    for i, name in enumerate(header):
        if name and name in seen:
            raise SheetError(header_line, name, f"appears twice in the header (columns {seen[name] + 1} "
                                                f"and {i + 1}); each column must have one name")
        seen.setdefault(name, i)
    table = Table(header_line, header)
    for line, cells in lines[1:]:
        problem = _shape(line, cells, header, len(header_cells) if not workbook else None, max_cell)
        if problem:
            table.errors.append(problem)
        else:
            table.rows.append((line, (cells + [Cell(None)] * len(header))[:len(header)]))
    return table


def _shape(line: int, cells: list[Cell], header: list[str], fields: int | None,
           max_cell: int = MAX_CELL) -> SheetError | None:
    """Why a row does not fit the header, if it does not."""
    if fields is not None and len(cells) != fields:
        hint = " (a stray line break?)" if len(cells) < fields else ""
        return SheetError(line, "file", f"{len(cells)} fields, but the header has {fields}{hint}; every row "
                                        "must have one field per column")
    for i, cell in enumerate(cells):
        if cell.unsaved_formula:
            return SheetError(line, header[i] if i < len(header) and header[i] else f"column {i + 1}",
                              f"{cell.where} is a formula with no saved value; open the file in Excel or "
                              "LibreOffice and save it, or type the value")
        text = cell.text
        if (i >= len(header) or not header[i]) and text.strip():
            return SheetError(line, f"column {i + 1}", "holds data but has no name in the header")
        if len(text) > max_cell:
            return SheetError(line, header[i], f"{len(text)} characters; at most {max_cell}")
    return None


_COMMENT = re.compile(r"\s*#(\s|$)")


def _is_comment(cells: list[Cell]) -> bool:
    """A blank row, or one whose first cell is # and a space (the template's units and example).
    A cell like #N/A or #1 Sveis AS is data, not a comment."""
    if cells and _COMMENT.match(cells[0].text):
        return True
    return not any(c.unsaved_formula or c.text.strip() for c in cells)


# --- CSV -----------------------------------------------------------------------------------------

_UTF8_CHAR = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _decode(data: bytes) -> str:
    """The text of a file in one encoding: UTF-8 (a byte-order mark is dropped) or Windows-1252."""
    if b"\x00" in data:
        raise SheetError(1, "file", "not text in UTF-8 or Windows-1252 (it has NUL bytes: UTF-16 or a binary file?)")
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if bom or _UTF8_CHAR.search(body):
            raise SheetError(_line_of(body, exc.start), "file",
                             f"byte 0x{body[exc.start]:02X} is not UTF-8, but the rest of the file is: save "
                             "the file in one encoding (UTF-8)") from None
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise SheetError(_line_of(body, exc.start), "file",
                         f"byte 0x{body[exc.start]:02X} is neither UTF-8 nor Windows-1252") from None
    mac = _MAC_ROMAN.search(text)
    if mac:
        raise SheetError(text[:mac.start()].count("\n") + 1, "file",
                         f"{mac.group()!r} looks like Æ, Ø or Å saved as Mac Roman, which is neither UTF-8 nor "
                         "Windows-1252: save the file as UTF-8")
    return text


def _line_of(data: bytes, position: int) -> int:
    return data[:position].count(b"\n") + 1


# How æ ø å (Mac Roman 0xBE 0xBF 0x8C) read in Windows-1252 within a word, and Æ Ø (0xAE 0xAF)
# before a letter (after a word, ® is a trademark sign)
_MAC_ROMAN = re.compile(r"\w+[¾¿Œ]\w*|[¾¿Œ]\w+|[®¯]\w+")


def _csv_lines(text: str) -> list[tuple[int, list[Cell]]]:
    """(line number, cells) for every CSV record. Line numbers are where the record starts."""
    first = next((line for line in text.split("\n") if line.strip() and not _COMMENT.match(line)), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    out: list[tuple[int, list[Cell]]] = []
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return out
        except csv.Error as exc:
            reason = str(exc)
            if "unexpected end of data" in reason or "EOF" in reason:
                reason = "a quote opened here is never closed"
            elif "new-line" in reason:
                reason = "a line break inside a cell (a stray carriage return?)"
            elif "field larger" in reason:
                reason = f"a cell longer than {csv.field_size_limit()} characters"
            raise SheetError(start, "file", reason) from None
        if any("\n" in c or "\r" in c for c in cells):
            raise SheetError(start, "file", "a line break inside a quoted cell; every row must be one line")
        if len(out) > MAX_ROWS:
            raise SheetError(start, "file", f"more than {MAX_ROWS} rows; split the file")
        if len(cells) > MAX_COLUMNS:
            raise SheetError(start, "file", f"{len(cells)} fields; at most {MAX_COLUMNS}")
        out.append((start, [Cell(c) for c in cells]))


# --- Excel ---------------------------------------------------------------------------------------


def _xlsx_lines(data: bytes, sheet: str | None) -> list[tuple[int, list[Cell]]]:
    """(row number, cells) of the workbook's one sheet with data, blank rows left out."""
    from openpyxl import load_workbook

    try:
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # a damaged or foreign workbook: say so, do not crash
        raise SheetError(1, "file", f"cannot be read as an .xlsx workbook ({type(exc).__name__})") from None
    try:
        for book in (values, formulas):
            for worksheet in book.worksheets:
                worksheet.reset_dimensions()  # read every row and column there is, not what the file claims
        chosen = _pick_sheet(values, sheet)
        return _sheet_lines(values[chosen], formulas[chosen])
    except SheetError:
        raise
    except Exception as exc:  # damaged XML inside the workbook, a cell that contradicts its type, ...
        raise SheetError(1, "file", f"cannot be read as an .xlsx workbook ({type(exc).__name__}: "
                                    f"{str(exc)[:120]})") from None
    finally:
        values.close()
        formulas.close()


def _pick_sheet(book, sheet: str | None) -> str:
    """The sheet named by ``sheet``, or else the one visible sheet with data. Hidden sheets are
    read only when named: they hold look-up lists and old copies more often than submissions."""
    names = book.sheetnames
    if sheet is not None:
        if sheet not in names:
            raise SheetError(1, "file", f"no sheet named {sheet!r}; the sheets are {', '.join(map(repr, names))}")
        return sheet
    visible = [n for n in names if book[n].sheet_state == "visible"]
    with_data = [n for n in visible if _has_data(book[n])]
    if len(with_data) > 1:
        raise SheetError(1, "file", f"data on {len(with_data)} sheets ({', '.join(map(repr, with_data))}); "
                                    "pick one with --sheet NAME")
    if not with_data:
        hidden = [n for n in names if n not in visible and _has_data(book[n])]
        also = f"; hidden sheets with data: {', '.join(map(repr, hidden))} (name one with --sheet)" if hidden else ""
        raise SheetError(1, "file", f"no rows (every visible sheet is empty{also})")
    return with_data[0]


def _sheet_lines(values, formulas) -> list[tuple[int, list[Cell]]]:
    from openpyxl.utils import get_column_letter

    out = []
    for line, (row, raw) in enumerate(zip(values.iter_rows(), formulas.iter_rows()), start=1):
        if all(getattr(c, "value", None) is None for c in raw):
            continue  # a blank row (a sheet can claim a million of them)
        if len(out) >= MAX_ROWS:
            raise SheetError(line, "file", f"more than {MAX_ROWS} rows; split the file")
        if len(row) > MAX_COLUMNS:
            raise SheetError(line, "file", f"{len(row)} columns; at most {MAX_COLUMNS}")
        cells = []
        for col, (cell, source) in enumerate(zip(row, raw), start=1):
            where = f"cell {get_column_letter(col)}{line}"
            if getattr(cell, "value", None) is None and getattr(source, "data_type", None) == "f":
                # a formula: with no saved value it cannot be read; a saved empty text is blank
                cells.append(Cell(None, where, unsaved_formula=getattr(cell, "data_type", None) != "str"))
            else:
                cells.append(_xlsx_cell(cell, where))
        out.append((line, cells))
    return out


def _has_data(worksheet) -> bool:
    return any(v is not None and str(v).strip() for row in worksheet.iter_rows(values_only=True) for v in row)


def _xlsx_cell(cell, where: str) -> Cell:
    value = getattr(cell, "value", None)
    if value is None:
        return Cell(None, where)
    if getattr(cell, "data_type", None) == "e":
        return Cell(str(value), where)  # #DIV/0!, #N/A, ...: as text, as a CSV export writes it
    percent = isinstance(value, (int, float)) and not isinstance(value, bool) and \
        _shows_percent(cell.number_format or "", value)
    return Cell(value, where, percent)


# The parts of a number format that show as themselves rather than acting as codes: "quoted text",
# \x (one escaped character), [Red], [$-414] and [>=100] (colour, locale, condition), _x (a space as
# wide as x) and *x (x repeated to fill the cell).
_FORMAT_LITERAL = re.compile(r'"[^"]*"?|\\.|\[[^\]]*\]?|[_*].')


def _shows_percent(number_format: str, value: float) -> bool:
    """Whether Excel shows ``value`` multiplied by 100 with ``number_format``: a % code in the
    section that applies to it. A % in quotes or after a backslash (0.0"%", 0.0\\%) is a plain
    character: 0.5 is shown as 0.5%, and means 0.5."""
    sections = _FORMAT_LITERAL.sub("", number_format).split(";")
    if any(m[0].startswith(("[<", "[>", "[=")) for m in _FORMAT_LITERAL.finditer(number_format)):
        # conditions ([>=100]) pick the section by value: a % in any of them counts
        return any("%" in section for section in sections)
    # one section for all; positive;negative; positive;negative;zero (a fourth is for text)
    index = 1 if value < 0 and len(sections) > 1 else 2 if value == 0 and len(sections) > 2 else 0
    return "%" in sections[index]


# --- Numbers -------------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?P<sign>[+-]?)(?P<whole>\d+|\d{1,3}(?: \d{3})+)(?:(?P<mark>[.,])(?P<frac>\d+))?")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


class Reading(NamedTuple):
    """How a number was written: its value, and its decimal mark if that mark can only be a
    decimal mark (``decisive``), as in 84,5 or 0,125 (not 139,000)."""

    value: float
    mark: str | None
    decisive: bool
    text: str = ""


def parse_number(cell: Cell, percent_allowed: bool) -> Reading | None:
    """A cell's number, before the file's decimal mark is known. None if blank.

    Accepted: 1234, 1234,5, 1234.5, 1 234 567,5 (spaces group thousands), and 48 % or an Excel
    percent cell where ``percent_allowed``. Refused: 1.234,5 and 1,234.5 (two marks), 1.234.567
    (dots or commas grouping thousands), 1e5, and anything else that is not plainly a number.
    """
    v = cell.value
    if v is None:
        return None
    if type(v) is str and v.isdigit() and v.isascii():  # the common case, quickly
        return Reading(float(v), None, False, v)
    if isinstance(v, (int, float)) and not isinstance(v, bool) and v == 0:
        v = 0  # -0.0 is 0
    if isinstance(v, bool) or isinstance(v, (datetime, date)):
        shown = v.date().isoformat() if isinstance(v, datetime) else str(v)
        raise ValueError(f"not a number: {shown!r}" + (" (the spreadsheet turned it into a date)"
                                                       if not isinstance(v, bool) else ""))
    if isinstance(v, (int, float)):
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError(f"not a finite number: {v!r}")
        if cell.percent:
            if not percent_allowed:
                raise ValueError(f"formatted as percent ({float(Decimal(str(v)) * 100):g} %), but this column "
                                 "is not a share")
            return Reading(float(Decimal(str(v)) * 100), None, False)
        return Reading(float(v), None, False)
    text = str(v).strip().translate(_SPACES)
    if text == "":
        return None
    is_percent = text.endswith("%")
    if is_percent:
        if not percent_allowed:
            raise ValueError(f"{text!r} has a percent sign, but this column is not a share")
        text = text[:-1].rstrip()
    m = _NUMBER.fullmatch(text)
    if not m:
        marks = set(text) & {",", "."}
        if len(marks) > 1:
            raise ValueError(f"ambiguous number {text!r}: both a comma and a point; write one decimal mark "
                             "and group thousands with spaces, if at all")
        if marks and re.fullmatch(r"[+-]?\d{1,3}(?:[.,]\d{3})+", text):
            raise ValueError(f"ambiguous number {text!r}: {marks.pop()!r} used to group thousands; write "
                             "the number without it (or group with spaces)")
        raise ValueError(f"not a number: {str(v).strip()!r}")
    whole, mark, frac = m["whole"], m["mark"], m["frac"]
    value = float(f"{m['sign']}{whole.replace(' ', '')}{'.' + frac if frac else ''}") + 0.0  # -0 is 0
    # 139,000 could be 139 or 139000; 84,5, 0,500, 1234,567 and 1 234,567 can only be decimals
    decisive = mark is not None and (len(frac) != 3 or whole == "0" or len(whole) > 3)
    return Reading(value, mark, decisive, text)


def decide(reading: Reading, file_mark: tuple[str, str] | None) -> float:
    """The value of ``reading`` given the file's decimal mark (the mark and where it was first seen,
    or None if no value in the file settles it)."""
    if reading.mark is None:
        return reading.value
    shown = reading.text
    if file_mark is None:
        if reading.decisive:
            return reading.value
        whole = shown.split(reading.mark)[0].replace(" ", "")
        raise ValueError(f"ambiguous number {shown!r}: {whole} or {whole}000? Nothing else in the file shows "
                         "whether it writes decimals with a comma or a point; write it without the "
                         f"{reading.mark!r} if it is a whole number")
    mark, first_seen = file_mark
    if reading.mark == mark:
        return reading.value
    if reading.decisive:
        raise ValueError(f"mixed decimal marks: this value uses {reading.mark!r}, but {first_seen} uses "
                         f"{mark!r}; write all decimals one way")
    whole = shown.split(reading.mark)[0].replace(" ", "")
    raise ValueError(f"ambiguous number {shown!r}: the file writes decimals with {mark!r} ({first_seen.rstrip(',')}), so "
                     f"{reading.mark!r} here would group thousands ({whole}000) or be a slip ({whole}); write "
                     "the number without it")
