"""The two list pages of the report: index.html (every letter) and items.html (every item), each
one sortable, filterable table, and the links into them.

A count in report.html links to `items.html#category=imaging&decision=Overturned`: the list
page reads the filters after `#` (key=value; values of one key separated by `|` are
alternatives) and shows only the matching rows, each row carrying its values as `data-<key>`
attributes (several values of a multi-valued field separated by `|`). The filters use the same
values as report.json's tables, so a count and its list always agree; the test suite checks it.
Without JavaScript the pages show every row, unsorted (in input order).

The rows are streamed to part files as chunks arrive (memory stays flat in the number of
letters) and wrapped into the two pages when the run ends.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline.core.display_names import category_label, reason_label, review_words
from pipeline.reporting.corpus.html import badge, page

UNKNOWN = "(not stated)"  # aggregate.UNKNOWN: a missing value's group
# Single-valued fields whose missing value is the "(not stated)" group of their table.
GROUPED = ("category", "maximus_basis", "claims_admin_basis", "specialty_primary",
           "decision_month")  # fmt: skip
PLAIN = ("decision", "drug_class", "visit_cap_group", "reasoning_call", "case_number")
MULTI = ("maximus_mtus_chapters", "claims_admin_mtus_chapters", "maximus_non_mtus_sources",
         "claims_admin_non_mtus_sources", "review", "reasons")  # fmt: skip
YES_NO = ("topical", "reasoning_agrees")
FILTER_LABELS = {
    "category": "category", "maximus_basis": "MAXIMUS basis",
    "claims_admin_basis": "claims administrator basis", "specialty_primary": "specialty",
    "decision_month": "month", "decision": "decision", "drug_class": "drug class",
    "visit_cap_group": "visit cap", "reasoning_call": "reasoning model calls",
    "case_number": "case", "maximus_mtus_chapters": "MAXIMUS MTUS chapter",
    "claims_admin_mtus_chapters": "claims administrator MTUS chapter",
    "maximus_non_mtus_sources": "MAXIMUS non-MTUS source",
    "claims_admin_non_mtus_sources": "claims administrator non-MTUS source",
    "review": "review reason", "reasons": "reason", "topical": "topical",
    "reasoning_agrees": "reasoning model agrees", "flagged": "flagged to re-read",
    "training": "training letter", "letter": "letter page",
}  # fmt: skip

SCRIPT = """(function(){
var t=document.querySelector("table.list");if(!t)return;
var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
var box=document.getElementById("q"),shown=document.getElementById("shown"),
active=document.getElementById("active"),sortAt=-1,up=true;
function wanted(){var out={},h=location.hash.slice(1);if(!h)return out;
h.split("&").forEach(function(p){var i=p.indexOf("=");if(i<1)return;
out[decodeURIComponent(p.slice(0,i))]=p.slice(i+1).split("|").map(decodeURIComponent);});
return out;}
function update(){var f=wanted(),words=box.value.toLowerCase().split(/\\s+/).filter(Boolean),
n=0,keys=Object.keys(f);
rows.forEach(function(r){var ok=keys.every(function(k){var a=r.getAttribute("data-"+k);
var have=a===null||a===""?[""]:a.split("|");
return f[k].some(function(v){return have.indexOf(v)>=0;});});
if(ok&&words.length){var text=r.textContent.toLowerCase();
ok=words.every(function(w){return text.indexOf(w)>=0;});}
r.hidden=!ok;if(ok)n++;});
shown.textContent=n+" of "+rows.length;
active.textContent=keys.length?keys.map(function(k){return (t.getAttribute("data-l-"+k)||k)+
": "+f[k].map(function(v){return v||"(none)";}).join(" or ");}).join("; "):"none";
document.getElementById("clear").hidden=!keys.length;}
function key(r,i){var c=r.cells[i];if(!c)return "";var s=c.getAttribute("data-s");
return s!==null?s:c.textContent.trim();}
function sort(i){up=sortAt===i?!up:true;sortAt=i;
rows.sort(function(a,b){var x=key(a,i),y=key(b,i),p=parseFloat(x),q=parseFloat(y),c;
if(!isNaN(p)&&!isNaN(q)&&String(p)===x&&String(q)===y)c=p-q;else c=x.localeCompare(y);
return up?c:-c;});rows.forEach(function(r){body.appendChild(r);});
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,j){
h.setAttribute("aria-sort",j===i?(up?"ascending":"descending"):"none");});}
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,i){
h.addEventListener("click",function(){sort(i);});});
box.addEventListener("input",update);window.addEventListener("hashchange",update);update();
})();"""

CSS = """
table.list th{cursor:pointer;user-select:none}table.list th::after{content:" \\2195";color:#aaa}
table.list th[aria-sort=ascending]::after{content:" \\2191";color:#333}
table.list th[aria-sort=descending]::after{content:" \\2193";color:#333}
.filters{margin:6px 0}.filters input{font:inherit;padding:3px 6px;width:22em}
td.long{max-width:420px}
"""


def token(value: Any) -> str:
    """A value as it sits in a data attribute and a link (a `|` would split it)."""
    return str(value).replace("|", "/")


def _split(value: Any) -> list[str]:
    """A multi-valued field's values: a '; '-joined string, or a list (of codes or dicts with
    a code)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in value.split("; ") if v]
    if isinstance(value, Iterable):
        out = []
        for entry in value:
            code = entry.get("code") if isinstance(entry, Mapping) else entry
            if code:
                out.append(str(code))
        return out
    return [str(value)]


def href(page_name: str, filters: Mapping[str, Any]) -> str:
    """`items.html#category=imaging&decision=Overturned`; a list value is alternatives."""
    parts = []
    for key, value in filters.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        joined = "|".join(quote(token(v), safe="") for v in values)
        parts.append(f"{quote(key, safe='')}={joined}")
    return f"{page_name}#{'&'.join(parts)}" if parts else page_name


def items_href(**filters: Any) -> str:
    return href("items.html", filters)


def count_link(count: Any, link: str | None) -> str:
    """A count as a link to its list (plain when it is zero or there is no list)."""
    if not isinstance(count, int) or isinstance(count, bool):
        return escape(str(count))
    text = f"{count:,}"
    return f'<a href="{escape(link)}">{text}</a>' if link and count else text


def item_attributes(row: Mapping[str, Any]) -> dict[str, str]:
    """The values an item's row is filtered on, as report.json's tables group them."""
    out = {key: token(row.get(key) or UNKNOWN) for key in GROUPED}
    out |= {key: token(row.get(key) or "") for key in PLAIN}
    out |= {key: "|".join(token(v) for v in _split(row.get(key))) for key in MULTI}
    for key in YES_NO:
        value = row.get(key)
        out[key] = "" if value is None else ("yes" if value else "no")
    out["flagged"] = "yes" if row.get("model_flags") else "no"
    out["letter"] = token(str(row.get("page") or "").split("#")[0])  # two letters may share a case
    return out


def _data(attributes: Mapping[str, str]) -> str:
    return "".join(f' data-{k}="{escape(v)}"' for k, v in attributes.items() if v)


def _cell(text: str, sort_key: Any = None, css: str = "") -> str:
    key = f' data-s="{escape(str(sort_key))}"' if sort_key is not None else ""
    klass = f' class="{css}"' if css else ""
    return f"<td{klass}{key}>{text}</td>"


def _review_text(codes: Sequence[str]) -> str:
    words = []
    for code in codes:
        said, check = review_words(code)
        words.append(f'<span title="{escape(check)}">{escape(said)}</span>')
    return "; ".join(words)


def item_row_html(row: Mapping[str, Any]) -> str:
    """One row of items.html."""
    number = (row.get("issue_index") or 0) + 1
    link = (
        f'<a href="{escape(str(row.get("page") or ""))}">{escape(str(row.get("case_number")))}'
        f" #{number}</a>"
    )
    text = str(row.get("disputed_item") or "")
    shown = text if len(text) <= 160 else text[:159].rsplit(" ", 1)[0] + " …"
    p = row.get("p_overturned_reasoning")
    cells = [
        _cell(link, f"{row.get('case_number')}#{number:04d}"),
        _cell(escape(str(row.get("decision_date") or "")), row.get("decision_date") or ""),
        _cell(escape(category_label(row.get("category")))),
        _cell(escape(shown), css="long"),
        _cell(str(badge(row.get("decision")))),
        _cell(escape(str(row.get("visit_cap_group") or ""))),
        _cell(_review_text(_split(row.get("review")))),
        _cell("" if p is None else f"{float(p):.2f}", "" if p is None else f"{float(p):.4f}"),
        _cell(escape(str(row.get("model_flags") or ""))),
    ]
    return f"<tr{_data(item_attributes(row))}>{''.join(cells)}</tr>\n"


ITEM_HEADERS = ["item", "decision date", "category", "disputed item", "decision", "visit cap",
                "review reasons", "P(Overturned)", "to re-read"]  # fmt: skip


def letter_entry(
    letter: Mapping[str, Any],
    rows: Sequence[Mapping[str, Any]],
    page_file: str,
    pdf_href: str | None,
    training: str | None,
) -> dict[str, Any]:
    """What the index shows of one letter (plain values: sent back from the worker)."""
    decisions = Counter(str(r.get("decision") or "no decision") for r in rows)
    categories = list(dict.fromkeys(str(r.get("category") or UNKNOWN) for r in rows))
    review = list(dict.fromkeys(code for r in rows for code in _split(r.get("review"))))
    reasons = list(dict.fromkeys(code for r in rows for code in _split(r.get("reasons"))))
    return {
        "case_number": letter.get("case_number"),
        "page": f"letters/{page_file}",
        "decision_date": letter.get("decision_date"),
        "decision_month": rows[0].get("decision_month") if rows else None,
        "items": len(rows),
        "decisions": dict(decisions),
        "categories": categories,
        "review": review,
        "review_items": sum(1 for r in rows if _split(r.get("review"))),
        "reasons": reasons,
        "flagged": sum(1 for r in rows if r.get("model_flags")),
        "pdf": pdf_href,
        "source_file": letter.get("source_file"),
        "training": training,
    }


OPTIONAL = ("reasons", "training")  # letter columns shown only when some letter fills them
LETTER_HEADERS = ["case", "decision date", "items", "decisions", "categories", "reasons",
                  "review flags", "to re-read", "source", "training"]  # fmt: skip


def letter_row_html(entry: Mapping[str, Any]) -> str:
    """One row of index.html."""
    case = str(entry.get("case_number") or "")
    decisions = entry.get("decisions") or {}
    said = ", ".join(f"{n} {d}" for d, n in sorted(decisions.items()))
    pdf = entry.get("pdf")
    source = escape(str(entry.get("source_file") or ""))
    attributes = {
        "case_number": token(case),
        "decision_month": token(entry.get("decision_month") or UNKNOWN),
        "decision": "|".join(token(d) for d in decisions),
        "category": "|".join(token(c) for c in entry.get("categories") or []),
        "review": "|".join(token(c) for c in entry.get("review") or []),
        "reasons": "|".join(token(c) for c in entry.get("reasons") or []),
        "flagged": "yes" if entry.get("flagged") else "no",
        "training": token(entry.get("training") or "no"),
    }
    case_items = items_href(letter=entry.get("page"))
    cells = [
        _cell(f'<a href="{escape(str(entry.get("page")))}">{escape(case)}</a>', case),
        _cell(escape(str(entry.get("decision_date") or "")), entry.get("decision_date") or ""),
        _cell(count_link(entry.get("items") or 0, case_items), entry.get("items") or 0),
        _cell(escape(said)),
        _cell(escape(", ".join(category_label(c) for c in entry.get("categories") or []))),
        _cell(
            escape(", ".join(reason_label(c) for c in entry.get("reasons") or [])),
            css="c-reasons",
        ),  # fmt: skip
        _cell(_review_text(entry.get("review") or []), entry.get("review_items") or 0),
        _cell(str(entry.get("flagged") or ""), entry.get("flagged") or 0),
        _cell(f'<a href="{escape(pdf)}">{source}</a>' if pdf else source),
        _cell(escape(entry.get("training") or ""), css="c-training"),
    ]
    return f"<tr{_data(attributes)}>{''.join(cells)}</tr>\n"


class ListWriter:
    """Rows of index.html and items.html, appended to part files as chunks arrive."""

    PARTS = (".index-rows.part", ".items-rows.part")

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.letters_file = open(folder / self.PARTS[0], "w", encoding="utf-8")  # noqa: SIM115
        self.items_file = open(folder / self.PARTS[1], "w", encoding="utf-8")  # noqa: SIM115
        self.letters = self.items = 0
        self.present: set[str] = set()  # optional columns some letter fills

    def add(self, entries: Sequence[Mapping[str, Any]], rows: Sequence[Mapping[str, Any]]) -> None:
        for entry in entries:
            self.letters_file.write(letter_row_html(entry))
            self.present |= {key for key in OPTIONAL if entry.get(key)}
        for row in rows:
            self.items_file.write(item_row_html(row))
        self.letters += len(entries)
        self.items += len(rows)

    def close(self) -> None:
        self.letters_file.close()
        self.items_file.close()

    def finish(self, stamp: str) -> None:
        """Write index.html and items.html from the parts, and remove the parts."""
        self.close()
        pages = (("index.html", "Letters", LETTER_HEADERS, self.letters, self.PARTS[0]),
                 ("items.html", "Items", ITEM_HEADERS, self.items, self.PARTS[1]))  # fmt: skip
        # A column no letter fills (no reasons tagged, no models) is hidden, not left blank.
        hidden = "".join(f".c-{key}{{display:none}}" for key in OPTIONAL if key not in self.present)
        for name, title, headers, count, part in pages:
            rows = (self.folder / part).read_text(encoding="utf-8")
            (self.folder / name).write_text(
                list_page(title, headers, rows, count, stamp, hidden), encoding="utf-8"
            )
            (self.folder / part).unlink()


def list_page(
    title: str, headers: Sequence[str], rows: str, count: int, stamp: str, css: str = ""
) -> str:
    noun = "letters" if title == "Letters" else "items"
    labels = "".join(f' data-l-{k}="{escape(v)}"' for k, v in FILTER_LABELS.items())
    head = "".join(f'<th scope="col"{_column_class(h)}>{escape(h)}</th>' for h in headers)
    intro = (
        "Click a column's header to sort by it; type in the box to keep the rows holding "
        "every word. A count in the corpus report opens this page filtered to its "
        + noun
        + (
            "; each letter links to its page and its source file."
            if noun == "letters"
            else "; each item links to its place on its letter's page."
        )  # fmt: skip
    )
    body = (
        f'<h1>{escape(title)} ({count:,})</h1><p class="note">{escape(intro)}</p>'
        '<div class="filters"><label>Filter: <input id="q" type="search" '
        'placeholder="words to look for"></label> showing <b id="shown">all</b>; '
        'filters from the link: <span id="active">none</span> '
        '<a id="clear" href="#" hidden>show all</a></div>'
        f'<table class="list"{labels}><thead><tr>{head}</tr></thead><tbody>\n{rows}'
        "</tbody></table>"
    )
    return page(f"IMR {noun}", body, CSS + css, script=SCRIPT, root="", stamp=stamp)


def _column_class(header: str) -> str:
    return f' class="c-{header}"' if header in OPTIONAL else ""
