#!/usr/bin/env python3
"""Writes the golden test vectors of ecocalc (test-vectors/vectors/**.json).

Each vector's expected values are worked out by hand: the arithmetic is written in its
description, and the expected decimal strings below are typed in by hand. This script then
re-computes every one of them with Python's own decimal module (an implementation independent of
ecocalc's Java code: exact sums, one division rounded to 34 significant digits half-even, i.e.
IEEE 754 decimal128) and refuses to write a vector whose hand value disagrees. Data-set digests
are computed here with hashlib from the canonical JSON (RFC 8785) of the normalised records, which
for the ASCII-only, string-valued documents below is json.dumps with sorted keys and no spaces.

Usage: python3 test-vectors/tools/make_vectors.py   (from the repository root; rewrites the files)
"""
import hashlib
import json
import os
import shutil
from decimal import Decimal as D, Context, ROUND_HALF_EVEN

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vectors")
DIV = Context(prec=34, rounding=ROUND_HALF_EVEN)   # one division, decimal128
EXACT = Context(prec=500)                         # sums are exact

VECTORS = []


def plain(d):
    """A decimal as ecocalc writes it: plain notation, trailing zeros stripped."""
    d = EXACT.plus(d)
    if d == 0:
        return "0"
    s = format(d.normalize(EXACT), "f")
    return s


def div(a, b):
    return DIV.divide(D(a), D(b))


def add(*xs):
    total = D(0)
    for x in xs:
        total = EXACT.add(total, D(x))
    return total


def mul(a, b):
    return EXACT.multiply(D(a), D(b))


def check(hand, computed, name):
    if computed is None:
        return hand
    if hand != plain(computed):
        raise SystemExit(f"{name}: hand value {hand} != computed {plain(computed)}")
    return hand


def hour(h, day=1, month=6):
    return f"2026-{month:02d}-{day:02d}T{h:02d}:00:00Z"


def amt(v, u):
    return {"value": v, "unit": u}


def rec(eid, start, end, fac="dc-1", src=None, **blocks):
    r = {"source_id": src or f"{fac}-bms", "external_event_id": eid,
         "interval": {"start": start, "end": end}, "facility_id": fac}
    r.update(blocks)
    return r


def vector(category, name, description, expected, input=None, input_text=None, input_format=None,
           settings=None, factor_packs=None, expected_from="hand", tolerance_rel=None):
    v = {"$schema": "../../../docs/schemas/test-vector.v1.json", "format": "ecocalc.test-vector/1",
         "name": name, "category": category, "description": description, "expected_from": expected_from}
    if input is not None:
        v["input"] = input
    if input_text is not None:
        v["input_text"] = input_text
    if input_format is not None:
        v["input_format"] = input_format
    if factor_packs is not None:
        v["factor_packs"] = factor_packs
    if settings is not None:
        v["settings"] = settings
    v["expected"] = expected
    if tolerance_rel is not None:
        v["tolerance_rel"] = tolerance_rel
    VECTORS.append((category, name, v))


# --------------------------------------------------------------------------------------------
# metric: one vector per metric id of the registry (two hourly records of dc-1 on 2026-06-01)
# --------------------------------------------------------------------------------------------

def two(b1, b2):
    return [rec("h1", hour(0), hour(1), **b1), rec("h2", hour(1), hour(2), **b2)]


def metric(mid, records, hand, computed, description, also=None):
    value = check(hand, computed, mid)
    m = {mid: value}
    if also:
        for k, (h, c) in also.items():
            m[k] = check(h, c, mid + "/" + k)
    vector("metric", mid, description,
           {"metrics": m, "facilities": {"dc-1": {mid: value}},
            "groups": [{"facility_id": "dc-1", "period_start": "2026-06-01T00:00:00Z",
                        "period_end": "2026-07-01T00:00:00Z", "metrics": {mid: value}}],
            "group_count": 1, "rejected": 0, "problems": []},
           input=records)


E = lambda f, it=None, **more: {"energy": dict({"facility": amt(f, "kWh")}, **({"it": amt(it, "kWh")} if it else {}), **more)}

metric("efficiency.pue", two(E("1300", "1000"), E("1200", "1000")), "1.25", div(add(1300, 1200), add(1000, 1000)),
       "PUE = ΣE_facility / ΣE_IT (ISO/IEC 30134-2; EU 2024/1364 Annex IV). By hand: (1300 + 1200) / (1000 + 1000) "
       "= 2500 / 2000 = 1.25. A ratio of sums, not a mean of the hourly PUEs (1.3 and 1.2).")
metric("efficiency.dcie", two(E("1300", "1000"), E("1200", "1000")), "0.8", div(2000, 2500),
       "DCiE = ΣE_IT / ΣE_facility (The Green Grid, White Paper #6). By hand: 2000 / 2500 = 0.8 (= 1 / 1.25).")
metric("efficiency.cooling_energy_pct",
       two(E("1300", cooling=amt("200", "kWh")), E("1200", cooling=amt("150", "kWh"))), "14",
       div(mul(100, 350), 2500),
       "Cooling energy share = 100 × ΣE_cooling / ΣE_facility. By hand: 100 × (200 + 150) / (1300 + 1200) = "
       "35000 / 2500 = 14 %.")
metric("efficiency.chiller_cop",
       two({"cooling": {"chiller_energy": amt("100", "kWh"), "heat_removed": amt("2520", "MJ")}},
           {"cooling": {"chiller_energy": amt("60", "kWh"), "heat_removed": amt("700", "kWh")}}),
       "8.75", div(add(div(2520, D("3.6")), 700), 160),
       "Chiller COP = ΣQ_removed / ΣE_chiller. 2520 MJ = 2520 / 3.6 = 700 kWh (1 kWh = 3.6 MJ exactly, SI "
       "Brochure table 8). By hand: (700 + 700) / (100 + 60) = 1400 / 160 = 8.75.")
metric("efficiency.energy_per_gpu_hour_kwh",
       two(dict(E("1300"), compute={"gpu_hours": amt("400", "GPU-h")}),
           dict(E("1200"), compute={"gpu_hours": amt("600", "GPU-h")})),
       "2.5", div(2500, 1000),
       "Energy per GPU-hour = ΣE_facility / ΣGPU-hours (default basis: facility energy). By hand: "
       "(1300 + 1200) / (400 + 600) = 2500 / 1000 = 2.5 kWh/GPU-h.")
metric("efficiency.energy_per_training_run_kwh",
       two(dict(E("1300"), compute={"training_runs": "0.25"}), dict(E("1200"), compute={"training_runs": "0.25"})),
       "5000", div(2500, D("0.5")),
       "Energy per training run = ΣE_facility / Σtraining runs. By hand: 2500 / (0.25 + 0.25) = 2500 / 0.5 = "
       "5000 kWh/run.")
metric("efficiency.energy_per_inference_request_kwh",
       two(dict(E("1300"), compute={"inference_requests": 10000}), dict(E("1200"), compute={"inference_requests": "30000"})),
       "0.0625", div(2500, 40000),
       "Energy per inference request = ΣE_facility / Σrequests; requests given as a JSON integer and as a digit "
       "string. By hand: 2500 / (10000 + 30000) = 2500 / 40000 = 0.0625 kWh/request.")
metric("efficiency.ref",
       two(E("1300", onsite_renewable=amt("0", "kWh"), renewable_purchased=amt("600", "kWh")),
           E("1200", onsite_renewable=amt("50", "kWh"), renewable_purchased=amt("600", "kWh"))),
       "0.5", div(add(0, 50, 600, 600), 2500),
       "REF = (ΣE_ren,onsite + ΣE_ren,purchased) / ΣE_facility (ISO/IEC 30134-3; EU 2024/1364: ERES-TOT / EDC). "
       "By hand: (0 + 50 + 600 + 600) / 2500 = 1250 / 2500 = 0.5.")
metric("efficiency.erf",
       two(E("1300", reused_heat=amt("100", "kWh")), E("1200", reused_heat=amt("150", "kWh"))),
       "0.1", div(250, 2500),
       "ERF = ΣE_reuse / ΣE_facility (ISO/IEC 30134-6; EU 2024/1364: EREUSE / EDC). By hand: (100 + 150) / 2500 = "
       "250 / 2500 = 0.1.")
metric("efficiency.cer",
       two({"energy": {"cooling": amt("200", "kWh")}, "cooling": {"heat_removed": amt("700", "kWh")}},
           {"energy": {"cooling": amt("150", "kWh")}, "cooling": {"heat_removed": amt("700", "kWh")}}),
       "4", div(1400, 350),
       "CER = ΣQ_removed / ΣE_cooling (ISO/IEC 30134-7). By hand: (700 + 700) / (200 + 150) = 1400 / 350 = 4.")

W = lambda **w: {"water": w}
metric("water.withdrawal_l", two(W(withdrawal=amt("2", "m3")), W(withdrawal=amt("3000", "L"))), "5000",
       add(mul(2, 1000), 3000),
       "Σ withdrawal. 2 m3 = 2000 L (1 L = 1 dm3, CGPM 1964). By hand: 2000 + 3000 = 5000 L.")
metric("water.consumption_l", two(W(consumption=amt("1500", "L")), W(consumption=amt("2100", "L"))), "3600",
       add(1500, 2100), "Σ consumption. By hand: 1500 + 2100 = 3600 L.")
metric("water.returned_l", two(W(returned=amt("500", "L")), W(returned=amt("900", "L"))), "1400",
       add(500, 900), "Σ returned. By hand: 500 + 900 = 1400 L.")
metric("water.reclaimed_pct",
       two(W(withdrawal=amt("2000", "L"), reclaimed=amt("200", "L")), W(withdrawal=amt("3000", "L"), reclaimed=amt("300", "L"))),
       "10", div(mul(100, 500), 5000),
       "Reclaimed share = 100 × ΣW_reclaimed / ΣW_withdrawal. By hand: 100 × (200 + 300) / (2000 + 3000) = "
       "50000 / 5000 = 10 %.")
metric("water.wue_l_per_kwh",
       two(dict(W(withdrawal=amt("2000", "L")), **E("1300", "1000")), dict(W(withdrawal=amt("3000", "L")), **E("1200", "1000"))),
       "2.5", div(5000, 2000),
       "WUE = ΣW_withdrawal / ΣE_IT (ISO/IEC 30134-9; The Green Grid WP #35; default basis withdrawal). By hand: "
       "(2000 + 3000) / (1000 + 1000) = 5000 / 2000 = 2.5 L/kWh.")
metric("water.per_gpu_hour_l",
       two(dict(W(withdrawal=amt("2000", "L")), compute={"gpu_hours": amt("400", "GPU-h")}),
           dict(W(withdrawal=amt("3000", "L")), compute={"gpu_hours": amt("600", "GPU-h")})),
       "5", div(5000, 1000),
       "Water per GPU-hour = ΣW_withdrawal / ΣGPU-hours. By hand: 5000 / (400 + 600) = 5 L/GPU-h.")
metric("water.per_training_run_l",
       two(dict(W(withdrawal=amt("2000", "L")), compute={"training_runs": "0.25"}),
           dict(W(withdrawal=amt("3000", "L")), compute={"training_runs": "0.25"})),
       "10000", div(5000, D("0.5")),
       "Water per training run = ΣW_withdrawal / Σtraining runs. By hand: 5000 / 0.5 = 10000 L/run.")
metric("water.evaporation_l", two(W(evaporation=amt("1400", "L")), W(evaporation=amt("2000", "L"))), "3400",
       add(1400, 2000), "Σ evaporation. By hand: 1400 + 2000 = 3400 L.")
metric("water.blowdown_l", two(W(blowdown=amt("100", "L")), W(blowdown=amt("10", "gal"))), "137.85411784",
       add(100, mul(10, D("3.785411784"))),
       "Σ blowdown. 10 US gal = 10 × 3.785411784 = 37.85411784 L (1 gal = 231 in3 exactly; NIST Handbook 44 "
       "Appendix C). By hand: 100 + 37.85411784 = 137.85411784 L (exact).")

HW = lambda u=None, idle=None, gpu=None: dict(
    {"hardware": {k: v for k, v in (("utilization_pct", u), ("idle_pct", idle)) if v is not None}},
    **({"compute": {"gpu_hours": amt(gpu, "GPU-h")}} if gpu else {}))
metric("hardware.utilization_pct", two(HW(u="50", gpu="400"), HW(u="80", gpu="600")), "68",
       div(add(mul(50, 400), mul(80, 600)), 1000),
       "GPU-hour-weighted utilisation = Σ(u × GPU-h) / ΣGPU-h. By hand: (50 × 400 + 80 × 600) / (400 + 600) = "
       "(20000 + 48000) / 1000 = 68 %. The unweighted mean (65 %) would be wrong.")
metric("hardware.idle_pct", two(HW(idle="20", gpu="400"), HW(idle="10", gpu="600")), "14",
       div(add(mul(20, 400), mul(10, 600)), 1000),
       "GPU-hour-weighted idle share = Σ(idle × GPU-h) / ΣGPU-h. By hand: (20 × 400 + 10 × 600) / 1000 = "
       "(8000 + 6000) / 1000 = 14 %.")

metric("activity.energy_facility_kwh", two({"energy": {"facility": amt("1.3", "MWh")}}, E("1200")), "2500",
       add(mul(D("1.3"), 1000), 1200), "Σ E_facility. 1.3 MWh = 1300 kWh (SI prefix). By hand: 1300 + 1200 = 2500 kWh.")
metric("activity.energy_it_kwh",
       two({"energy": {"it": amt("1000000", "Wh")}}, {"energy": {"it": amt("1000", "kWh")}}), "2000",
       add(mul(1000000, D("0.001")), 1000), "Σ E_IT. 1000000 Wh = 1000 kWh. By hand: 1000 + 1000 = 2000 kWh.")
metric("activity.energy_cooling_kwh",
       two({"energy": {"cooling": amt("1.26", "GJ")}}, {"energy": {"cooling": amt("150", "kWh")}}), "500",
       add(div(1260, D("3.6")), 150),
       "Σ E_cooling. 1.26 GJ = 1260 MJ = 1260 / 3.6 = 350 kWh. By hand: 350 + 150 = 500 kWh.")
metric("activity.energy_grid_import_kwh",
       two({"energy": {"grid_import": amt("1000", "kWh")}}, {"energy": {"grid_import": amt("1200", "kWh")}}), "2200",
       add(1000, 1200), "Σ E_grid. By hand: 1000 + 1200 = 2200 kWh.")
metric("activity.energy_onsite_renewable_kwh",
       two({"energy": {"onsite_renewable": amt("0", "kWh")}}, {"energy": {"onsite_renewable": amt("50", "kWh")}}),
       "50", add(0, 50), "Σ E_ren,onsite; a reported zero is counted (it is not absent). By hand: 0 + 50 = 50 kWh.")
metric("activity.energy_renewable_purchased_kwh",
       two({"energy": {"renewable_purchased": amt("600", "kWh")}}, {"energy": {"renewable_purchased": amt("0.6", "MWh")}}),
       "1200", add(600, mul(D("0.6"), 1000)), "Σ E_ren,purchased. 0.6 MWh = 600 kWh. By hand: 600 + 600 = 1200 kWh.")
metric("activity.energy_reused_heat_kwh",
       two({"energy": {"reused_heat": amt("1", "MMBtu")}}, {"energy": {"reused_heat": amt("10", "kWh")}}),
       "303.0710701722222222222222222222222", add(div(D("1055.05585262"), D("3.6")), 10),
       "Σ E_reuse. 1 MMBtu = 10^6 Btu_IT = 1055.05585262 MJ (NIST SP 811 B.9) = 1055.05585262 / 3.6 kWh = "
       "293.0710701722222222222222222222222 kWh (one division, 34 significant digits, half-even). By hand: "
       "293.0710701722222222222222222222222 + 10 = 303.0710701722222222222222222222222 kWh (the sum is exact).")
metric("activity.chiller_energy_kwh",
       two({"cooling": {"chiller_energy": amt("100", "kWh")}}, {"cooling": {"chiller_energy": amt("60", "kWh")}}), "160",
       add(100, 60), "Σ E_chiller. By hand: 100 + 60 = 160 kWh.")
metric("activity.heat_removed_kwh",
       two({"cooling": {"heat_removed": amt("1", "TRh")}}, {"cooling": {"heat_removed": amt("100", "kWh")}}),
       "103.516852842066666666666666666666667", add(div(D("12.66067023144"), D("3.6")), 100),
       "Σ Q_removed. 1 TRh = 12000 Btu_IT = 12.66067023144 MJ (ASHRAE; NIST SP 811) = 12.66067023144 / 3.6 = "
       "3.516852842066666666666666666666667 kWh (one division, 34 significant digits, half-even). By hand: "
       "3.516852842066666666666666666666667 + 100 = 103.516852842066666666666666666666667 kWh: sums are exact, so the "
       "total keeps 36 digits (it is not rounded again).")
metric("activity.water_reclaimed_l",
       two(W(reclaimed=amt("0.2", "kgal")), W(reclaimed=amt("300", "L"))), "1057.0823568",
       add(mul(D("0.2"), D("3785.411784")), 300),
       "Σ W_reclaimed. 0.2 kgal = 200 US gal = 200 × 3.785411784 = 757.0823568 L. By hand: 757.0823568 + 300 = "
       "1057.0823568 L.")
metric("activity.water_cooling_l",
       two(W(cooling=amt("1800000", "mL")), W(cooling=amt("2700", "L"))), "4500",
       add(mul(1800000, D("0.001")), 2700), "Σ W_cooling. 1800000 mL = 1800 L. By hand: 1800 + 2700 = 4500 L.")
metric("activity.gpu_hours",
       two({"compute": {"gpu_hours": amt("1440000", "GPU-s")}}, {"compute": {"gpu_hours": amt("600", "GPU-h")}}), "1000",
       add(div(1440000, 3600), 600), "Σ GPU-hours. 1440000 GPU-s = 1440000 / 3600 = 400 GPU-h. By hand: 400 + 600 = "
       "1000 GPU-h.")
metric("activity.training_runs",
       two({"compute": {"training_runs": "0.25"}}, {"compute": {"training_runs": 0.125}}), "0.375",
       add(D("0.25"), D("0.125")),
       "Σ training runs; one given as a string, one as a JSON number (read exactly). By hand: 0.25 + 0.125 = 0.375.")
metric("activity.inference_requests",
       two({"compute": {"inference_requests": 10000}}, {"compute": {"inference_requests": 30000}}), "40000",
       add(10000, 30000), "Σ inference requests. By hand: 10000 + 30000 = 40000.")
metric("activity.tokens",
       two({"compute": {"tokens": 1000000}}, {"compute": {"tokens": "2000000"}}), "3000000",
       add(1000000, 2000000), "Σ tokens. By hand: 1000000 + 2000000 = 3000000.")

# --------------------------------------------------------------------------------------------
# not computable: absence is not zero
# --------------------------------------------------------------------------------------------

vector("not_computable", "not-computable-missing-input",
       "Facility energy only (1300 + 1200 = 2500 kWh by hand), no IT energy: PUE, DCiE and WUE are not computable "
       "(never 0, NaN or Infinity); the facility total is still given.",
       {"metrics": {"efficiency.pue": None, "efficiency.dcie": None, "activity.energy_facility_kwh": "2500",
                    "activity.energy_it_kwh": None, "water.wue_l_per_kwh": None}, "problems": []},
       input=two(E("1300"), E("1200")))
vector("not_computable", "not-computable-zero-denominator",
       "IT energy reported as 0 in both records: PUE = 2500 / 0 is not computable; DCiE = 0 / 2500 = 0 by hand.",
       {"metrics": {"efficiency.pue": None, "efficiency.dcie": "0", "activity.energy_it_kwh": "0"}, "problems": []},
       input=two(E("1300", "0"), E("1200", "0")))
vector("not_computable", "not-computable-percentage-without-weight",
       "Utilisation reported without GPU-hours. By hand: the weighted mean Σ(u × GPU-h) / ΣGPU-h has no weight "
       "(no record reports /compute/gpu_hours), so hardware.utilization_pct is not computable; a percentage is never "
       "averaged without its weight.",
       {"metrics": {"hardware.utilization_pct": None, "activity.gpu_hours": None}, "problems": []},
       input=two(HW(u="50"), HW(u="80")))

# --------------------------------------------------------------------------------------------
# bad input: one class each; record 0 is good and is still counted
# --------------------------------------------------------------------------------------------

GOOD = rec("good", hour(0), hour(1), energy={"facility": amt("100", "kWh"), "it": amt("80", "kWh")})
GOOD_EXPECT = {"activity.energy_facility_kwh": "100", "efficiency.pue": check("1.25", div(100, 80), "good")}


def bad(name, record, code, pointer, description, severity="error", extra=None):
    problems = [{"record": 1, "code": code, "pointer": pointer}]
    if severity != "error":
        problems[0]["severity"] = severity
    expected = {"problems": problems, "rejected": 0 if severity == "warning" else 1,
                "dataset": {"records": 2 if severity == "warning" else 1}}
    expected["metrics"] = extra if extra is not None else GOOD_EXPECT
    vector("bad_input", name, description + " Record 0 is valid and still counted: PUE 100 / 80 = 1.25 by hand.",
           expected, input=[GOOD, record])


def B(**changes):
    r = rec("bad", hour(1), hour(2), energy={"facility": amt("200", "kWh"), "it": amt("150", "kWh")})
    for k, v in changes.items():
        if v is None:
            r.pop(k, None)
        else:
            r[k] = v
    return r


bad("bad-missing-identity", B(source_id=None), "missing_identity", "/source_id",
    "source_id absent: the idempotency key is incomplete, the record is refused (missing_identity at /source_id).")
bad("bad-missing-field", B(facility_id=None), "missing_field", "/facility_id",
    "facility_id absent: refused with missing_field at /facility_id.")
bad("bad-unknown-field", B(energie={"facility": amt("1", "kWh")}), "unknown_field", "/energie",
    "A misspelt block name (energie): refused with unknown_field at /energie, never ignored silently.")
bad("bad-wrong-type", B(country="Germany"), "wrong_type", "/country",
    "country must be ISO 3166-1 alpha-2: \"Germany\" is refused with wrong_type at /country.")
bad("bad-not-numeric", B(energy={"facility": amt("200", "kWh"), "it": amt("12,5", "kWh")}), "not_numeric",
    "/energy/it/value", "A decimal comma (\"12,5\") is not a number: not_numeric at /energy/it/value.")
bad("bad-negative-value", B(energy={"facility": amt("200", "kWh"), "it": amt("-150", "kWh")}), "negative_value",
    "/energy/it/value", "Negative IT energy: negative_value at /energy/it/value.")
bad("bad-value-out-of-range", B(hardware={"utilization_pct": "101"}), "value_out_of_range",
    "/hardware/utilization_pct", "A utilisation of 101 %: value_out_of_range at /hardware/utilization_pct.")
bad("bad-fractional-count", B(compute={"inference_requests": 40.5}), "value_out_of_range",
    "/compute/inference_requests", "40.5 inference requests (a count must be whole): value_out_of_range at "
    "/compute/inference_requests.")
bad("bad-unknown-unit", B(energy={"facility": amt("200", "kwh")}), "unknown_unit", "/energy/facility/unit",
    "Unit \"kwh\" (symbols are case-sensitive; kWh is meant): unknown_unit at /energy/facility/unit.")
bad("bad-unit-dimension-mismatch", B(energy={"facility": amt("200", "L")}), "unit_dimension_mismatch",
    "/energy/facility/unit", "Litres for an energy field: unit_dimension_mismatch at /energy/facility/unit.")
bad("bad-invalid-timestamp", B(interval={"start": "2026-13-01T01:00:00Z", "end": hour(2)}), "invalid_timestamp",
    "/interval/start", "Month 13 is not a date: invalid_timestamp at /interval/start.")
bad("bad-timestamp-without-offset", B(interval={"start": "2026-06-01T01:00:00", "end": hour(2)}),
    "timestamp_without_offset", "/interval/start",
    "A local time without offset is ambiguous: timestamp_without_offset at /interval/start.")
bad("bad-interval-not-positive", B(interval={"start": hour(2), "end": hour(2)}), "interval_not_positive",
    "/interval/end", "end equal to start: interval_not_positive at /interval/end.")
bad("warning-it-exceeds-facility", B(energy={"facility": amt("200", "kWh"), "it": amt("250", "kWh")}),
    "it_exceeds_facility", "/energy/it",
    "IT energy 250 kWh above facility energy 200 kWh in one record: a warning (it_exceeds_facility at /energy/it); "
    "the record is used. Totals by hand: facility 100 + 200 = 300, IT 80 + 250 = 330, PUE 300 / 330 = "
    "0.9090909090909090909090909090909091 (34 significant digits, half-even).", severity="warning",
    extra={"activity.energy_facility_kwh": "300",
           "efficiency.pue": check("0.9090909090909090909090909090909091", div(300, 330), "it-exceeds")})
bad("warning-cooling-exceeds-facility",
    B(energy={"facility": amt("200", "kWh"), "it": amt("150", "kWh"), "cooling": amt("210", "kWh")}),
    "cooling_exceeds_facility", "/energy/cooling",
    "Cooling energy 210 kWh above facility energy 200 kWh: a warning (cooling_exceeds_facility at /energy/cooling); "
    "the record is used. By hand: facility 100 + 200 = 300 kWh, cooling share 100 × 210 / 300 = 70 %.",
    severity="warning", extra={"activity.energy_facility_kwh": "300",
                               "efficiency.cooling_energy_pct": check("70", div(mul(100, 210), 300), "cooling")})

good_text = json.dumps(GOOD)
vector("bad_input", "bad-malformed-json",
       "A JSON syntax error (a missing comma) in the second record of a .json array: malformed_json for record 1 "
       "at \"\", the rest of the file is not read; record 0 is kept. PUE 100 / 80 = 1.25 by hand.",
       {"problems": [{"record": 1, "code": "malformed_json", "pointer": ""}], "rejected": 1,
        "metrics": GOOD_EXPECT},
       input_text="[\n" + good_text + ',\n{"source_id": "dc-1-bms" "external_event_id": "bad"}\n]\n')
dup = json.dumps(rec("bad", hour(1), hour(2), energy={"facility": amt("200", "kWh")})).replace(
    '"facility_id": "dc-1"', '"facility_id": "dc-1", "facility_id": "dc-2"')
vector("bad_input", "bad-duplicate-key",
       "JSON Lines; line 2 repeats the key facility_id with two values: refused (malformed_json for record 1), never "
       "resolved silently to either value. Record 0 is kept: PUE 100 / 80 = 1.25 by hand.",
       {"problems": [{"record": 1, "code": "malformed_json", "pointer": ""}], "rejected": 1,
        "metrics": GOOD_EXPECT},
       input_text=good_text + "\n" + dup + "\n", input_format="jsonl")
vector("bad_input", "bad-record-not-an-object",
       "A record that is a JSON number (42), not an object: the record itself has the wrong JSON type (wrong_type "
       "for record 1 at \"\"); record 0 is kept: PUE 100 / 80 = 1.25 by hand.",
       {"problems": [{"record": 1, "code": "wrong_type", "pointer": ""}], "rejected": 1,
        "metrics": GOOD_EXPECT},
       input=[GOOD, 42])
vector("bad_input", "bad-unknown-factor-pack",
       "A vector naming a factor pack the engine cannot load (nosuch@1.0.0): the whole vector fails with "
       "factor_pack_unavailable at /factor_packs/0 before anything is computed.",
       {"error": {"code": "factor_pack_unavailable", "pointer": "/factor_packs/0"}},
       input=[GOOD], factor_packs=["nosuch@1.0.0"])

# --------------------------------------------------------------------------------------------
# bad settings
# --------------------------------------------------------------------------------------------

for name, settings, pointer, why in [
        ("bad-settings-period-unit", {"period": {"unit": "week"}}, "/settings/period/unit",
         "\"week\" is not a period (day, month, quarter, year, all)"),
        ("bad-settings-offset-region-zone", {"period": {"offset": "Europe/Berlin"}}, "/settings/period/offset",
         "a region zone is refused (its rules change with the JDK's time-zone data); only fixed offsets"),
        ("bad-settings-range-reversed", {"period": {"unit": "all", "from": "2026-07-01T00:00:00Z",
                                                    "to": "2026-06-01T00:00:00Z"}}, "/settings/period/to",
         "the range ends before it starts"),
        ("bad-settings-unknown-member", {"reporting_currency": "EUR"}, "/settings/reporting_currency",
         "an unknown settings member is refused, not ignored"),
        ("bad-settings-wue-basis", {"wue_basis": "rain"}, "/settings/wue_basis",
         "\"rain\" is not a WUE basis (withdrawal, cooling, consumption)")]:
    vector("bad_settings", name, f"Invalid settings: {why}. The vector fails with invalid_settings at {pointer}.",
           {"error": {"code": "invalid_settings", "pointer": pointer}}, input=[GOOD], settings=settings)

# --------------------------------------------------------------------------------------------
# settings variants
# --------------------------------------------------------------------------------------------

def g(fac, start, end, metrics):
    return {"facility_id": fac, "period_start": start, "period_end": end, "metrics": metrics}


vector("settings", "settings-period-day",
       "Daily grouping: one record on 2026-06-01 (130 / 100 kWh) and one on 2026-06-02 (120 / 100 kWh). By hand: "
       "PUE day 1 = 130 / 100 = 1.3, day 2 = 120 / 100 = 1.2, total = 250 / 200 = 1.25.",
       {"group_count": 2, "metrics": {"efficiency.pue": "1.25"},
        "groups": [g("dc-1", "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z", {"efficiency.pue": "1.3"}),
                   g("dc-1", "2026-06-02T00:00:00Z", "2026-06-03T00:00:00Z", {"efficiency.pue": "1.2"})]},
       input=[rec("d1", hour(0, 1), hour(1, 1), energy={"facility": amt("130", "kWh"), "it": amt("100", "kWh")}),
              rec("d2", hour(0, 2), hour(1, 2), energy={"facility": amt("120", "kWh"), "it": amt("100", "kWh")})],
       settings={"period": {"unit": "day"}})
vector("settings", "settings-period-quarter",
       "Quarterly grouping: a record in March (Q1) and one in April (Q2) of 2026. By hand: Q1 PUE = 150 / 100 = 1.5, "
       "Q2 PUE = 110 / 100 = 1.1.",
       {"group_count": 2,
        "groups": [g("dc-1", "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", {"efficiency.pue": "1.5"}),
                   g("dc-1", "2026-04-01T00:00:00Z", "2026-07-01T00:00:00Z", {"efficiency.pue": "1.1"})]},
       input=[rec("q1", hour(0, 31, 3), hour(1, 31, 3), energy={"facility": amt("150", "kWh"), "it": amt("100", "kWh")}),
              rec("q2", hour(0, 1, 4), hour(1, 1, 4), energy={"facility": amt("110", "kWh"), "it": amt("100", "kWh")})],
       settings={"period": {"unit": "quarter"}})
vector("settings", "settings-period-year",
       "Yearly grouping: a record on 2025-12-31 and one on 2026-01-01. By hand: 2025 PUE = 140 / 100 = 1.4, "
       "2026 PUE = 120 / 100 = 1.2; total (260 / 200) = 1.3.",
       {"group_count": 2, "metrics": {"efficiency.pue": "1.3"},
        "groups": [g("dc-1", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", {"efficiency.pue": "1.4"}),
                   g("dc-1", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", {"efficiency.pue": "1.2"})]},
       input=[rec("y1", "2025-12-31T22:00:00Z", "2025-12-31T23:00:00Z",
                  energy={"facility": amt("140", "kWh"), "it": amt("100", "kWh")}),
              rec("y2", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z",
                  energy={"facility": amt("120", "kWh"), "it": amt("100", "kWh")})],
       settings={"period": {"unit": "year"}})
vector("settings", "settings-period-all",
       "One group over everything (unit all, unbounded: the group's period has no start). Records in June and "
       "August. By hand: PUE = (130 + 120) / (100 + 100) = 1.25.",
       {"group_count": 1, "groups": [g("dc-1", None, None, {"efficiency.pue": "1.25"})]},
       input=[rec("a1", hour(0, 1, 6), hour(1, 1, 6), energy={"facility": amt("130", "kWh"), "it": amt("100", "kWh")}),
              rec("a2", hour(0, 1, 8), hour(1, 1, 8), energy={"facility": amt("120", "kWh"), "it": amt("100", "kWh")})],
       settings={"period": {"unit": "all"}})
vector("settings", "settings-day-offset",
       "Days begin at +05:30: a record at 2026-06-01T20:00Z-21:00Z is 2026-06-02 01:30-02:30 local, so it belongs to "
       "the day starting 2026-06-02T00:00+05:30 = 2026-06-01T18:30:00Z; a record at 2026-06-01T10:00Z belongs to the "
       "day starting 2026-05-31T18:30:00Z. By hand: PUEs 150 / 100 = 1.5 and 125 / 100 = 1.25.",
       {"group_count": 2,
        "groups": [g("dc-1", "2026-05-31T18:30:00Z", "2026-06-01T18:30:00Z", {"efficiency.pue": "1.25"}),
                   g("dc-1", "2026-06-01T18:30:00Z", "2026-06-02T18:30:00Z", {"efficiency.pue": "1.5"})]},
       input=[rec("late", hour(20), hour(21), energy={"facility": amt("150", "kWh"), "it": amt("100", "kWh")}),
              rec("early", hour(10), hour(11), energy={"facility": amt("125", "kWh"), "it": amt("100", "kWh")})],
       settings={"period": {"unit": "day", "offset": "+05:30"}})
WATER_RECS = two(dict(E("1300", "1000"), water={"withdrawal": amt("2000", "L"), "cooling": amt("1800", "L"),
                                                  "consumption": amt("1500", "L")}, compute={"gpu_hours": amt("400", "GPU-h")}),
                 dict(E("1200", "1000"), water={"withdrawal": amt("3000", "L"), "cooling": amt("2700", "L"),
                                                  "consumption": amt("2100", "L")}, compute={"gpu_hours": amt("600", "GPU-h")}))
vector("settings", "settings-wue-basis-cooling",
       "WUE basis cooling (the seed platform's definition): WUE = ΣW_cooling / ΣE_IT. By hand: (1800 + 2700) / 2000 "
       "= 4500 / 2000 = 2.25 L/kWh; water per GPU-hour uses the same basis: 4500 / 1000 = 4.5 L/GPU-h.",
       {"metrics": {"water.wue_l_per_kwh": check("2.25", div(4500, 2000), "wue-c"),
                    "water.per_gpu_hour_l": check("4.5", div(4500, 1000), "wpg-c"), "water.withdrawal_l": "5000"}},
       input=WATER_RECS, settings={"wue_basis": "cooling"})
vector("settings", "settings-wue-basis-consumption",
       "WUE basis consumption: WUE = ΣW_consumption / ΣE_IT. By hand: (1500 + 2100) / 2000 = 3600 / 2000 = 1.8 L/kWh.",
       {"metrics": {"water.wue_l_per_kwh": check("1.8", div(3600, 2000), "wue-cons")}},
       input=WATER_RECS, settings={"wue_basis": "consumption"})
vector("settings", "settings-wue-basis-withdrawal-default",
       "WUE with the default basis (withdrawal, ISO/IEC 30134-9): 5000 / 2000 = 2.5 L/kWh by hand; the same records "
       "as settings-wue-basis-cooling, so the basis alone changes the number.",
       {"metrics": {"water.wue_l_per_kwh": check("2.5", div(5000, 2000), "wue-w")}}, input=WATER_RECS, settings={})
vector("settings", "settings-energy-basis-it",
       "Workload energy basis it: energy per GPU-hour = ΣE_IT / ΣGPU-hours. By hand: (1000 + 1000) / (400 + 600) = "
       "2 kWh/GPU-h (with the facility basis it would be 2500 / 1000 = 2.5).",
       {"metrics": {"efficiency.energy_per_gpu_hour_kwh": check("2", div(2000, 1000), "epg-it")}},
       input=WATER_RECS, settings={"workload_energy_basis": "it"})
vector("settings", "settings-custom-range",
       "A custom range [2026-06-01T00:30Z, 2026-06-01T01:30Z): half of each hourly record lies inside, so half of "
       "each value is counted, and each record gets an outside_reporting_range warning at /interval. By hand: "
       "facility 100 × 1800 / 3600 + 200 × 1800 / 3600 = 50 + 100 = 150 kWh; IT 40 + 80 = 120 kWh; PUE 150 / 120 = "
       "1.25. One group, starting at the range's start.",
       {"metrics": {"activity.energy_facility_kwh": "150", "activity.energy_it_kwh": "120",
                    "efficiency.pue": check("1.25", div(150, 120), "range")},
        "groups": [g("dc-1", "2026-06-01T00:30:00Z", "2026-06-01T01:30:00Z", {"activity.energy_facility_kwh": "150"})],
        "problems": [{"record": 0, "code": "outside_reporting_range", "pointer": "/interval", "severity": "warning"},
                     {"record": 1, "code": "outside_reporting_range", "pointer": "/interval", "severity": "warning"}],
        "rejected": 0},
       input=[rec("r1", hour(0), hour(1), energy={"facility": amt("100", "kWh"), "it": amt("80", "kWh")}),
              rec("r2", hour(1), hour(2), energy={"facility": amt("200", "kWh"), "it": amt("160", "kWh")})],
       settings={"period": {"unit": "all", "from": "2026-06-01T00:30:00Z", "to": "2026-06-01T01:30:00Z"}})

# --------------------------------------------------------------------------------------------
# repeats and conflicts
# --------------------------------------------------------------------------------------------

A = rec("a", hour(0), hour(1), energy={"facility": amt("130", "kWh"), "it": amt("100", "kWh")})
A2 = rec("a", hour(0), hour(1), energy={"facility": amt("999", "kWh"), "it": amt("100", "kWh")})
Bb = rec("b", hour(1), hour(2), energy={"facility": amt("120", "kWh"), "it": amt("100", "kWh")})
Bb2 = rec("b", hour(1), hour(2), energy={"facility": amt("120", "kWh"), "it": amt("90", "kWh")})
vector("repeats", "repeat-exact-duplicate",
       "Record a appears twice with the same content: counted once, with a duplicate_record warning on the repeat. "
       "By hand: PUE = (130 + 120) / (100 + 100) = 1.25 (with a counted twice it would be 380 / 300).",
       {"metrics": {"efficiency.pue": "1.25"}, "dataset": {"records": 2, "duplicates": 1, "conflicts": []},
        "problems": [{"record": 1, "code": "duplicate_record", "pointer": "", "severity": "warning"}], "rejected": 0},
       input=[A, A, Bb])
vector("repeats", "repeat-conflict",
       "Key dc-1-bms/a appears with two contents (facility 130 and 999 kWh): neither copy is counted, whichever comes "
       "first, and both get conflicting_duplicate. Only b counts: PUE = 120 / 100 = 1.2 by hand.",
       {"metrics": {"efficiency.pue": "1.2"}, "dataset": {"records": 1, "duplicates": 0, "conflicts": ["dc-1-bms/a"]},
        "problems": [{"record": 0, "code": "conflicting_duplicate", "pointer": ""},
                     {"record": 1, "code": "conflicting_duplicate", "pointer": ""}], "rejected": 2},
       input=[A, A2, Bb])
vector("repeats", "repeat-duplicate-then-conflict",
       "a twice with the same content (a repeat: warning, counted once) and b twice with different IT energy (a "
       "conflict: neither copy counted). Repeats are reported as they are read, conflicts after the data set is "
       "known (ecocalc reads the input twice). Only a counts: PUE = 130 / 100 = 1.3 by hand.",
       {"metrics": {"efficiency.pue": "1.3"}, "dataset": {"records": 1, "duplicates": 1, "conflicts": ["dc-1-bms/b"]},
        "problems": [{"record": 1, "code": "duplicate_record", "pointer": "", "severity": "warning"},
                     {"record": 2, "code": "conflicting_duplicate", "pointer": ""},
                     {"record": 3, "code": "conflicting_duplicate", "pointer": ""}], "rejected": 2},
       input=[A, A, Bb, Bb2])

# --------------------------------------------------------------------------------------------
# period splitting
# --------------------------------------------------------------------------------------------

vector("period_split", "split-month-boundary",
       "One 24-hour record from 2026-06-30T12:00Z to 2026-07-01T12:00Z with 240 kWh facility and 200 kWh IT energy, "
       "monthly grouping: split in proportion to time, 12 h each side. By hand: June 240 × 43200 / 86400 = 120 kWh "
       "(IT 100), July the remainder 240 - 120 = 120 kWh (IT 100); PUE 1.2 in each month. The facility total "
       "counts the record once (records 1).",
       {"group_count": 2, "metrics": {"activity.energy_facility_kwh": "240"},
        "groups": [g("dc-1", "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z",
                     {"activity.energy_facility_kwh": check("120", div(mul(240, 43200), 86400), "split-jun"),
                      "efficiency.pue": "1.2"}),
                   g("dc-1", "2026-07-01T00:00:00Z", "2026-08-01T00:00:00Z",
                     {"activity.energy_facility_kwh": "120", "efficiency.pue": "1.2"})]},
       input=[rec("x", "2026-06-30T12:00:00Z", "2026-07-01T12:00:00Z",
                  energy={"facility": amt("240", "kWh"), "it": amt("200", "kWh")})],
       settings={"period": {"unit": "month"}})
third = div(mul(100, 86400), 259200)
vector("period_split", "split-three-days-remainder",
       "One 72-hour record (2026-06-01T00:00Z to 2026-06-04T00:00Z) with 100 kWh, daily grouping. By hand: each "
       "part but the last is v × t_i / T rounded once to 34 significant digits half-even: 100 × 86400 / 259200 = "
       "33.33333333333333333333333333333333; the last part is the remainder, 100 - 2 × "
       "33.33333333333333333333333333333333 = 33.33333333333333333333333333333334, so the parts sum exactly to 100.",
       {"group_count": 3, "metrics": {"activity.energy_facility_kwh": "100"},
        "groups": [g("dc-1", "2026-06-01T00:00:00Z", None,
                     {"activity.energy_facility_kwh": check("33.33333333333333333333333333333333", third, "t1")}),
                   g("dc-1", "2026-06-02T00:00:00Z", None, {"activity.energy_facility_kwh": "33.33333333333333333333333333333333"}),
                   g("dc-1", "2026-06-03T00:00:00Z", None,
                     {"activity.energy_facility_kwh": check("33.33333333333333333333333333333334",
                                                            EXACT.subtract(D(100), mul(2, third)), "t3")})]},
       input=[rec("t", "2026-06-01T00:00:00Z", "2026-06-04T00:00:00Z", energy={"facility": amt("100", "kWh")})],
       settings={"period": {"unit": "day"}})
vector("period_split", "split-utilisation-weight",
       "A percentage is not split, its weight is. Record u1: 2026-06-01T12:00Z-2026-06-02T12:00Z, 48 GPU-h at 50 %; "
       "record u2: 2026-06-02T12:00Z-13:00Z, 24 GPU-h at 80 %. Daily: day 1 gets 24 GPU-h of u1 at 50 % = 50 %; "
       "day 2 gets 24 GPU-h of u1 at 50 % and 24 of u2 at 80 %: (50 × 24 + 80 × 24) / 48 = 3120 / 48 = 65 %. "
       "Total: (50 × 48 + 80 × 24) / 72 = 4320 / 72 = 60 %. By hand.",
       {"metrics": {"hardware.utilization_pct": check("60", div(add(mul(50, 48), mul(80, 24)), 72), "u-tot")},
        "groups": [g("dc-1", "2026-06-01T00:00:00Z", None, {"hardware.utilization_pct": "50", "activity.gpu_hours": "24"}),
                   g("dc-1", "2026-06-02T00:00:00Z", None,
                     {"hardware.utilization_pct": check("65", div(add(mul(50, 24), mul(80, 24)), 48), "u-d2"),
                      "activity.gpu_hours": "48"})]},
       input=[rec("u1", "2026-06-01T12:00:00Z", "2026-06-02T12:00:00Z",
                  compute={"gpu_hours": amt("48", "GPU-h")}, hardware={"utilization_pct": "50"}),
              rec("u2", "2026-06-02T12:00:00Z", "2026-06-02T13:00:00Z",
                  compute={"gpu_hours": amt("24", "GPU-h")}, hardware={"utilization_pct": "80"})],
       settings={"period": {"unit": "day"}})

# --------------------------------------------------------------------------------------------
# data-set digests, computed here with hashlib
# --------------------------------------------------------------------------------------------

def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha(b):
    return "sha256:" + hashlib.sha256(b).hexdigest()


NORMALISED = {"source_id": "dc-1-bms", "external_event_id": "e1",
              "interval": {"start": "2026-06-01T00:00:00Z", "end": "2026-06-01T01:00:00Z"},
              "facility_id": "dc-1", "energy": {"facility": {"value": "100", "unit": "kWh"}}}
NORMALISED2 = {"source_id": "dc-1-bms", "external_event_id": "e2",
               "interval": {"start": "2026-06-01T01:00:00Z", "end": "2026-06-01T02:00:00Z"},
               "facility_id": "dc-1", "energy": {"facility": {"value": "100", "unit": "kWh"}}}
d1, d2 = sha(canonical(NORMALISED)), sha(canonical(NORMALISED2))
ONE = sha(canonical([d1]))
TWO = sha(canonical(sorted([d1, d2])))  # ordered by key: dc-1-bms/e1 < dc-1-bms/e2
vector("digest", "digest-one-record",
       "The data-set digest (docs/decisions/0008): record digest = sha256 of the RFC 8785 bytes of the normalised "
       "record; data-set digest = sha256 of the canonical JSON array of record digests ordered by idempotency key. "
       "Computed with Python hashlib by test-vectors/tools/make_vectors.py from the normalised record written out "
       "by hand: " + canonical(NORMALISED).decode() + " (record digest " + d1 + ").",
       {"dataset": {"records": 1, "digest": ONE}}, input=[NORMALISED], expected_from="source")
vector("digest", "digest-normalisation",
       "The same record as digest-one-record written differently: 0.1 MWh instead of 100 kWh and the interval at "
       "+02:00. Normalised (kWh, UTC) it is the same record, so the data-set digest is the same, " + ONE + " (Python "
       "hashlib, as in digest-one-record).",
       {"dataset": {"records": 1, "digest": ONE}, "metrics": {"activity.energy_facility_kwh": "100"}},
       input=[{"source_id": "dc-1-bms", "external_event_id": "e1",
               "interval": {"start": "2026-06-01T02:00:00+02:00", "end": "2026-06-01T03:00:00+02:00"},
               "facility_id": "dc-1", "energy": {"facility": {"value": "0.1", "unit": "MWh"}}}],
       expected_from="source")
vector("digest", "digest-order-and-repeats",
       "Two records given in reverse key order, one of them twice: the digest depends only on the distinct records "
       "ordered by key, sha256 of [\"" + d1 + "\",\"" + d2 + "\"] = " + TWO + " (Python hashlib).",
       {"dataset": {"records": 2, "duplicates": 1, "digest": TWO}},
       input=[NORMALISED2, NORMALISED, NORMALISED2], expected_from="source")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    names = set()
    for category, name, v in VECTORS:
        if name in names:
            raise SystemExit("duplicate vector name " + name)
        names.add(name)
        d = os.path.join(OUT, category)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name + ".json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(v, indent=2, ensure_ascii=False) + "\n")
    print(f"{len(VECTORS)} vectors written to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
