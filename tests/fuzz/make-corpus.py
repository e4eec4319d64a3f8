#!/usr/bin/env python3
"""Writes the seed inputs of tests/fuzz/corpus/{codec,applier}/ (seed-*.json).

The documents follow tests/support/Fixtures.h (sampleAssignment) and
server/demo/DemoSeeder.cpp; the edge cases are the ones a careless server, client or attacker
could send. Reproducers of bugs the fuzzers found are kept beside them as found-*.json and are
never rewritten here.
Run after changing the document format: tests/fuzz/make-corpus.py
"""
import copy
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
CODEC = HERE / "corpus" / "codec"
APPLIER = HERE / "corpus" / "applier"
SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
U1 = "0b0c8f8e-6a34-4c1e-9d7e-2f5d1c2b9a10"
U2 = "3d6f0a52-8c1e-4b7a-a2f4-5e9b7c1d0e23"
U3 = "a4e2c9d1-7f3b-4e8a-b6c5-1d2e3f4a5b6c"


def sample():
    """tests/support/Fixtures.h sampleAssignment(): every part of the document filled in."""
    return {
        "id": 42, "rev": 3, "status": "in_progress", "title": "Replace POS terminal",
        "company": {"id": 7, "name": "Northwind Retail"},
        "description": "Swap the terminal", "instructions": "Ask for the manager",
        "special_instructions": "Loading dock only",
        "site": {"address": "410 W Monroe St", "city": "Chicago", "region": "IL",
                 "postal_code": "60606", "country": "US", "time_zone": "America/Chicago"},
        "schedule": {"start": "2026-03-10T15:00:00Z", "end": "2026-03-10T18:00:00Z",
                     "is_window": False, "confirm_required": True,
                     "confirm_by": "2026-03-09T15:00:00Z", "confirmed_at": None,
                     "checkin_early_minutes": 30, "checkin_grace_minutes": 15},
        "phone_checkin": {"required": True, "number": "+1 800 555 0142",
                          "instructions": "Press 1"},
        "pricing": {"type": "hourly", "currency": "USD", "flat_cents": 0,
                    "hourly_rate_cents": 6500, "max_hours": 4, "counteroffers_allowed": False},
        "checklist": [{"kind": "confirm_schedule", "required": True},
                      {"kind": "check_in_out", "required": True},
                      {"kind": "deliverables", "required": True},
                      {"kind": "closeout_notes", "required": False}],
        "tasks": [{"id": "t1", "type": "number", "label": "Devices replaced", "required": True,
                   "answer": "3", "completed_at": "2026-03-10T17:00:00Z"}],
        "time_logs": [{"id": "l1", "check_in": "2026-03-10T14:50:00Z",
                       "check_out": "2026-03-10T17:10:00Z", "note": "first visit",
                       "source": "phone", "edited": True, "deleted": False}],
        "funds_requests": [{"id": "f1", "kind": "expense", "amount_cents": 4299, "extra_hours": 0,
                            "reason": "Cable", "receipt": "d9", "status": "approved",
                            "requested_at": "2026-03-10T16:00:00Z",
                            "decided_at": "2026-03-10T17:00:00Z", "decision_note": "ok"}],
        "deliverable_requirements": [{"id": "r1", "kind": "photo", "description": "Photos",
                                      "count": 2}],
        "deliverables_due_at": "2026-03-12T18:00:00Z",
        "deliverables": [{"id": "d1", "requirement_id": "r1", "kind": "photo",
                          "filename": "a.jpg", "size": 1234, "sha256": "a" * 64,
                          "uploaded_at": "2026-03-10T17:05:00Z"}],
        "labels": [{"code": "worker_late", "text": "Worker Late",
                    "since": "2026-03-10T15:15:00Z"}],
        "resolution": "Done", "submitted_at": None, "approved_at": None, "paid_at": None,
    }


def demo(status="assigned", hourly=False, phone=False, window=False, counteroffers=True):
    """A job as server/demo/DemoSeeder.cpp makes them (start 2026-03-10 15:00Z, three hours)."""
    d = sample()
    d.update(id=1001, rev=1, status=status,
             title="Install 4 ceiling access points",
             company={"id": 2, "name": "Bluebird Telecom"},
             description="Work order #4101 for Bluebird Telecom. Bring a laptop with a console "
                         "cable.",
             instructions="Check in with the store manager on arrival. Photograph the equipment "
                          "before and after.",
             special_instructions="",
             tasks=[{"id": U1, "type": "checkbox",
                     "label": "Confirm old equipment boxed for return", "required": True,
                     "answer": "", "completed_at": None},
                    {"id": U2, "type": "text", "label": "Serial number of the installed unit",
                     "required": True, "answer": "", "completed_at": None}],
             time_logs=[], funds_requests=[], deliverables=[], labels=[], resolution="")
    d["site"] = {"address": "1 Market St", "city": "San Francisco", "region": "CA",
                 "postal_code": "94105", "country": "US", "time_zone": "America/Los_Angeles"}
    d["schedule"].update(is_window=window,
                         end="2026-03-10T21:00:00Z" if window else "2026-03-10T18:00:00Z")
    d["phone_checkin"] = ({"required": True, "number": "+1 800 555 0142",
                           "instructions": "Call from the site phone, enter work order 4101, "
                                           "then press 1 to check in or 2 to check out."}
                          if phone else {"required": False, "number": "", "instructions": ""})
    d["pricing"] = {"type": "hourly" if hourly else "flat", "currency": "USD",
                    "flat_cents": 0 if hourly else 17500,
                    "hourly_rate_cents": 6500 if hourly else 0, "max_hours": 4 if hourly else 0,
                    "counteroffers_allowed": counteroffers}
    d["deliverable_requirements"] = [
        {"id": "req-signoff", "kind": "sign_off", "description": "Signed work order", "count": 1},
        {"id": "req-photos", "kind": "photo", "description": "Before and after photos",
         "count": 2}]
    d["deliverables_due_at"] = "2026-03-12T18:00:00Z"
    return d


def visit(i, cin, cout=None, note="", source="desktop", deleted=False):
    return {"id": i, "check_in": cin, "check_out": cout, "note": note, "source": source,
            "edited": False, "deleted": deleted}


def finished(d):
    d["schedule"]["confirmed_at"] = "2026-03-09T13:00:00Z"
    d["time_logs"] = [visit(U3, "2026-03-10T15:05:00Z", "2026-03-10T17:20:00Z")]
    d["deliverables"] = [
        {"id": "file-1", "requirement_id": "req-signoff", "kind": "sign_off",
         "filename": "signed-work-order.pdf", "size": 48213, "sha256": SHA,
         "uploaded_at": "2026-03-10T18:10:00Z"},
        {"id": "file-2", "requirement_id": "req-photos", "kind": "photo",
         "filename": "IMG_2041.png", "size": 90210, "sha256": SHA,
         "uploaded_at": "2026-03-10T18:10:00Z"},
        {"id": "file-3", "requirement_id": "req-photos", "kind": "photo",
         "filename": "IMG_2042.png", "size": 90211, "sha256": SHA,
         "uploaded_at": "2026-03-10T18:10:00Z"}]
    for t in d["tasks"]:
        t["answer"] = "yes" if t["type"] == "checkbox" else "SN-4471-B"
        t["completed_at"] = "2026-03-10T18:00:00Z"
    d["resolution"] = "Replaced the unit, tested with the manager, all working."
    return d


def at(d, path, value):
    """A copy of d with the dotted path set (a list index as a number); None deletes."""
    d = copy.deepcopy(d)
    keys = path.split(".")
    cur = d
    for k in keys[:-1]:
        cur = cur[int(k)] if isinstance(cur, list) else cur[k]
    last = keys[-1]
    if isinstance(cur, list):
        cur[int(last)] = value
    elif value is DELETE:
        cur.pop(last, None)
    else:
        cur[last] = value
    return d


DELETE = object()


def required_only():
    return {"id": 1, "rev": 0, "status": "assigned", "title": "T",
            "company": {"id": 1, "name": "C"},
            "site": {"city": "X", "time_zone": "UTC"},
            "schedule": {"start": "2026-01-01T00:00:00Z", "end": "2026-01-01T00:00:00Z"},
            "pricing": {"type": "flat", "currency": "EUR"}}


def codec_seeds():
    s = sample()
    seeds = {
        "sample": s,
        "demo-upcoming-phone": demo(phone=True),
        "demo-in-progress-hourly": at(at(demo("in_progress", hourly=True, counteroffers=False),
                                         "time_logs", [visit(U3, "2026-03-10T14:50:00Z")]),
                                      "funds_requests",
                                      [{"id": U1, "kind": "expense", "amount_cents": 4299,
                                        "extra_hours": 0,
                                        "reason": "Bought a replacement patch cable",
                                        "receipt": "", "status": "pending",
                                        "requested_at": "2026-03-10T15:30:00Z",
                                        "decided_at": None, "decision_note": ""}]),
        "demo-submitted": at(finished(demo("submitted", window=True)), "submitted_at",
                             "2026-03-10T22:00:00Z"),
        "demo-paid": at(at(at(finished(demo("paid")), "submitted_at", "2026-03-10T19:00:00Z"),
                           "approved_at", "2026-03-11T19:00:00Z"),
                        "paid_at", "2026-03-16T19:00:00Z"),
        "demo-cancelled": demo("cancelled"),
        "required-only": required_only(),
        "empty-arrays-nulls": {**required_only(), "checklist": [], "tasks": [], "time_logs": [],
                               "funds_requests": [], "deliverable_requirements": [],
                               "deliverables": [], "labels": [], "description": None,
                               "phone_checkin": None, "deliverables_due_at": None},
        "huge-numbers-max": at(at(at(s, "rev", 9007199254740992), "pricing.flat_cents",
                                  9007199254740992),
                               "pricing.hourly_rate_cents", 9007199254740992),
        "huge-numbers-over": at(s, "deliverables.0.size", 9007199254740993),
        "huge-exponent": at(s, "id", 1e308),
        "negative-zero": at(s, "pricing.flat_cents", -0.0),
        "fraction": at(s, "pricing.max_hours", 2.5),
        "minutes-boundary": at(at(s, "schedule.checkin_early_minutes", 1440),
                               "schedule.checkin_grace_minutes", 1441),
        "count-boundary": at(s, "deliverable_requirements.0.count", 1001),
        "unicode": at(at(at(s, "title", "Ünïcödé ✓ 工事 עברית 🚀 e\u0301"), "company.name",
                         "\u0000nul\u001f"), "time_logs.0.note", "\U0001F600" * 20),
        "wrong-types": at(at(at(s, "title", 12), "checklist", "all"), "schedule", []),
        "wrong-bool": at(s, "schedule.is_window", "true"),
        "unknown-enums": at(at(s, "status", "done"), "tasks.0.type", "photo"),
        "unknown-fields": at(at(s, "future_field", {"a": [1, {"b": None}]}), "site.floor", 3),
        "time-ms": at(at(s, "schedule.start", "2026-03-10T15:00:00.123Z"), "schedule.end",
                      "2026-03-10T18:00:00.999Z"),
        "time-24h": at(s, "deliverables_due_at", "2026-03-12T24:00:00Z"),
        "time-extremes": at(at(s, "schedule.start", "0001-01-01T00:00:00Z"), "schedule.end",
                            "9999-12-31T23:59:59.999Z"),
        "time-offset": at(s, "schedule.start", "2026-03-10T15:00:00+02:00"),
        "time-local": at(s, "time_logs.0.check_in", "2026-03-10T14:50:00"),
        "time-leap": at(s, "labels.0.since", "2016-12-31T23:59:60Z"),
        "end-before-start": at(s, "schedule.end", "2026-03-10T14:00:00Z"),
        "checkout-before-checkin": at(s, "time_logs.0.check_out", "2026-03-10T14:00:00Z"),
        "zone-utc-etc": at(s, "site.time_zone", "Etc/GMT+12"),
        "zone-unknown": at(s, "site.time_zone", "Mars/Olympus"),
        "currency-lower": at(s, "pricing.currency", "usd"),
        "phone-without-number": at(s, "phone_checkin.number", DELETE),
        "confirm-without-deadline": at(s, "schedule.confirm_by", None),
        "blank-required": at(s, "title", "   "),
    }
    return seeds


def applier_input(doc, ops, now="2026-03-10T16:00:00Z"):
    return {"doc": doc, "ops": ops, "now": now}


def op(type_, payload=None, **envelope):
    o = {"type": type_, "payload": payload if payload is not None else {}}
    o.update(envelope)
    return o


def applier_seeds():
    upcoming = demo(phone=False)
    hourly = at(demo("in_progress", hourly=True), "time_logs",
                [visit(U3, "2026-03-10T15:02:00Z", "2026-03-10T17:30:00Z")])
    hourly["schedule"]["confirmed_at"] = "2026-03-09T12:00:00Z"
    on_site = at(demo("in_progress"), "time_logs", [visit(U3, "2026-03-10T14:55:00Z")])
    ready = finished(demo("in_progress"))
    upsert = "time_log.upsert"
    with_files = at(upcoming, "deliverables", finished(demo())["deliverables"])
    seeds = {
        "confirm": applier_input(upcoming, [op("schedule.confirm")]),
        "confirm-not-required": applier_input(at(upcoming, "schedule.confirm_required", False),
                                              [op("schedule.confirm")]),
        "confirm-with-field": applier_input(upcoming, [op("schedule.confirm", {"x": 1})]),
        "check-in": applier_input(upcoming, [op(upsert, {"id": U1,
                                                         "check_in": "2026-03-10T14:58:00Z"})]),
        "check-in-out": applier_input(upcoming, [
            op(upsert, {"id": U1, "check_in": "2026-03-10T14:58:00Z"}),
            op(upsert, {"id": U1, "check_in": "2026-03-10T14:58:00Z",
                        "check_out": "2026-03-10T15:55:00Z"})]),
        "check-in-twice": applier_input(on_site, [
            op(upsert, {"id": U1, "check_in": "2026-03-10T15:30:00Z"})]),
        "check-in-future": applier_input(upcoming, [
            op(upsert, {"id": U1, "check_in": "2026-03-10T16:06:00Z"})]),
        "check-out-before-in": applier_input(upcoming, [
            op(upsert, {"id": U1, "check_in": "2026-03-10T15:00:00Z",
                        "check_out": "2026-03-10T14:00:00Z", "note": "oops"})]),
        "edit-note": applier_input(hourly, [
            op(upsert, {"id": U3, "check_in": "2026-03-10T15:02:00Z",
                        "check_out": "2026-03-10T17:30:00Z", "note": "fixed \u00e9\U0001F600"})],
            now="2026-03-10T18:00:00Z"),
        "phone-required": applier_input(demo(phone=True), [
            op(upsert, {"id": U1, "check_in": "2026-03-10T15:00:00Z"})]),
        "phone-calls": applier_input(demo(phone=True), [
            op("phone.check_in", {"id": U1, "at": "2026-03-10T14:57:00Z"}),
            op("phone.check_in", {"id": U2, "at": "2026-03-10T15:10:00Z"}),
            op("phone.check_out", {"at": "2026-03-10T14:00:00Z"}),
            op("phone.check_out", {"at": "2026-03-10T15:58:00Z"}),
            op("phone.check_out", {"at": "2026-03-10T15:59:00Z"}),
            op("phone.check_in", {"id": U1, "at": "2026-03-10T15:59:30Z"})]),
        "phone-overlap": applier_input(at(demo("in_progress", phone=True), "time_logs",
                                          [visit(U3, "2026-03-10T15:00:00Z",
                                                 "2026-03-10T15:30:00Z", source="phone"),
                                           visit(U2, "2026-03-10T15:40:00Z", source="phone")]), [
            op("phone.check_in", {"id": U1, "at": "2026-03-10T15:10:00Z"}),
            op("phone.check_out", {"at": "2026-03-10T15:50:00Z", "id": U2}),
            op("phone.check_in", {"id": U1, "at": "2026-03-10T17:00:00Z"}),
            op("phone.check_out", {"at": "2026-03-10T15:50:00Z"})]),
        "assigned-with-open-visit": applier_input(
            at(upcoming, "time_logs", [visit(U3, "2026-03-10T14:55:00Z")]), [
                op(upsert, {"id": U3, "check_in": "2026-03-10T14:55:00Z",
                            "check_out": "2026-03-10T15:50:00Z"}),
                op(upsert, {"id": U1, "check_in": "2026-03-10T15:51:00Z"})]),
        "delete-only-visit": applier_input(on_site, [op("time_log.delete", {"id": U3}),
                                                     op("time_log.delete", {"id": U3})]),
        "delete-missing": applier_input(on_site, [op("time_log.delete", {"id": "nope"}),
                                                  op("time_log.delete", {"id": 5})]),
        "edit-deleted": applier_input(at(hourly, "time_logs.0.deleted", True), [
            op(upsert, {"id": U3, "check_in": "2026-03-10T15:00:00Z"})]),
        "funds-expense": applier_input(on_site, [
            op("funds_request.create", {"id": U1, "kind": "expense", "amount_cents": 4299,
                                        "reason": "Bought a replacement patch cable",
                                        "receipt": "file-9"}),
            op("funds_request.create", {"id": U1, "kind": "bonus", "amount_cents": 1,
                                        "reason": "again"})]),
        "funds-hourly-increase": applier_input(hourly, [
            op("funds_request.create", {"id": U2, "kind": "budget_increase",
                                        "amount_cents": 13000, "extra_hours": 2,
                                        "reason": "Second switch"})]),
        "funds-counteroffers-off": applier_input(at(on_site, "pricing.counteroffers_allowed",
                                                    False), [
            op("funds_request.create", {"id": U2, "kind": "budget_increase",
                                        "amount_cents": 5000, "reason": "More work"})]),
        "funds-limits": applier_input(on_site, [
            op("funds_request.create", {"id": U1, "kind": "bonus", "amount_cents": 1000000001,
                                        "reason": "x"}),
            op("funds_request.create", {"id": U2, "kind": "bonus", "amount_cents": 0,
                                        "reason": "x"}),
            op("funds_request.create", {"id": "x" * 65, "kind": "expense",
                                        "amount_cents": 9007199254740992, "extra_hours": 1000,
                                        "reason": "   "})]),
        "funds-before-start": applier_input(upcoming, [
            op("funds_request.create", {"id": U1, "kind": "expense", "amount_cents": 100,
                                        "reason": "Parking"})]),
        "withdraw": applier_input(at(on_site, "funds_requests", [
            {"id": U1, "kind": "expense", "amount_cents": 4299, "extra_hours": 0,
             "reason": "Cable", "receipt": "", "status": "pending",
             "requested_at": "2026-03-10T15:30:00Z", "decided_at": None, "decision_note": ""},
            {"id": U2, "kind": "bonus", "amount_cents": 2500, "extra_hours": 0,
             "reason": "Weekend", "receipt": "", "status": "declined",
             "requested_at": "2026-03-10T15:30:00Z", "decided_at": "2026-03-10T15:40:00Z",
             "decision_note": "No"}]), [
            op("funds_request.withdraw", {"id": U1}), op("funds_request.withdraw", {"id": U1}),
            op("funds_request.withdraw", {"id": U2})]),
        "tasks": applier_input(on_site, [
            op("task.complete", {"id": U1, "answer": True}),
            op("task.complete", {"id": U2, "answer": "  SN-4471-B  "}),
            op("task.complete", {"id": U1, "answer": False}),
            op("task.complete", {"id": U2, "answer": 7})]),
        "task-number": applier_input(at(on_site, "tasks.0.type", "number"), [
            op("task.complete", {"id": U1, "answer": "-12.5"}),
            op("task.complete", {"id": U1, "answer": "1e5"}),
            op("task.complete", {"id": U1, "answer": "1234567890123456"}),
            op("task.complete", {"id": "missing", "answer": "1"})]),
        "deliverable-remove": applier_input(ready, [
            op("deliverable.remove", {"id": "file-2"}),
            op("deliverable.remove", {"id": "file-2"})]),
        "submit-ready": applier_input(ready, [op("assignment.submit", {"resolution": "Done."}),
                                              op("schedule.confirm")]),
        "submit-incomplete": applier_input(on_site, [op("assignment.submit")]),
        "submit-bad-resolution": applier_input(ready, [
            op("assignment.submit", {"resolution": 5}),
            op("assignment.submit", {"resolution": "x" * 4001})]),
        "read-only": applier_input(finished(demo("approved")), [
            op(upsert, {"id": U1, "check_in": "2026-03-10T15:00:00Z"})]),
        "unknown-type": applier_input(upcoming, [op("assignment.delete"), op("", {})]),
        "unknown-field": applier_input(upcoming, [
            op(upsert, {"id": U1, "check_in": "2026-03-10T15:00:00Z", "extra": True})]),
        "wrong-types": applier_input(upcoming, [
            op(upsert, {"id": 1, "check_in": 1700000000}),
            op(upsert, {"id": U1, "check_in": None}),
            op(upsert, [])]),
        "envelope": applier_input(upcoming, [
            op("schedule.confirm", op_id=U2, assignment_id=1001,
               created_at="2026-03-09T10:00:00.250Z"),
            op("schedule.confirm", op_id="not-a-uuid"),
            op("schedule.confirm", assignment_id=0, extra=1)]),
        "whole-day": applier_input(with_files, [
            op("schedule.confirm", created_at="2026-03-09T09:00:00Z"),
            op(upsert, {"id": U1, "check_in": "2026-03-10T14:50:00Z"}),
            op("task.complete", {"id": U1, "answer": True}),
            op("task.complete", {"id": U2, "answer": "SN-1"}),
            op("funds_request.create", {"id": U2, "kind": "expense", "amount_cents": 1850,
                                        "reason": "Parking at the site"}),
            op(upsert, {"id": U1, "check_in": "2026-03-10T14:50:00Z",
                        "check_out": "2026-03-10T15:50:00Z"}),
            op(upsert, {"id": U3, "check_in": "2026-03-10T15:50:00Z",
                        "check_out": "2026-03-10T15:59:00Z", "note": "second"}),
            op("assignment.submit", {"resolution": "All done"})],
            now="2026-03-10T16:00:00.500Z"),
        "sample-doc": applier_input(sample(), [op("time_log.delete", {"id": "l1"})]),
        "no-ops": applier_input(demo("in_progress"), []),
        "bad-now": applier_input(upcoming, [op("schedule.confirm")], now="yesterday"),
        "ops-not-array": {"doc": upcoming, "ops": {"type": "schedule.confirm"}},
    }
    return seeds


def write(folder, seeds):
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("seed-*.json"):
        old.unlink()
    for name, value in seeds.items():
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        (folder / f"seed-{name}.json").write_text(text + "\n", encoding="utf-8")


def main():
    write(CODEC, codec_seeds())
    # Byte-level cases json.dumps cannot write.
    raw = {
        "lone-surrogate": b'{"id":1,"rev":0,"status":"assigned","title":"\\ud800x",'
                          b'"company":{"id":1,"name":"\\udfff"},"site":{"city":"X",'
                          b'"time_zone":"UTC"},"schedule":{"start":"2026-01-01T00:00:00Z",'
                          b'"end":"2026-01-01T00:00:00Z"},"pricing":{"type":"flat",'
                          b'"currency":"EUR"}}',
        "duplicate-keys": b'{"id":1,"id":2,"rev":0,"status":"assigned","title":"A","title":"B",'
                          b'"company":{"id":1,"name":"C"},"site":{"city":"X",'
                          b'"time_zone":"UTC"},"schedule":{"start":"2026-01-01T00:00:00Z",'
                          b'"end":"2026-01-01T00:00:00Z"},"pricing":{"type":"flat",'
                          b'"currency":"EUR"}}',
        "invalid-utf8": b'{"title":"\xff\xfe\xc3","id":1}',
        "truncated": b'{"id":42,"rev":3,"status":"in_progress","title":"Replace',
        "not-an-object": b'[{"id":1}]',
        "number-1e400": b'{"id":1e400,"rev":-1e400,"status":"assigned"}',
        "empty": b"",
    }
    for name, data in raw.items():
        (CODEC / f"seed-{name}.json").write_bytes(data)
    write(APPLIER, applier_seeds())


if __name__ == "__main__":
    main()
