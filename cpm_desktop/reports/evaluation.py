"""The printable evaluation summary: the JSON document of spec/evaluation.md, set as tables and charts.

Numbers are printed from the document as they are (``styles.number``), never recomputed here, so the
PDF and the JSON always agree.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from cpm_desktop.domain.vocabulary import Vocabulary
from cpm_desktop.reports.charts import histogram, horizontal_bars, line_chart, vertical_bars
from cpm_desktop.reports.styles import (
    ACCENT,
    BOLD,
    EMPTY,
    FONT,
    FRAME_WIDTH,
    RULE,
    SCHEME,
    build_document,
    data_table,
    long_date,
    markup,
    money,
    number,
    para,
    safe,
    styles,
)

TITLE = "Evaluation summary"
TRAINING_BANDS = {
    "within_1_month": "Within a month", "1-2_months": "1 to 2 months", "2-4_months": "2 to 4 months",
    "4-6_months": "4 to 6 months", "6-10_months": "6 to 10 months", "10-12_months": "10 to 12 months",
    "over_12_months": "Over 12 months", "not_yet": "No client yet",
}
Labeller = Callable[[str, str], str]


def _labeller(labels: Vocabulary | Labeller) -> Labeller:
    """(kind, code) → label; a code the vocabulary does not know prints as itself, never fails."""
    lookup = labels if callable(labels) else labels.label

    def label(kind: str, code: str) -> str:
        try:
            text = lookup(kind, code)
        except (KeyError, LookupError):
            text = None
        return str(text) if text else str(code)

    return label


def _pct(value: float | None) -> str:
    return EMPTY if value is None else f"{number(value)}%"


def _day(value: str | date | None) -> str:
    if not value:
        return EMPTY
    return long_date(value if isinstance(value, date) else date.fromisoformat(str(value)[:10]))


def render_evaluation(summary: Mapping[str, Any], labels: Vocabulary | Labeller, *,
                      quarters: Sequence[Mapping[str, Any]] | None = None, note: str = "",
                      prepared_by: str | None = None) -> bytes:
    """PDF bytes of the summary; ``labels`` is a Vocabulary or a callable (kind, code) → label.

    Page one is the headline (with ``note``, the lead's own paragraph, when there is one); then the year on
    year comparison with ``quarters`` (referrals by quarter across the store), the areas, the full tables,
    and last the method note.
    """
    label = _labeller(labels)
    story = _headline_page(summary, label, note, prepared_by)
    if summary["referrals"]["total"]:
        story += _year_on_year(summary, quarters or [])
        story += _areas(summary, label)
        for section in (_referrals, _supported, _contacts, _engagement_and_waiting, _demand_and_feedback):
            story += section(summary, label)
    elif quarters:
        story += _year_on_year(summary, quarters)
    story += _mentors(summary, label)
    story += _method(summary, label)
    return build_document(TITLE, story)


def _heading(text: str) -> list[Flowable]:
    return [CondPageBreak(40 * mm), markup(safe(text), styles().heading)]


def _sub(text: str) -> Paragraph:
    return markup(safe(text), styles().subheading)


def _period(p: Mapping[str, Any]) -> str:
    if p["from"] or p["to"]:
        start = _day(p["from"]) if p["from"] else "the first referral"
        end = _day(p["to"]) if p["to"] else "the latest referral"
        return f"Referrals received from {start} to {end}"
    return "All referrals on record"


def _area_name(p: Mapping[str, Any], label: Labeller) -> str:
    return label("area", p["area"]) if p["area"] else "All areas"


def _tile(figure: str, words: str) -> list[Flowable]:
    return [markup(safe(figure), _big_style()), para(words, _words_style())]


def _big_style() -> ParagraphStyle:
    return ParagraphStyle("figure", parent=styles().body, fontName=BOLD, fontSize=21, leading=25,
                          textColor=ACCENT)


def _words_style() -> ParagraphStyle:
    return ParagraphStyle("figure_words", parent=styles().body, fontSize=8.5, leading=10.5)


def _days(value: float | None) -> str:
    return EMPTY if value is None else f"{number(value)} day{'' if value == 1 else 's'}"


def headline_tiles(h: Mapping[str, Any], p: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(large figure, one line of words) for each headline figure, all printed from ``h`` and ``p`` as they are."""
    decision, allocation = h["referral_to_decision"], h["decision_to_allocation"]
    return [
        (number(h["referrals"]), f"referrals received, of {number(h['people'])} people"),
        (number(h["supported"]), f"clients supported, {_pct(h['supported_pct'])} of referrals"),
        (number(h["contacts"]), f"contacts with supported clients: {number(h['support_hours'])} hours of support"),
        (_pct(h["reduction_pct"]), f"fewer calls to the police: {number(h['calls_avoided'])} calls avoided by "
                                   f"{number(h['demand_clients'])} clients"),
        (_money(h["cost_saved"]), f"saved: {number(h['hours_saved'])} police staff hours at "
                                  f"{_money(p['cost_per_hour'])} an hour"),
        (number(h["no_calls_after"]), f"of {number(h['demand_clients'])} clients made no calls to the police after"),
        (_days(decision["median"]), f"median wait from referral to decision; 90% within {_days(decision['p90'])}"),
        (_days(allocation["median"]), f"median wait from decision to mentors; 90% within {_days(allocation['p90'])}"),
        (number(h["mentors_active"]), f"mentors active on {_day(p['as_of'])}; {number(h['mentors_trained'])} "
                                      f"trained in the period"),
    ]


def _headline_page(summary: Mapping[str, Any], label: Labeller, note: str,
                   prepared_by: str | None) -> list[Flowable]:
    s = styles()
    p = summary["parameters"]
    area = _area_name(p, label)
    story: list[Flowable] = [
        markup(TITLE, s.title),
        para(SCHEME, s.subheading),
        para(_period(p), s.body),
        para(f"{area} · figures as at {_day(p['as_of'])}", s.body),
    ]
    if prepared_by:
        story.append(para(f"Prepared by {prepared_by}", s.body))
    story.append(Spacer(1, 6 * mm))
    h = summary["by_area"]["total"]
    if not summary["referrals"]["total"]:
        where = f" in {area}" if p["area"] else ""
        story.append(para(f"No referrals were received in this period{where}, so there are no client figures "
                          f"to report; the mentors on {_day(p['as_of'])} are described below.", s.body))
    else:
        tiles = [_tile(figure, words) for figure, words in headline_tiles(h, p)]
        rows = [tiles[i:i + 3] for i in range(0, len(tiles), 3)]
        grid = Table(rows, colWidths=[FRAME_WIDTH / 3] * 3, hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, -1), 0.6, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ]))
        story.append(grid)
    if note:
        lead = ParagraphStyle("lead_note", parent=s.body, fontSize=10.5, leading=15, spaceAfter=2 * mm)
        story += [Spacer(1, 5 * mm)] + [para(part.strip(), lead) for part in note.split("\n\n") if part.strip()]
    story.append(PageBreak())
    return story


YEAR_ON_YEAR = (
    ("Referrals received", "referrals", None), ("People referred", "people", None),
    ("Clients supported", "supported", None), ("Supported, % of referrals", "supported_pct", "pct"),
    ("Contacts with supported clients", "contacts", None), ("Hours of support", "support_hours", None),
    ("Clients with both call counts known", "demand_clients", None),
    ("Their calls to the police before", "calls_before", None), ("Their calls after", "calls_after", None),
    ("Calls avoided", "calls_avoided", None), ("Fewer calls, %", "reduction_pct", "pct"),
    ("Clients with no calls after", "no_calls_after", None), ("Police staff hours saved", "hours_saved", None),
    ("Cost saved", "cost_saved", "money"),
    ("Referrals decided", ("referral_to_decision", "n"), None),
    ("Median days, referral to decision", ("referral_to_decision", "median"), None),
    ("90th percentile days, referral to decision", ("referral_to_decision", "p90"), None),
    ("Supported clients given mentors", ("decision_to_allocation", "n"), None),
    ("Median days, decision to mentors", ("decision_to_allocation", "median"), None),
    ("90th percentile days, decision to mentors", ("decision_to_allocation", "p90"), None),
    ("Mentors active on the \u201cas at\u201d day", "mentors_active", None),
    ("Mentors trained in the period", "mentors_trained", None),
)


def _pick(figures: Mapping[str, Any], key: str | tuple[str, str]) -> Any:
    return figures[key[0]][key[1]] if isinstance(key, tuple) else figures[key]


def _signed(value: float | None, kind: str | None) -> str:
    if value is None:
        return EMPTY
    sign = "+" if value > 0 else "\u2212" if value < 0 else ""
    text = number(abs(value))
    if kind == "pct":
        return f"{sign}{text} points"
    if kind == "money":
        return f"{sign}{money(abs(value))}"
    return f"{sign}{text}"


def _shown(value: Any, kind: str | None) -> object:
    if kind == "pct":
        return _pct(value)
    if kind == "money":
        return _money(value)
    return value


def _short_period(start: str | None, end: str | None) -> str:
    def short(value: str | None) -> str:
        return date.fromisoformat(value).strftime("%d/%m/%Y") if value else "\u2026"
    return f"{short(start)} to {short(end)}"


def _year_on_year(summary: Mapping[str, Any], quarters: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    p, previous = summary["parameters"], summary["previous_period"]
    story = _heading("Year on year" if summary["referrals"]["total"] else "Referrals over the years")
    if summary["referrals"]["total"]:
        if previous is None:
            story.append(para("This report covers every referral from the first on record, so there is no "
                              "earlier period to compare it with."))
        else:
            now, before, change = summary["by_area"]["total"], previous["figures"], previous["change"]
            story.append(para(f"Each figure beside the same figure for the period of equal length before it "
                              f"({_day(previous['from'])} to {_day(previous['to'])}, as at "
                              f"{_day(previous['as_of'])}), and the change.", styles().small))
            story.append(data_table(
                ["Figure", f"This period ({_short_period(p['from'], p['to'])})",
                 f"Previous ({_short_period(previous['from'], previous['to'])})", "Change"],
                [[name, _shown(_pick(now, key), kind), _shown(_pick(before, key), kind),
                  _signed(_pick(change, key), kind)] for name, key, kind in YEAR_ON_YEAR],
                widths=[FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.2],
                numeric_from=1))
    if quarters:
        story += [Spacer(1, 4 * mm),
                  line_chart([q["quarter"] for q in quarters],
                             [("Referred", [q["referred"] for q in quarters]),
                              ("Supported", [q["supported"] for q in quarters])],
                             title="Referrals and supported clients by financial quarter, every year on record "
                                   "(Q1 is April to June)")]
    return story


AREA_COLUMNS = (("Referrals", "referrals"), ("Supported", "supported"), ("Contacts", "contacts"),
                ("Hours of support", "support_hours"), ("Calls avoided", "calls_avoided"),
                ("Cost saved", "cost_saved"), ("Mentors active", "mentors_active"))


def _printed(value: object) -> str:
    return value if isinstance(value, str) else number(value)


def _areas(summary: Mapping[str, Any], label: Labeller) -> list[Flowable]:
    p, areas = summary["parameters"], summary["by_area"]
    if p["area"]:
        return []  # a report for one area: its figures are the headline
    def row(name: str, figures: Mapping[str, Any]) -> list[object]:
        return [name] + [_money(figures[key]) if key == "cost_saved" else _pick(figures, key)
                         for _, key in AREA_COLUMNS]

    rows = [row(label("area", a["area"]) if a["area"] else "Area not recorded", a) for a in areas["areas"]]
    rows.append(row("Whole scheme", areas["total"]))
    header = ["Area"] + [name for name, _ in AREA_COLUMNS]
    # Each figure column as wide as its longest header word or value; the area's name takes the rest.
    figures = [max([stringWidth(word, BOLD, 8.5) for word in name.split()]
                   + [stringWidth(_printed(r[i + 1]), FONT, 8.5) for r in rows]) + 14
               for i, name in enumerate(header[1:])]
    return _heading("By area") + [
        para("The headline figures for each area; the counts of the areas add up to the whole scheme.",
             styles().small),
        data_table(header, rows, widths=[FRAME_WIDTH - sum(figures)] + figures, numeric_from=1)]


def _method(summary: Mapping[str, Any], label: Labeller) -> list[Flowable]:
    s = styles()
    p = summary["parameters"]
    area = _area_name(p, label)
    story: list[Flowable] = [PageBreak(), markup("How these figures are made", s.heading)]  # on a page of its own, last
    story.append(data_table(["Parameter", "Value"], [
        ["Period from", _day(p["from"]) if p["from"] else "the first referral"],
        ["Period to", _day(p["to"]) if p["to"] else "the latest referral"],
        ["As at (today for open cases)", _day(p["as_of"])],
        ["Area", area],
        ["Cost of a police staff hour", _money(p["cost_per_hour"])],
        ["Police staff hours per call", number(p["hours_per_call"])],
    ], widths=[FRAME_WIDTH * 0.45, FRAME_WIDTH * 0.55], numeric_from=9))
    story.append(Spacer(1, 3 * mm))
    as_of = _day(p["as_of"])
    notes = [
        "Cohort: every referral whose date of referral falls in the period, both ends included"
        + (f", in {area}" if p["area"] else "") + ". \u201cSupported\u201d means a cohort referral whose "
        "outcome is accepted and supported; most tables count supported referrals only.",
        f"As at {as_of}: cases still open are counted up to this date, contacts logged after it are left out, "
        "and mentor figures describe the mentors on this date.",
        "Financial years run from 1 April to 31 March (2016-17 is 1 April 2016 to 31 March 2017). Percentages "
        "are of the base named in each table and, like means, are rounded to one decimal place, halves away "
        "from zero.",
        "Waiting times are whole days. The median is the lower median (of an even number of waits, the "
        "smaller of the middle two); the 90th percentile is nearest-rank (the wait at rank \u230890% \u00d7 n\u2309).",
        "Months engaged are whole calendar months from first contact to closure, or to the \u201cas at\u201d "
        "date for cases still open.",
        f"Demand on the police compares calls in the 12 months before referral with the 12 months after first "
        f"contact, for clients with both counts known. Hours saved = calls avoided \u00d7 "
        f"{number(p['hours_per_call'])} police staff hours per call; cost saved = hours saved \u00d7 "
        f"{money(p['cost_per_hour'])} per hour, rounded to whole pounds.",
        "A dash (\u2014) means there is nothing to measure, such as a median of no waits.",
    ]
    notes += [
        "Page one and the year on year table: hours of support are the known minutes of the supported "
        "clients' contacts; calls avoided are calls before less calls after; mentors active are those trained "
        "by the \u201cas at\u201d date who had not left by then (not those working for other organisations); "
        "mentors trained in the period completed their training in it.",
        "The previous period has the same length and ends the day before this one starts (a financial year "
        "is compared with the one before it); its figures are as at the same distance from its end. Changes "
        "in percentages are in percentage points.",
        "The paragraph on page one, when there is one, is written by the project lead; the application never "
        "writes it.",
    ]
    note_style = ParagraphStyle("method_note", parent=s.small, spaceAfter=1.5 * mm)
    story += [para(note, note_style) for note in notes]
    return story


def _referrals(summary: Mapping[str, Any], label: Labeller) -> list[Flowable]:
    r = summary["referrals"]
    story = _heading("1. Referrals and outcomes")
    story.append(data_table(["Referrals", "Number"], [
        ["Referrals received (cohort)", r["total"]],
        ["People referred", r["people"]],
        ["Accepted and supported", r["supported"]],
        ["Supported, % of referrals", _pct(r["supported_pct"])],
    ]))
    if r["by_year"]:
        story += [_sub("Referred and supported by financial year"),
                  data_table(["Financial year", "Referred", "Supported"],
                             [[y["year"], y["referred"], y["supported"]] for y in r["by_year"]])]
        story += _chart([y["referred"] for y in r["by_year"]], lambda: vertical_bars(
            [y["year"] for y in r["by_year"]],
            [("Referred", [y["referred"] for y in r["by_year"]]),
             ("Supported", [y["supported"] for y in r["by_year"]])],
            title="Referred and supported by financial year",
            width=min(FRAME_WIDTH, 160 + 90 * len(r["by_year"]))))
    outcomes = r["by_outcome"]
    story += [_sub("Outcome of referrals"),
              data_table(["Outcome", "Referrals"], [[label("outcome", c), n] for c, n in outcomes.items()])]
    story += _chart(outcomes.values(), lambda: horizontal_bars(
        [_short(label("outcome", c)) for c in outcomes], list(outcomes.values()), title="Referrals by outcome"))
    return story


def _chart(values: Iterable[float | None], build: Callable[[], Flowable]) -> list[Flowable]:
    """A chart after a little space, or nothing when every value is zero or unknown (an empty chart
    says nothing the table above it does not)."""
    return [Spacer(1, 3 * mm), build()] if any(v for v in values if v is not None) else []


def _money(value: float | None) -> str:
    return money(value)


def _short(text: str) -> str:
    return text.split(" (")[0]


def _coded_table(title: str, kind: str, entries: Mapping[str, Any], label: Labeller, base: str) -> list[Flowable]:
    if not entries:
        return [_sub(title), para(f"None recorded among {base}.")]
    return [_sub(title), data_table(["Type", "Clients", f"% of {base}"],
                                    [[label(kind, c), v["count"], _pct(v["pct"])] for c, v in entries.items()])]


def _supported(summary: Mapping[str, Any], label: Labeller) -> list[Flowable]:
    s = summary["supported"]
    base = "supported clients"
    story = _heading("2. Supported clients")
    story.append(data_table(["Gender", "Clients", "Youngest", "Oldest", "Mean age"], [
        [label("gender", code), n, *(s["age"][code][k] if code in s["age"] else None
                                     for k in ("min", "max", "mean"))]
        for code, n in s["gender"].items()
    ]))
    story += [_sub("Victims and perpetrators of crime"), data_table(["Clients who were", "Clients"], [
        ["Victims of crime", s["victims"]], ["Perpetrators of crime", s["perpetrators"]],
        ["Neither victim nor perpetrator", s["neither"]]])]
    story += _coded_table("Crimes of which clients were victims", "crime", s["victim_crimes"], label, base)
    story += _coded_table("Crimes clients committed", "crime", s["perpetrator_crimes"], label, base)
    story += _coded_table("Vulnerabilities", "vulnerability", s["vulnerabilities"], label, base)
    entries = sorted(s["vulnerabilities"].items(), key=lambda item: -(item[1]["count"] or 0))
    story += _chart([v["count"] for _, v in entries], lambda: horizontal_bars(
        [_short(label("vulnerability", c)) for c, _ in entries], [v["count"] for _, v in entries],
        title="Vulnerabilities of supported clients"))
    return story


def _contacts(summary: Mapping[str, Any], label: Labeller) -> list[Flowable]:
    c = summary["contacts"]
    story = _heading("3. Contacts with supported clients")
    story.append(data_table(["Contacts", "Number"], [
        ["Contacts logged", c["total"]], ["Mean per client", c["mean_per_client"]],
        ["Fewest for one client", c["min_per_client"]], ["Most for one client", c["max_per_client"]]]))
    story += [_sub("Clients by number of contacts"),
              data_table(["Contacts", "Clients"], [[band, n] for band, n in c["bands"].items()])]
    story += _chart(c["bands"].values(), lambda: histogram(
        list(reversed(c["bands"])), list(reversed(c["bands"].values())),
        title="Supported clients by number of contacts", x_title="Contacts logged with the client",
        height=120, width=FRAME_WIDTH * 0.7))
    story += [_sub("Contacts and time by activity"),
              data_table(["Activity", "Contacts", "Minutes"],
                         [[label("activity", code), v["count"], v["minutes"]] for code, v in c["by_activity"].items()])]
    return story


def _engagement_and_waiting(summary: Mapping[str, Any], label: Labeller) -> list[Flowable]:
    e, w = summary["engagement"], summary["waiting"]
    longest = e["longest_months"]
    story = _heading("4. Engagement and waiting times")
    story.append(data_table(["Engagement", "Number"], [
        ["Longest engagement, months", longest],
        ["That client is still supported", e["longest_still_active"] if longest is not None else None],
        *[[f"Clients engaged {band} months", n] for band, n in e["bands"].items()]]))
    story += [_sub("Waiting times, days"), data_table(["Wait", "Median", "90th percentile", "Clients"], widths=[
        FRAME_WIDTH * 0.46, FRAME_WIDTH * 0.16, FRAME_WIDTH * 0.22, FRAME_WIDTH * 0.16], rows=[
        ["Referral to decision", w["referral_to_decision"]["median"], w["referral_to_decision"]["p90"],
         w["referral_to_decision"]["n"]],
        ["Decision to first allocation of a mentor", w["decision_to_allocation"]["median"],
         w["decision_to_allocation"]["p90"], w["decision_to_allocation"]["n"]]])]
    return story


def _demand_and_feedback(summary: Mapping[str, Any], label: Labeller) -> list[Flowable]:
    d, f = summary["demand"], summary["feedback"]
    story = _heading("5. Demand on the police")
    story.append(data_table(["Calls to the police", "Number"], [
        ["Clients with both counts known", d["clients"]],
        ["Calls in the 12 months before referral", d["calls_before"]],
        ["Calls in the 12 months after first contact", d["calls_after"]],
        ["Reduction", _pct(d["reduction_pct"])],
        ["Clients with no calls after", d["no_calls_after"]],
        ["Clients with one or two calls after", d["one_or_two_calls_after"]],
        ["Police staff hours saved", d["hours_saved"]],
        ["Cost saved", _money(d["cost_saved"])]]))
    story += _chart([d["calls_before"], d["calls_after"]], lambda: vertical_bars(
        ["Calls in the 12 months before referral", "Calls in the 12 months after first contact"],
        [("Calls", [d["calls_before"], d["calls_after"]])],
        title="Calls to the police, before and after", height=120, width=FRAME_WIDTH * 0.6))
    story += _heading("6. Feedback to referrers")
    story.append(data_table(["Closed cases", "Number"], [
        ["Supported cases closed", f["closed"]], ["Feedback sent to the referrer", f["feedback_sent"]],
        ["Feedback sent, % of closed", _pct(f["feedback_sent_pct"])],
        ["Median days from closure to feedback", f["median_days_to_feedback"]]]))
    return story


def _mentors(summary: Mapping[str, Any], label: Labeller) -> list[Flowable]:
    m = summary["mentors"]
    story = _heading("7. Mentors" if summary["referrals"]["total"] else "Mentors")
    if not sum(m["by_status"].values()):
        area = f" in {label('area', summary['parameters']['area'])}" if summary["parameters"]["area"] else ""
        return story + [para(f"There are no mentors on record{area}.")]
    story.append(data_table(["Mentors", "Number"], [
        ["Trained", m["trained"]], ["Training cohorts", m["cohorts"]],
        ["Active or on sabbatical", m["active_or_sabbatical"]], ["Former clients", m["former_clients"]],
        ["Active mentors with no progress check in 90 days", m["progress_check_overdue"]],
        ["Age of the youngest active or on sabbatical", m["age"]["min"]],
        ["Age of the oldest active or on sabbatical", m["age"]["max"]],
        ["Mean age of those active or on sabbatical", m["age"]["mean"]]]))
    story += [_sub("Mentors by status"),
              data_table(["Status", "Mentors"], [[label("mentor_status", c), n] for c, n in m["by_status"].items()])]
    story += [_sub("Active or on sabbatical, by gender"),
              data_table(["Gender", "Mentors"], [[label("gender", c), n] for c, n in m["gender"].items()])]
    story += [_sub("Why mentors left"),
              data_table(["Reason", "Mentors"], [[label("left_reason", c), n] for c, n in m["left_reasons"].items()])]
    story += [_sub("Time from training to first client (active or on sabbatical)"),
              data_table(["Time", "Mentors"], [[TRAINING_BANDS.get(band, band.replace("_", " ")), n]
                                               for band, n in m["training_to_first_allocation"].items()])]
    lived = m["lived_experience"]
    story += [_sub("Lived experience of mentors"),
              data_table(["Lived experience", "Mentors"], [[label("lived_experience", c), n] for c, n in lived.items()])
              if lived else para("None recorded.")]
    return story
