"""The printable evaluation summary: the JSON document of spec/evaluation.md, set as tables and charts.

Numbers are printed from the document as they are (``styles.number``), never recomputed here, so the
PDF and the JSON always agree.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from cpm_desktop.reports.charts import histogram, horizontal_bars, vertical_bars
from cpm_desktop.reports.styles import (
    EMPTY,
    FRAME_WIDTH,
    build_document,
    data_table,
    long_date,
    markup,
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


def _labeller(labels) -> Labeller:
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


def render_evaluation(summary: Mapping, labels) -> bytes:
    """PDF bytes of the summary; ``labels`` is a Vocabulary or a callable (kind, code) → label."""
    label = _labeller(labels)
    story = _cover(summary, label)
    for section in (_referrals, _supported, _contacts, _engagement_and_waiting, _demand_and_feedback, _mentors):
        story += section(summary, label)
    p = summary["parameters"]
    return build_document(TITLE, story, subject=f"Referrals from {_day(p['from'])} to {_day(p['to'])}")


def _heading(text: str):
    return [CondPageBreak(40 * mm), markup(safe(text), styles().heading)]


def _sub(text: str):
    return markup(safe(text), styles().subheading)


def _cover(summary: Mapping, label: Labeller) -> list:
    s = styles()
    p = summary["parameters"]
    period = (f"Referrals received from {_day(p['from'])} to {_day(p['to'])}" if p["from"] or p["to"]
              else "All referrals on record")
    area = label("area", p["area"]) if p["area"] else "All areas"
    story = [
        Spacer(1, 25 * mm),
        markup(TITLE, s.title),
        markup(safe(period), s.subheading),
        para(f"{area} · figures as at {_day(p['as_of'])}"),
        Spacer(1, 8 * mm),
        data_table(["Parameter", "Value"], [
            ["Period from", _day(p["from"]) if p["from"] else "the first referral"],
            ["Period to", _day(p["to"]) if p["to"] else "the latest referral"],
            ["As at (today for open cases)", _day(p["as_of"])],
            ["Area", area],
            ["Cost of a police staff hour", _money(p["cost_per_hour"])],
            ["Police staff hours per call", number(p["hours_per_call"])],
        ], widths=[FRAME_WIDTH * 0.45, FRAME_WIDTH * 0.55], numeric_from=9),
        Spacer(1, 8 * mm),
        markup("How these figures are made", s.subheading),
    ]
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
        f"\u00a3{number(p['cost_per_hour'])} per hour, rounded to whole pounds.",
        "A dash (\u2014) means there is nothing to measure, such as a median of no waits.",
    ]
    story += [para(note, s.small) for note in notes]
    story.append(PageBreak())
    return story


def _referrals(summary: Mapping, label: Labeller) -> list:
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


def _chart(values, build) -> list:
    """A chart after a little space, or nothing when every value is zero or unknown (an empty chart
    says nothing the table above it does not)."""
    return [Spacer(1, 3 * mm), build()] if any(v for v in values if v is not None) else []


def _money(value) -> str:
    return EMPTY if value is None else f"£{number(value)}"


def _short(text: str) -> str:
    return text.split(" (")[0]


def _coded_table(title: str, kind: str, entries: Mapping, label: Labeller, base: str) -> list:
    if not entries:
        return [_sub(title), para(f"None recorded among {base}.")]
    return [_sub(title), data_table(["Type", "Clients", f"% of {base}"],
                                    [[label(kind, c), v["count"], _pct(v["pct"])] for c, v in entries.items()])]


def _supported(summary: Mapping, label: Labeller) -> list:
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


def _contacts(summary: Mapping, label: Labeller) -> list:
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


def _engagement_and_waiting(summary: Mapping, label: Labeller) -> list:
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


def _demand_and_feedback(summary: Mapping, label: Labeller) -> list:
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


def _mentors(summary: Mapping, label: Labeller) -> list:
    m = summary["mentors"]
    story = _heading("7. Mentors")
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
