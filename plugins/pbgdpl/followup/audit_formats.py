"""The audit as text, JSON, Markdown and CSV: for a terminal, CI, a report and downloads."""

from __future__ import annotations

from typing import Any

from pbgdpl.catalog.dissemination import Coverage
from pbgdpl.followup.audit import AgencyAudit, Audit, SectionState, Standing
from pbgdpl.followup.downloads import csv_text
from pbgdpl.model.sections import SECTIONS_BY_SLUG

TITLE = "Tình hình xây dựng, cập nhật Trang thông tin điện tử PBGDPL"


def _date(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def summary(audit: Audit) -> str:
    """Return one sentence: how many agencies of the register are in each standing."""
    counts = ", ".join(f"{audit.count(s)} {s.label.lower()}" for s in reversed(Standing))
    return f"{len(audit.agencies)} đơn vị: {counts}."


def format_audit_text(audit: Audit) -> str:
    """Return the audit for a terminal: one line per agency, its problems indented below."""
    lines = [f"{TITLE}, dữ liệu tính đến ngày {_date(audit.as_of)}", summary(audit), ""]
    for agency in audit.agencies:
        outside = "" if agency.in_register else " [ngoài danh mục]"
        facts = (
            f" ({agency.items} bài, cập nhật gần nhất {_date(agency.latest)})"
            if agency.built
            else ""
        )
        lines.append(f"{agency.slug}: {agency.name}{outside}: {agency.standing.label}{facts}")
        lines.extend(f"  - {problem}" for problem in agency.problems if agency.built)
        for due in agency.to_review:
            lines.append(f"    · cần rà soát: {due.item.path} ({due.item.title})")
            lines.extend(f"      {reason}" for reason in due.reasons)
    return "\n".join(lines)


def audit_json(audit: Audit) -> dict[str, Any]:
    """Return the audit as a JSON-ready mapping (the same data the dashboard offers)."""
    return {
        "as_of": audit.as_of.isoformat(),
        "required_sections": list(audit.required_sections),
        "stale_after_days": dict(audit.stale_after),
        "dissemination_days": audit.dissemination_days,
        "summary": {s.value: audit.count(s) for s in Standing},
        "agencies": [
            {
                "slug": a.slug,
                "name": a.name,
                "kind": a.kind,
                "in_register": a.in_register,
                "standing": a.standing.value,
                "standing_label": a.standing.label,
                "items": a.items,
                "latest": a.latest.isoformat() if a.latest else None,
                "findings": [
                    {
                        "what": f.what,
                        "actor": f.actor.value,
                        "actor_label": f.actor.label,
                        "action": f.action,
                    }
                    for f in a.findings
                ],
                "sections": [
                    {
                        "slug": s.slug,
                        "required": s.required,
                        "kept": s.kept,
                        "items": s.count,
                        "latest": s.latest.isoformat() if s.latest else None,
                        "days_since": s.days_since,
                        "stale_after_days": s.stale_after,
                        "state": s.state.value,
                    }
                    for s in a.sections
                ],
                "dissemination": [
                    {
                        "number": c.document.number,
                        "url": c.document.url,
                        "deadline": c.deadline.isoformat(),
                        "state": c.state.value,
                        "state_label": c.state.label,
                        "items": [i.url for i in c.items],
                    }
                    for c in a.dissemination
                ],
                "to_review": [
                    {
                        "url": r.item.url,
                        "path": r.item.path,
                        "title": r.item.title,
                        "since": r.since.isoformat(),
                        "reasons": list(r.reasons),
                    }
                    for r in a.to_review
                ],
            }
            for a in audit.agencies
        ],
    }


def _cell(text: str) -> str:
    # Agency names come from agency.yml: a "|" or a line break would split the table.
    return " ".join(text.replace("|", "\\|").split())


def format_audit_markdown(audit: Audit) -> str:
    """Return the audit as a Markdown table, for a CI summary or a report."""
    lines = [
        f"## {TITLE}",
        "",
        f"Dữ liệu tính đến ngày {_date(audit.as_of)}. {summary(audit)}",
        "",
        "| Đơn vị | Loại | Tình trạng | Số bài | Cập nhật gần nhất | Cần khắc phục |",
        "|---|---|---|---:|---|---|",
    ]
    for a in audit.agencies:
        name = _cell(a.name) + ("" if a.in_register else " (ngoài danh mục)")
        todo = "; ".join(_cell(problem) for problem in a.problems) or "—"
        items = str(a.items) if a.built else "—"
        lines.append(
            f"| {name} | {a.kind_label} | {a.standing.label} | {items} | "
            f"{_date(a.latest)} | {todo} |"
        )
    return "\n".join(lines) + "\n"


CSV_HEADER = (
    "ma_don_vi",
    "ten_don_vi",
    "loai",
    "trong_danh_muc",
    "tinh_trang",
    "ten_tinh_trang",
    "so_bai",
    "cap_nhat_gan_nhat",
    "chuyen_muc_chua_co",
    "chuyen_muc_chua_co_bai",
    "chuyen_muc_cham_cap_nhat",
    "so_bai_can_ra_soat",
    "so_van_ban_den_han_pho_bien",
    "so_van_ban_pho_bien_dung_han",
)


def audit_csv(audit: Audit) -> str:
    """Return the audit as CSV, one row per agency; section lists are slugs joined by ";"."""

    def slugs(agency: AgencyAudit, state: SectionState) -> str:
        return ";".join(s.slug for s in agency.sections_in(state))

    return csv_text(
        CSV_HEADER,
        (
            (
                a.slug,
                a.name,
                a.kind,
                "có" if a.in_register else "không",
                a.standing.value,
                a.standing.label,
                a.items if a.built else None,
                a.latest.isoformat() if a.latest else None,
                ";".join(audit.required_sections)
                if not a.built
                else slugs(a, SectionState.MISSING),
                slugs(a, SectionState.EMPTY),
                slugs(a, SectionState.STALE),
                len(a.to_review) if a.built else None,
                len(a.dissemination_due) if a.built else None,
                len(a.disseminated(Coverage.ON_TIME)) if a.built else None,
            )
            for a in audit.agencies
        ),
    )


def threshold_rows(audit: Audit) -> list[tuple[str, str, int | None]]:
    """Return each audited section with its title and its threshold in days, if any."""
    slugs = [
        *audit.required_sections,
        *(s for s in audit.stale_after if s not in audit.required_sections),
    ]
    return [(s, SECTIONS_BY_SLUG[s].title, audit.stale_after.get(s)) for s in slugs]
