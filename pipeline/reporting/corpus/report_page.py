"""report.html from report.json's tables: one self-contained page (inline CSS and SVG, no
script, no request) whose item lists link to the letter pages and whose every count links to
the list of its items (items.html, filtered: `index_page.items_href`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from pipeline.core.display_names import category_label, reason_label, review_words
from pipeline.reporting.corpus.aggregate import OTHER_SPECIALTIES, SMALL_GROUP
from pipeline.reporting.corpus.html import Num, Raw, badge, link, page, table
from pipeline.reporting.corpus.index_page import count_link, href, items_href
from pipeline.reporting.corpus.svg import histogram, month_bars, rate_bars, stacked_bars

GROUP_HEADERS = ["items", "share", "Overturned", "rate", "95 % CI"]
SECTIONS = [
    ("overall", "Overall"), ("category", "Service category"), ("basis", "Guideline basis"),
    ("specialty", "Reviewer specialty"), ("drugs", "Drug class"), ("cap", "Visit cap"),
    ("turnaround", "Turnaround"), ("month", "By month"), ("model", "Reasoning model"),
    ("review", "Flagged for review"),
]  # fmt: skip
REASONS_SECTION = ("reasons", "Denial reasons")  # shown when the items carry reasons


def _pct(value: float | None) -> str | None:
    return None if value is None else f"{100 * value:.1f} %"


def _ci(ci: Any) -> str | None:
    return None if not ci else f"{100 * ci[0]:.1f}–{100 * ci[1]:.1f} %"


def _count(count: Any, **filters: Any) -> Any:
    """A count linking to the list of its items (`filters` as items.html reads them)."""
    return Num(count_link(count, items_href(**filters))) if isinstance(count, int) else count


def _group_table(
    groups: Mapping[str, Mapping[str, Any]],
    first: str,
    share: bool = True,
    label: Callable[[str], str] = str,
    key: str | None = None,
    values: Mapping[str, Any] | None = None,
) -> str:
    """A table of groups; with `key` (the items' field the groups are of) each count links to
    its items. `values` maps a group to the field's values it stands for (the specialties
    grouped as "all other"), where it is not its own name."""
    headers = [first, *(GROUP_HEADERS if share else [h for h in GROUP_HEADERS if h != "share"])]
    rows, small = [], []
    for name, g in groups.items():
        value = (values or {}).get(name, name)
        items, overturned = g["items"], g["overturned"]
        if key is not None:
            items = _count(items, **{key: value})
            overturned = _count(overturned, **{key: value, "decision": "Overturned"})
        row = [label(name), items]
        if share:
            row.append(_pct(g.get("share")))
        row += [overturned, _pct(g["rate"]), _ci(g["ci95"])]
        rows.append(row)
        small.append(bool(g.get("small")))
    return table(headers, rows, small)


def _beside(table_html: str, figure: str) -> str:
    """A table with its chart to the right (below it on a narrow screen)."""
    return f'<div class="grid"><div>{table_html}</div>{figure}</div>'


def _bars(
    groups: Mapping[str, Mapping[str, Any]], title: str, label: Callable[[str], str] = str
) -> str:
    rows = [
        (label(n), g["rate"], g["ci95"], g["items"], bool(g.get("small")))
        for n, g in groups.items()
    ]
    return f"<figure>{rate_bars(rows, title)}</figure>" if rows else ""


def _item_link(entry: Mapping[str, Any]) -> Raw:
    return link(
        str(entry.get("page") or ""), f"{entry.get('case_number')} #{entry.get('issue_index')}"
    )


def _overall(t: Mapping[str, Any]) -> str:
    o, files, models = t["overall"], t.get("files", {}), t.get("models", {})
    letters = Num(count_link(o["letters"], "index.html"))
    rows = [
        ("letters", letters), ("disputed items", Num(count_link(o["items"], "items.html"))),
        ("Overturned", _count(o["overturned"], decision="Overturned")),
        ("Upheld", _count(o["upheld"], decision="Upheld")),
        ("Overturned rate", _pct(o["rate"])), ("95 % CI", _ci(o["ci95"])),
        ("letters without items", o["letters_without_items"]),
        ("input files", files.get("inputs")), ("parsed", files.get("parsed")),
        # rejects.csv lists the failed files and the copies read once, each counted here.
        ("rejected (failed)", files.get("rejected")),
        ("duplicates (copies read once)", files.get("duplicates")),
        ("rows in rejects.csv", len(files.get("rejected_files", []))),
        ("rows in problems.csv", files.get("partial_problems")),
        ("outcome models", "used" if models.get("used") else "not used (not trained)"),
    ]  # fmt: skip
    return table(["", "value"], rows, css_class="kv")


def _basis(t: Mapping[str, Any]) -> str:
    b = t["by_guideline_basis"]
    agreement = b["agreement"]
    crosstab = agreement["crosstab"]
    columns = sorted({c for row in crosstab.values() for c in row})
    cross = table(
        ["MAXIMUS \\ claims administrator", *columns],
        [[m, *(_count(row.get(c, 0), maximus_basis=m, claims_admin_basis=c) for c in columns)]
         for m, row in crosstab.items()],
    )  # fmt: skip
    return (
        '<p class="note">Basis = the kinds of guideline a line cites: an MTUS chapter, the '
        "Official Disability Guidelines (ODG), another non-MTUS source, or none cited; a line "
        'citing several kinds is its own group ("MTUS + ODG").</p>'
        '<div class="grid"><div><h3>MAXIMUS line</h3>'
        + _group_table(b["maximus"], "basis", key="maximus_basis")
        + "</div><div><h3>Claims administrator line</h3>"
        + _group_table(b["claims_admin"], "basis", key="claims_admin_basis")
        + "</div></div>"
        + f"<h3>Agreement</h3><p>The two lines have the same basis in "
        f"<b>{agreement['same_basis']:,}</b> of {agreement['items']:,} items "
        f"({_pct(agreement['same_basis_rate'])}, 95 % CI {_ci(agreement['same_basis_ci95'])}); "
        f"the same set of MTUS chapters in {agreement['same_mtus_chapters']:,}.</p>"
        + cross
        + '<div class="grid"><div><h3>MTUS chapters cited by MAXIMUS</h3>'
        '<p class="note">An item citing two chapters counts in both.</p>'
        + _group_table(
            b["maximus_mtus_chapter"], "chapter", share=False, key="maximus_mtus_chapters"
        )  # fmt: skip
        + "</div><div><h3>MTUS chapters cited by the claims administrator</h3>"
        '<p class="note">An item citing two chapters counts in both.</p>'
        + _group_table(
            b["claims_admin_mtus_chapter"], "chapter", share=False, key="claims_admin_mtus_chapters"
        )  # fmt: skip
        + "</div></div>"
        + '<div class="grid"><div><h3>Non-MTUS sources cited by MAXIMUS</h3>'
        '<p class="note">By canonical source and chapter (guideline_names.json); an item '
        "citing two counts in both.</p>"
        + _group_table(
            b.get("maximus_non_mtus_source") or {},
            "source",
            share=False,
            key="maximus_non_mtus_sources",
        )  # fmt: skip
        + "</div><div><h3>Non-MTUS sources cited by the claims administrator</h3>"
        '<p class="note">By canonical source and chapter; an item citing two counts in both.</p>'
        + _group_table(
            b.get("claims_admin_non_mtus_source") or {},
            "source",
            share=False,
            key="claims_admin_non_mtus_sources",
        )  # fmt: skip
        + "</div></div>"
    )


def _drugs(t: Mapping[str, Any]) -> str:
    d = t["by_drug_class"]
    classes = d["classes"]
    rows, small = [], []
    for name, g in classes.items():
        rows.append([name, _count(g["items"], drug_class=name), _pct(g.get("share")),
                     _count(g["overturned"], drug_class=name, decision="Overturned"),
                     _pct(g["rate"]), _ci(g["ci95"]),
                     _count(g.get("topical", 0), drug_class=name, topical="yes")])  # fmt: skip
        small.append(bool(g.get("small")))
    return (
        f"<p>{d['pharmaceutical_items']:,} pharmaceutical items; share = of those. Classes from "
        "<code>drug_classes.json</code> (a topical compound first, else the first class naming "
        "a drug in the item).</p>"
        + _beside(
            table(["drug class", *GROUP_HEADERS, "topical"], rows, small),
            _bars(classes, "Overturned rate by drug class"),
        )
    )


def _turnaround(t: Mapping[str, Any]) -> str:
    names = {"assigned_to_decision": "date assigned → decision date",
             "ur_denial_to_decision": "UR denial date → decision date"}  # fmt: skip
    stats, plots = [], []
    for key, label in names.items():
        s = t["turnaround"][key]
        stats.append([label, s["n"], s["median"], s["q1"], s["q3"], s["min"], s["max"],
                      s["mean"], s["missing"]])  # fmt: skip
        counts = {int(k): v for k, v in s["histogram"]["counts"].items()}
        bins = s["histogram"]["bin_days"]
        plots.append(f"<figure>{histogram(counts, bins, f'Days, {label}', 'days')}</figure>")
    return (
        "<p>Per letter, in calendar days.</p>"
        + table(
            ["interval", "letters", "median", "Q1", "Q3", "min", "max", "mean", "dates missing"],
            stats,
        )  # fmt: skip
        + f'<div class="grid">{"".join(plots)}</div>'
    )


def _months(t: Mapping[str, Any]) -> str:
    months = t["by_month"]
    rows = [[m, Num(count_link(g["letters"], href("index.html", {"decision_month": m}))),
             _count(g["items"], decision_month=m),
             _count(g["overturned"], decision_month=m, decision="Overturned"),
             _pct(g["rate"]), _ci(g["ci95"])]
            for m, g in months.items()]  # fmt: skip
    small = [bool(g.get("small")) for g in months.values()]
    chart = month_bars([(m, g["items"], g["rate"]) for m, g in months.items()],
                       "Items and Overturned rate by month of decision")  # fmt: skip
    return _beside(
        table(["month", "letters", "items", "Overturned", "rate", "95 % CI"], rows, small),
        f"<figure>{chart}</figure>",
    )


def _model(t: Mapping[str, Any]) -> str:
    m = t.get("model")
    if not m:
        return "<p>The outcome models were not used (train them with <code>make train</code>).</p>"
    crosstab = m["crosstab"]
    calls = ["Upheld", "Overturned"]
    cross = table(
        ["stated \\ reasoning model", *calls],
        [[s, *(_count(row.get(c, 0), decision=s, reasoning_call=c) for c in calls)]
         for s, row in crosstab.items()],
    )  # fmt: skip
    d = m["disagreements"]
    listed = _listed(d, "p_overturned_reasoning", "model_flags")
    more = _unlisted_note(
        d, f"The {len(d['listed'])} strongest of {d['count']:,} are listed; all are in items.csv "
        "(reasoning_agrees = false)."
    )  # fmt: skip
    r = m.get("reread") or {"count": 0, "listed": [], "all_listed": True}
    reread = _listed(r, "decision_read", "p_overturned_reasoning", "model_flags")
    reread_note = _unlisted_note(
        r, f"The {len(r['listed'])} strongest of {r['count']:,} are listed; all are in items.csv "
        "(column model_flags)."
    )  # fmt: skip
    threshold = m.get("reasoning_threshold")
    shown = "–" if threshold is None else f"{threshold:.3f}"
    return (
        f"<p>The reasoning model reads the rationale with its verdict sentences masked and calls "
        f"an item Overturned when P(Overturned) ≥ {shown} "
        f"(its trained threshold). It agrees with the stated decision on "
        f"<b>{m['reasoning_agrees']:,}</b> of {m['items']:,} items "
        f"({_pct(m['reasoning_agreement_rate'])}); the decision reader on "
        f"{m['reader_agrees']:,} of {m['reader_items']:,}. {r['count']:,} items are flagged "
        "for re-reading (as <code>imr predict</code> lists them: either model disagrees with "
        "the stated decision, in either direction).</p>"
        + cross
        + f"<h3>Items to re-read ({count_link(r['count'], items_href(flagged='yes'))})</h3>"
        + reread_note
        + table(
            [
                "item",
                "category",
                "disputed item",
                "stated",
                "decision read",
                "P(Overturned)",
                "flags",
            ],
            reread,
        )  # fmt: skip
        + f"<h3>Disagreements ({count_link(d['count'], items_href(reasoning_agrees='no'))}), "
        "strongest first</h3>"
        + more
        + table(["item", "category", "disputed item", "stated", "P(Overturned)", "flags"], listed)
    )


def _listed(block: Mapping[str, Any], *extra: str) -> list[list[Any]]:
    """Rows of a listed-items table: item link, category, disputed item, decision, extras."""
    return [
        [_item_link(e), category_label(e.get("category")), e.get("disputed_item"),
         badge(e.get("decision")),
         *(e.get(key) for key in extra)]
        for e in block["listed"]
    ]  # fmt: skip


def _unlisted_note(block: Mapping[str, Any], text: str) -> str:
    """A note saying where the items left out of a capped list are, when some are."""
    return "" if block["all_listed"] else f'<p class="note">{text}</p>'


def _review(t: Mapping[str, Any]) -> str:
    r = t["review"]
    reasons = table(
        ["reason", "what to check", "items", "code"],
        [[*review_words(code), _count(n, review=code), code] for code, n in r["by_reason"].items()],
    )
    listed = [[*row[:-1], "; ".join(review_words(c)[0] for c in row[-1] or [])]
              for row in _listed(r, "review")]  # fmt: skip
    more = _unlisted_note(
        r, f"The first {len(r['listed'])} are listed; all are in items.csv (column review)."
    )
    return (
        f"<p><b>{count_link(r['items'], items_href(review=list(r['by_reason'])))}</b> items "
        f"({_pct(r['share'])}) carry a review reason: a field "
        "that did not come from a confident rule (see the tagging README).</p>"
        + reasons
        + more
        + table(["item", "category", "disputed item", "decision", "review"], listed)
    )


def _share_cell(entry: Mapping[str, Any], n: int, filters: Mapping[str, Any]) -> Num:
    """A share as the report states it: the percentage, then k/n (k linking to its items) and
    the Wilson 95 % interval."""
    k = count_link(entry["items"], items_href(**filters))
    ci = f'<br><span style="white-space:nowrap">{_ci(entry["ci95"])}</span>' if n else ""
    return Num(f'{_pct(entry["share"]) or "–"}<br><span class="note">{k}/{n:,}{ci}</span>')


def _shares_table(
    groups: Mapping[str, Mapping[str, Any]],
    codes: list[str],
    first: str,
    key: str | None,
    label: Callable[[str], str] = str,
    values: Mapping[str, Any] | None = None,
) -> str:
    """Groups by reason codes: each cell the share of the group's Upheld items given reasons
    that were given the code; small groups greyed as in every table of the report. With `key`
    (the items' field the groups are of) the counts link to their items."""
    rows, small = [], []
    for name, g in groups.items():
        where: dict[str, Any] = {"decision": "Upheld"}
        if key is not None:
            where[key] = (values or {}).get(name, name)
        n = g["items"]
        rows.append([label(name), _count(n, **where, reasons=codes),
                     *(_share_cell(g["codes"][code], n, {**where, "reasons": code})
                       for code in codes)])  # fmt: skip
        small.append(bool(g.get("small")))
    headers = [first, "Upheld items given reasons", *(reason_label(c) for c in codes)]
    return f'<div style="overflow-x:auto">{table(headers, rows, small)}</div>'


def _reasons(t: Mapping[str, Any]) -> str:
    """Denial reasons: the share of Upheld items given each reason code, overall and by service
    category, reviewer specialty and guideline (report.json's "denial_reasons"), and the items
    by reason and category as a chart ("reasons_by_category")."""
    counts = t.get("reasons_by_category") or {}
    chart = stacked_bars(
        [(category_label(c), [(reason_label(code), n) for code, n in row.items()])
         for c, row in counts.items()],
        "Items by reason and service category",
    )  # fmt: skip
    figure = f"<figure>{chart}</figure>" if counts else ""
    d = t.get("denial_reasons")
    if not d:
        return "<p>No Upheld item carries denial reasons.</p>" + figure
    codes = d["codes"]
    overall = {"all Upheld items given reasons": d["overall"]}
    spec = d["by_specialty"]
    other = spec.get("grouped_as_other") or []
    guideline = d["by_guideline"]
    return (
        f"<p>The grounds the rationale gives for upholding a denial, for the "
        f"<b>{d['items']:,}</b> Upheld items given reasons: in each cell the share of a group's "
        "items given the reason, k/n, and its Wilson 95 % interval. An item given two reasons "
        "counts under both, so a row adds up to more than 100 %; Overturned items are in no "
        f"denominator. Groups under {SMALL_GROUP} items are greyed and marked †.</p>"
        + _shares_table(overall, codes, "", None)
        + "<h3>By service category</h3>"
        + _shares_table(d["by_category"], codes, "category", "category", category_label)
        + "<h3>By reviewer specialty</h3>"
        + f'<p class="note">The reviewer\'s first listed specialty, the groups of the specialty '
        f"table ({len(other)} grouped as &ldquo;{OTHER_SPECIALTIES}&rdquo;).</p>"
        + _shares_table(
            spec["groups"],
            codes,
            "specialty",
            "specialty_primary",
            values={OTHER_SPECIALTIES: other},
        )  # fmt: skip
        + "<h3>By guideline cited by MAXIMUS</h3>"
        + '<p class="note">By canonical MTUS chapter and non-MTUS source (guideline_names.json); '
        "an item citing two counts under both; "
        f"{guideline['items_citing_none']:,} items cite none.</p>"
        + _shares_table(
            guideline["mtus_chapter"], codes, "MTUS chapter", "maximus_mtus_chapters"
        )  # fmt: skip
        + _shares_table(
            guideline["non_mtus_source"], codes, "non-MTUS source", "maximus_non_mtus_sources"
        )  # fmt: skip
        + figure
    )


def _smoke_banner(t: Mapping[str, Any]) -> str:
    """A warning at the top of the page when the models used are a smoke test."""
    notice = t.get("models", {}).get("smoke_test_notice")
    style = "background:#fde2e1;border:2px solid #c0392b;padding:8px;font-weight:700"
    return f'<p class="smoke" style="{style}">Warning: {escape(notice)}</p>' if notice else ""


def report_html(t: Mapping[str, Any], stamp: str = "") -> str:
    """The whole page, with the run's `stamp` (HTML) under the navigation."""
    reasons = bool(t.get("denial_reasons") or t.get("reasons_by_category"))
    nav_sections = list(SECTIONS)
    if reasons:
        nav_sections.insert(len(nav_sections) - 1, REASONS_SECTION)
    nav = " ".join(f'<a href="#{key}">{escape(title)}</a>' for key, title in nav_sections)
    spec = t["by_specialty"]
    other = spec.get("grouped_as_other") or []
    sections = {
        "overall": _overall(t),
        "category": _beside(
            _group_table(t["by_category"], "category", label=category_label, key="category"),
            _bars(
                t["by_category"],
                "Overturned rate by service category (95 % CI)",
                label=category_label,
            ),  # fmt: skip
        ),
        "basis": _basis(t),
        "specialty": "<p>The reviewer's first listed specialty; the top "
        f"{spec['top_n']} by items, the other {len(other)} grouped.</p>"
        + _beside(
            _group_table(
                spec["groups"],
                "specialty",
                key="specialty_primary",
                values={OTHER_SPECIALTIES: other},
            ),  # fmt: skip
            _bars(spec["groups"], "Overturned rate by reviewer specialty"),
        ),
        "drugs": _drugs(t),
        "cap": "<p>Requested visits (or visits a week) against the quoted guideline limit that "
        "fits the item's condition and body part (a CRPS limit only where the letter names "
        "CRPS, a neck limit only for a neck request), less the sessions the letter says were "
        "completed; the upper end of a limit range is the cap. Each letter page shows the "
        "arithmetic.</p>" + _group_table(t["visit_cap"], "visit-cap check", key="visit_cap_group"),
        "turnaround": _turnaround(t),
        "month": _months(t),
        "model": _model(t),
        "review": _review(t),
    }
    shown = list(SECTIONS)
    if reasons:
        sections["reasons"] = _reasons(t)
        shown.insert(shown.index(("review", "Flagged for review")), REASONS_SECTION)
    body = _smoke_banner(t) + (
        "<h1>IMR corpus report</h1>"
        f"<nav>{nav}</nav>"
        f'<p class="note">Rates are Overturned / items with a stated decision, with Wilson 95 % '
        f"intervals. Groups under {SMALL_GROUP} items are shown greyed and marked †, never "
        'hidden. Every table is computed from <a href="items.csv">items.csv</a> '
        '(also <a href="items.parquet">items.parquet</a>); the same tables as data: '
        '<a href="report.json">report.json</a>.</p>'
        + "".join(
            f'<section id="{key}"><h2>{escape(title)}</h2>{sections[key]}</section>'
            for key, title in shown
        )
    )
    return page("IMR corpus report", body, root="", stamp=stamp)
