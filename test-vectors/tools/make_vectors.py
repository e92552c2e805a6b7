#!/usr/bin/env python3
"""Writes the golden test vectors of ecocalc (test-vectors/vectors/**.json).

Each vector's expected values are worked out by hand: the arithmetic is written in its
description, and the expected decimal strings below are typed in by hand. This script then
re-computes every one of them with Python's own decimal module (an implementation independent of
ecocalc's Java code: exact sums, one division rounded to 34 significant digits half-even, i.e.
IEEE 754 decimal128) and refuses to write a vector whose hand value disagrees. Data-set digests
are computed here with hashlib from the canonical JSON (RFC 8785) of the normalised records, which
for the ASCII-only, string-valued documents below is json.dumps with sorted keys and no spaces.

The alert, scenario and report-validation vectors (at the end) are worked by hand the same way; their
alert ids and run-manifest hashes are computed here with hashlib, and the simulator's formulas are
transcribed from docs/methodology.md to recompute every projected value.

Usage: python3 test-vectors/tools/make_vectors.py   (from the repository root; rewrites the files)
"""
import hashlib
import importlib.util
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
           settings=None, factor_packs=None, expected_from="hand", tolerance_rel=None, assets=None, overrides=None,
           input_kind=None):
    v = {"$schema": "../../../docs/schemas/test-vector.v1.json", "format": "ecocalc.test-vector/1",
         "name": name, "category": category, "description": description, "expected_from": expected_from}
    if input_kind is not None:
        v["input_kind"] = input_kind
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
    if assets is not None:
        v["assets"] = assets
    if overrides is not None:
        v["overrides"] = overrides
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

vector("bad_input", "bad-asset-registry",
       "An asset registry whose asset has an expected lifetime of 0 h (SCI divides by it): the whole vector fails with "
       "invalid_asset at /assets before anything is computed.",
       {"error": {"code": "invalid_asset", "pointer": "/assets"}}, input=[GOOD],
       assets={"assets": [{"asset_id": "srv-1", "facility_id": "dc-1", "embodied_kgco2e": "7012",
                           "lifetime_hours": "0", "in_service": "2025-06-01T00:00:00Z"}]})
vector("bad_input", "bad-override-factor",
       "An approved override naming a factor that none of the vector's packs holds (ember2024.deu.co2e version 2; "
       "the pack has version 1): the whole vector fails with unknown_factor at /overrides/0/factor.",
       {"error": {"code": "unknown_factor", "pointer": "/overrides/0/factor"}}, input=[GOOD],
       factor_packs=["ember-grid-intensity-2024@1.0.0"],
       overrides=[{"scope": "facility", "scope_id": "dc-1", "factor": "ember-grid-intensity-2024@1.0.0:ember2024.deu.co2e@2",
                   "approved_by": "energy manager (test)", "approved_on": "2024-05-15", "reason": "test"}])

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


# ============================================================================================
# Carbon, data quality and scorecard. Factor values are quoted from the packs of
# factor-packs/src/main/resources/org/ecocalc/factorpacks (each pack cites its source); the
# packs are named "id@version" and resolved from the class path. 1 lb = 0.45359237 kg exactly.
# ============================================================================================

EGRID23 = "us-epa-egrid2023@1.0.0"
EGRID22 = "us-epa-egrid2022@1.0.0"
EMBER = "ember-grid-intensity-2024@1.0.0"
CFR = "us-epa-40cfr98-subpart-c@1.0.0"
IPCC06 = "ipcc-2006-stationary-combustion@1.0.0"
GWP = "ipcc-gwp@1.0.0"
EMB = "gpu-embodied@1.0.0"
LB = D("0.45359237")


def ref(pack, factor_id, version=1):
    return f"{pack}:{factor_id}@{version}"


def at(y, mo, d, h=0, mi=0, s=0):
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z"


def month_bounds(y, mo):
    ny, nm = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return f"{y:04d}-{mo:02d}-01T00:00:00Z", f"{ny:04d}-{nm:02d}-01T00:00:00Z"


def lb_per_mwh_kg(mwh, lb_per_mwh):
    """kg CO2e of mwh MWh at lb_per_mwh lb/MWh."""
    return mul(mul(mwh, lb_per_mwh), LB)


def seal(pack):
    body = dict(pack)
    body.pop("digest", None)
    body["digest"] = sha(canonical(body))
    return body


def test_pack(pack_id, title, source_citation, factors):
    """An inline pack of illustrative test values (not published data), sealed with its JCS digest."""
    return {"inline": seal({
        "format": "ecocalc.factor-pack.v1", "pack_id": pack_id, "version": "1.0.0", "title": title,
        "publisher": "Acme (test data)", "maintainer": "ecocalc test vectors",
        "licence": {"id": "CC0-1.0", "name": "CC0 1.0 Universal"}, "citation_only": False,
        "sources": [{"source_id": "acme", "citation": source_citation, "url": "https://example.org/acme"}],
        "factors": factors})}


def test_factor(factor_id, activity, level, code, value, unit, gwp_set="AR6"):
    return {"factor_id": factor_id, "version": 1, "effective_date": "2024-01-01", "scope": "scope2",
            "category": "electricity", "activity_type": activity, "region": {"level": level, "code": code},
            "gas": "co2e", "value": value, "unit": unit, "gwp_set": gwp_set, "source_ref": "acme",
            "source_dataset": "Acme test values", "source_table": "-", "source_edition": "test",
            "source_year": 2024, "source_url": "https://example.org/acme", "confidence": "medium",
            "illustrative": True}


ACME = test_pack("acme-factors", "Acme's own grid factor for fra-9 (test data)",
                 "Acme's 2024 supplier statement for fra-9: 250 gCO2e/kWh (illustrative test value).",
                 [test_factor("acme.fra-9.supplier-mix.co2e", "grid_electricity", "facility", "fra-9", "250", "g/kWh")])
DEFAULTS = test_pack("acme-defaults", "Acme's last-resort grid factor (test data)",
                     "Acme's default grid factor: 500 gCO2e/kWh (illustrative test value).",
                     [test_factor("acme.default.grid.co2e", "grid_electricity", "fallback", "ANY", "500", "g/kWh")])
RESIDUAL = test_pack("acme-residual", "A residual mix for Germany (test data)",
                     "An illustrative residual mix for DE of 600 gCO2e/kWh (test value; not AIB's published figure).",
                     [test_factor("acme.de.residual-mix.co2e", "grid_electricity_residual_mix", "country", "DE", "600",
                                  "g/kWh", gwp_set="unknown")])
ACME_REF = ref("acme-factors@1.0.0", "acme.fra-9.supplier-mix.co2e")
DEFAULT_REF = ref("acme-defaults@1.0.0", "acme.default.grid.co2e")
RESIDUAL_REF = ref("acme-residual@1.0.0", "acme.de.residual-mix.co2e")

DE = ref(EMBER, "ember2024.deu.co2e")          # Ember 2024, Germany: 344.14 gCO2e/kWh
EU = ref(EMBER, "ember2024.eu.co2e")           # Ember 2024, EU: 213.31 gCO2e/kWh
WORLD = ref(EMBER, "ember2024.world.co2e")     # Ember 2024, world: 473.05 gCO2e/kWh
ERCT23 = ref(EGRID23, "egrid2023.erct.co2e")   # eGRID2023 rev 2, ERCT CO2e: 736.629 lb/MWh
CAMX23 = [ref(EGRID23, "egrid2023.camx." + g) for g in ("co2", "ch4", "n2o")] + [GWP]
US_DIESEL = [ref(CFR, "40cfr98.c1.distillate_fuel_oil_no2.co2"), ref(CFR, "40cfr98.c2.distillate_fuel_oil_no2.ch4"),
             ref(CFR, "40cfr98.c2.distillate_fuel_oil_no2.n2o"), ref(CFR, "40cfr98.c1.distillate_fuel_oil_no2.hhv"), GWP]
IPCC_DIESEL = [ref(IPCC06, "ipcc2006.gas_diesel_oil." + g) for g in ("co2", "ch4", "n2o", "ncv")] + [GWP]
H100 = [ref(EMB, "nvidia.h100-sxm-80gb.embodied"), ref(EMB, "boavizta.server-8xh100-excl-gpu.embodied")]

DIESEL = "distillate_fuel_oil_no2"
# AR6 GWP-100 (ipcc-gwp@1.0.0, IPCC AR6 WG I Table 7.SM.7): CH4 27.9, N2O 273, HFC-134a 1530, HFC-32 771, HFC-125 3740.
# 40 CFR 98 Table C-1: diesel 0.138 mmBtu/gal (HHV), 73.96 kg CO2/mmBtu; Table C-2: 0.003 kg CH4, 0.0006 kg N2O per mmBtu.
US_MMBTU = mul(100, "0.138")
US_DIESEL_AR6 = add(mul(US_MMBTU, "73.96"), mul(mul(US_MMBTU, "0.003"), "27.9"), mul(mul(US_MMBTU, "0.0006"), 273))
# IPCC 2006 Vol. 2: gas/diesel oil NCV 43 TJ/Gg (Table 1.2); 74100 kg CO2, 3 kg CH4, 0.6 kg N2O per TJ (Table 2.2).
TJ_150KG = mul(D("0.00015"), 43)


def ipcc_diesel_150kg(ch4_gwp, n2o_gwp):
    return mul(TJ_150KG, add(74100, mul(3, ch4_gwp), mul("0.6", n2o_gwp)))


def named(mid, records, hand, computed, description, month=(2026, 6), facility="dc-1", also=None, factors=None, **kw):
    """A vector named after its metric: the total, the facility and its one monthly group."""
    value = check(hand, computed, mid)
    m = {mid: value}
    for k, (h, c) in (also or {}).items():
        m[k] = None if h is None else check(h, c, mid + "/" + k)
    start, end = month_bounds(*month)
    expected = {"metrics": m, "facilities": {facility: {mid: value}},
                "groups": [{"facility_id": facility, "period_start": start, "period_end": end, "metrics": {mid: value}}],
                "group_count": 1, "rejected": 0, "problems": []}
    if factors:
        expected["factors"] = factors
    vector("metric", mid, description, expected, input=records, **kw)


def de_rec(eid, h0, h1, kwh, fac="dc-1", country="DE", region="EU", day=1, **more):
    """An hour-range of a German facility on 2024-06-<day> with its grid electricity."""
    place = {k: v for k, v in (("country", country), ("region", region)) if v}
    return rec(eid, at(2024, 6, day, h0), at(2024, 6, day, h1), fac=fac,
               energy=dict({"grid_import": amt(kwh, "kWh")}, **more.pop("energy", {})), **place, **more)


def instrument(iid, typ, kwh, rate, market, vintage=2024, unit="kWh", rate_unit="kg/kWh"):
    return {"instrument_id": iid, "type": typ, "energy": amt(kwh, unit), "emission_rate": amt(rate, rate_unit),
            "vintage": vintage, "market": market}


def tou(start, end, g_per_kwh):
    return {"start": start, "end": end, "intensity": amt(g_per_kwh, "gCO2e/kWh"), "source": "grid-operator",
            "gwp_set": "AR6"}


# --------------------------------------------------------------------------------------------
# metric: one vector per carbon metric id
# --------------------------------------------------------------------------------------------

named("carbon.scope1_fuel_kgco2e",
      [rec("gen-1", at(2026, 6, 1, 0), at(2026, 6, 1, 1), country="US",
           fuel=[{"fuel": DIESEL, "quantity": amt("100", "gal")}])],
      "1024.0635", US_DIESEL_AR6,
      "Stationary combustion, US path (40 CFR 98 Subpart C, pack us-epa-40cfr98-subpart-c@1.0.0, country US): 100 gal "
      "diesel × 0.138 mmBtu/gal (Table C-1 HHV) = 13.8 mmBtu; CO2 13.8 × 73.96 = 1020.648 kg (Table C-1), CH4 "
      "13.8 × 0.003 = 0.0414 kg, N2O 13.8 × 0.0006 = 0.00828 kg (Table C-2); AR6 GWP-100 from ipcc-gwp@1.0.0 (CH4 27.9, "
      "N2O 273). By hand: 1020.648 + 0.0414 × 27.9 + 0.00828 × 273 = 1020.648 + 1.15506 + 2.26044 = 1024.0635 kg CO2e.",
      factor_packs=[CFR, GWP], factors={"carbon.scope1_fuel_kgco2e": US_DIESEL})
named("carbon.scope1_refrigerant_kgco2e",
      [rec("leak-1", at(2026, 6, 1, 0), at(2026, 6, 1, 1),
           refrigerant=[{"refrigerant": "hfc-134a", "released": amt("2", "kg")},
                        {"refrigerant": "r-410a", "released": amt("1", "kg")}])],
      "5315.5", add(mul(2, 1530), mul(1, add(mul("0.5", 771), mul("0.5", 3740)))),
      "Fugitive refrigerant, m_released × GWP (ipcc-gwp@1.0.0, AR6 GWP-100: HFC-134a 1530, HFC-32 771, HFC-125 3740; "
      "R-410A = 50 % HFC-32 + 50 % HFC-125 by mass, EPA GHG Emission Factors Hub Table 12). By hand: 2 × 1530 + "
      "1 × (0.5 × 771 + 0.5 × 3740) = 3060 + 2255.5 = 5315.5 kg CO2e.",
      factor_packs=[GWP], factors={"carbon.scope1_refrigerant_kgco2e": [GWP]})
named("carbon.scope1_kgco2e",
      [rec("gen-1", at(2026, 6, 1, 0), at(2026, 6, 1, 1), country="US",
           fuel=[{"fuel": DIESEL, "quantity": amt("100", "gal")}]),
       rec("leak-1", at(2026, 6, 1, 1), at(2026, 6, 1, 2), country="US",
           refrigerant=[{"refrigerant": "hfc-134a", "released": amt("2", "kg")}])],
      "4084.0635", add(US_DIESEL_AR6, mul(2, 1530)),
      "Scope 1 = fuel + refrigerant (GHG Protocol Corporate Standard ch. 4). Fuel as in carbon.scope1_fuel_kgco2e: "
      "100 gal diesel, 40 CFR 98 C-1/C-2, AR6: 1024.0635 kg; refrigerant 2 kg HFC-134a × 1530 (AR6) = 3060 kg. By hand: "
      "1024.0635 + 3060 = 4084.0635 kg CO2e.",
      factor_packs=[CFR, GWP], also={"carbon.scope1_fuel_kgco2e": ("1024.0635", US_DIESEL_AR6),
                                    "carbon.scope1_refrigerant_kgco2e": ("3060", mul(2, 1530))})
named("carbon.scope2_location_kgco2e",
      [rec("h1", at(2023, 6, 1, 0), at(2023, 6, 1, 1), grid_zone="ERCT", energy={"grid_import": amt("600", "kWh")}),
       rec("h2", at(2023, 6, 1, 1), at(2023, 6, 1, 2), grid_zone="ERCT", energy={"grid_import": amt("400", "kWh")})],
      "334.12929392073", lb_per_mwh_kg(1, "736.629"),
      "Location-based Scope 2 = ΣE_grid × EF (GHG Protocol Scope 2 Guidance). EF: eGRID2023 rev 2, subregion ERCT, "
      "published CO2e rate 736.629 lb/MWh (us-epa-egrid2023@1.0.0, egrid2023.erct.co2e; eGRID publishes no CH4/N2O "
      "for ERCT in this pack, so the CO2e rate is used as published). By hand: (600 + 400) kWh = 1 MWh × 736.629 lb/MWh "
      "× 0.45359237 kg/lb = 334.12929392073 kg CO2e.",
      month=(2023, 6), factor_packs=[EGRID23], factors={"carbon.scope2_location_kgco2e": [ERCT23]},
      also={"activity.scope2_electricity_kwh": ("1000", add(600, 400))})
named("carbon.grid_intensity_kgco2e_per_kwh",
      [rec("h1", at(2026, 6, 1, 0), at(2026, 6, 1, 2), energy={"grid_import": amt("100", "kWh")},
           grid_intensity=[tou(at(2026, 6, 1, 0), at(2026, 6, 1, 1), "300"),
                           tou(at(2026, 6, 1, 1), at(2026, 6, 1, 2), "200")])],
      "0.25", div(add(mul(50, "0.3"), mul(50, "0.2")), 100),
      "Energy-weighted intensity = S2_location / E_grid, time of use. One 2-hour record of 100 kWh, intensities 300 "
      "then 200 gCO2e/kWh (telemetry): its energy is split in proportion to time, 100 × 3600 / 7200 = 50 kWh per hour. "
      "No factor pack is needed: every kWh has an intensity. By hand: (50 × 0.3 + 50 × 0.2) / 100 = 25 / 100 = "
      "0.25 kg/kWh.",
      also={"carbon.scope2_location_kgco2e": ("25", add(mul(50, "0.3"), mul(50, "0.2")))})
named("carbon.scope2_market_kgco2e",
      [de_rec("h1", 0, 1, "1000", contracts=[instrument("GO-DE-2024-0001", "energy_attribute_certificate", "600", "0",
                                                         "DE")])],
      "137.656", mul(400, "0.34414"),
      "Market-based Scope 2 (Scope 2 Guidance, Table 6.3): a guarantee of origin (tier 1, 0 kg/kWh, market DE) covers "
      "600 of 1000 kWh; the 400 kWh left are priced at the grid average (no residual mix loaded; tier 4, flagged): "
      "Ember 2024 Germany 344.14 gCO2e/kWh (ember-grid-intensity-2024@1.0.0, ember2024.deu.co2e). By hand: 600 × 0 + "
      "400 × 0.34414 = 137.656 kg CO2e; location-based 1000 × 0.34414 = 344.14 kg.",
      month=(2024, 6), factor_packs=[EMBER], factors={"carbon.scope2_market_kgco2e": [DE]},
      also={"carbon.scope2_location_kgco2e": ("344.14", mul(1000, "0.34414"))})

WORKLOAD = [de_rec("h1", 0, 1, "1000", energy={"it": amt("800", "kWh")},
                   compute={"gpu_hours": amt("400", "GPU-h"), "training_runs": "0.5", "inference_requests": 10000})]
WORKLOAD_WHY = ("C_total = Scope 1 + Scope 2 location-based (default carbon_basis; no embodied). No fuel or refrigerant: "
                "Scope 1 = 0 (decision 0015). Scope 2: 1000 kWh × Ember 2024 Germany 344.14 gCO2e/kWh "
                "(ember-grid-intensity-2024@1.0.0, ember2024.deu.co2e) = 344.14 kg. By hand: ")
for mid, hand, computed, tail in [
        ("carbon.per_gpu_hour_kgco2e", "0.86035", div("344.14", 400), "(0 + 344.14) / 400 GPU-h = 0.86035 kg/GPU-h."),
        ("carbon.per_training_run_kgco2e", "688.28", div("344.14", "0.5"), "(0 + 344.14) / 0.5 runs = 688.28 kg/run."),
        ("carbon.per_inference_request_kgco2e", "0.034414", div("344.14", 10000),
         "(0 + 344.14) / 10000 requests = 0.034414 kg/request."),
        ("carbon.cue_kgco2e_per_kwh", "0.430175", div("344.14", 800),
         "CUE = (Scope 1 + Scope 2) / E_IT (ISO/IEC 30134-8) = (0 + 344.14) / 800 kWh = 0.430175 kg/kWh.")]:
    named(mid, WORKLOAD, hand, computed, WORKLOAD_WHY + tail, month=(2024, 6), factor_packs=[EMBER],
          factors={mid: [DE]}, also={"carbon.scope1_kgco2e": ("0", D(0))})

ASSETS = {"assets": [{"asset_id": "dc-1-hgx", "facility_id": "dc-1", "quantity": 2, "gpus": 8,
                      "components": [{"activity": "gpu_nvidia_h100_80gb", "count": "8"},
                                     {"activity": "server_8xh100_excluding_gpus", "count": "1"}],
                      "lifetime_hours": "32000", "in_service": "2025-06-01T00:00:00Z"}]}
EMBODIED = div(mul(mul(2, add(mul(8, 164), 5700)), 24), 32000)
EMBODIED_WHY = ("Embodied, SCI (ISO/IEC 21031): M = Σ TE × TiR / EL, RR/ToR = 1. Two 8-GPU servers (asset registry): "
                "TE = 8 × 164 kg (NVIDIA H100, gpu-embodied@1.0.0) + 5700 kg (server without GPUs, BoaviztAPI estimate) = "
                "7012 kg each; EL = 32000 h; TiR = the group's covered span, 24 h. By hand: 2 × 7012 × 24 / 32000 = "
                "336576 / 32000 = 10.518 kg")
EMB_REC = [rec("d1", at(2026, 6, 1, 0), at(2026, 6, 2, 0), energy={"facility": amt("100", "kWh")},
               compute={"gpu_hours": amt("384", "GPU-h")})]
named("carbon.embodied_kgco2e", EMB_REC, "10.518", EMBODIED, EMBODIED_WHY + ".",
      factor_packs=[EMB], assets=ASSETS, factors={"carbon.embodied_kgco2e": H100})
named("carbon.embodied_per_gpu_hour_kgco2e", EMB_REC, "0.027390625", div(EMBODIED, 384),
      EMBODIED_WHY + "; per GPU-hour M / ΣGPU-h = 10.518 / 384 (2 × 8 GPUs × 24 h) = 0.027390625 kg/GPU-h.",
      factor_packs=[EMB], assets=ASSETS, factors={"carbon.embodied_per_gpu_hour_kgco2e": H100},
      also={"carbon.embodied_kgco2e": ("10.518", EMBODIED)})
named("activity.scope2_electricity_kwh",
      [rec("h1", at(2026, 6, 1, 0), at(2026, 6, 1, 1), energy={"grid_import": amt("1000", "kWh")}),
       rec("h2", at(2026, 6, 1, 1), at(2026, 6, 1, 2),
           energy={"facility": amt("1200", "kWh"), "onsite_renewable": amt("200", "kWh")})],
      "2000", add(1000, EXACT.subtract(D(1200), D(200))),
      "Scope 2 electricity = /energy/grid_import, or facility minus on-site renewable energy when a record lacks it "
      "(methodology, Scope 2). By hand: 1000 + (1200 - 200) = 2000 kWh.")

# --------------------------------------------------------------------------------------------
# metric: data quality (docs/methodology.md, "Data quality")
# --------------------------------------------------------------------------------------------

named("quality.completeness_pct",
      [rec("h1", hour(0), hour(1), energy={"facility": amt("100", "kWh")}),
       rec("h2", hour(1), hour(2), energy={"facility": amt("100", "kWh")}),
       rec("h4", hour(3), hour(4), energy={"facility": amt("100", "kWh")}),
       rec("w1", hour(0), hour(2), src="dc-1-water", water={"withdrawal": amt("10", "L")}),
       rec("w2", hour(2), hour(4), src="dc-1-water", water={"withdrawal": amt("10", "L")})],
      "41.66666666666666666666666666666667", div(mul(100, add(3, 2)), add(4, 8)),
      "Completeness = 100 × Σ_s min(R_s, X_s) / Σ_s X_s, X_s = covered span / cadence. Covered span 00:00-04:00 = "
      "14400 s. dc-1-bms: cadence inferred (most common record length 3600 s), X = 4, R = 3 (02:00-03:00 missing); "
      "dc-1-water: cadence declared 1800 s, X = 8, R = 2. By hand: 100 × (3 + 2) / (4 + 8) = 500 / 12 = "
      "41.66666666666666666666666666666667 % (one division, 34 digits).",
      settings={"quality": {"cadences_s": {"dc-1-water": "1800"}}})


def latency_rec(eid, h, seconds_after, frac=""):
    """An hourly record observed at its end and ingested seconds_after later."""
    end = hour(h + 1)
    t = 3600 * (h + 1) + seconds_after
    ingested = f"2026-06-01T{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}{frac}Z"
    return rec(eid, hour(h), end, energy={"facility": amt("100", "kWh")}, observed_at=end, ingested_at=ingested)


LATENCY4 = [latency_rec("l1", 0, 30), latency_rec("l2", 1, 60), latency_rec("l3", 2, 90, ".900"),
            latency_rec("l4", 3, 600)]
named("quality.latency_p50_s", LATENCY4, "60", D(60),
      "Latency = ingested_at - observed_at in whole seconds, floored: 30, 60, 90.9 -> 90, 600. Nearest-rank p50 "
      "(Hyndman and Fan definition 1): rank ceil(0.5 × 4) = 2 of the sorted [30, 60, 90, 600]. By hand: 60 s.")
LATENCY20 = [latency_rec(f"m{k:02d}", k - 1, 60 * k) for k in range(1, 21)]
named("quality.latency_p95_s", LATENCY20, "1140", D(60 * 19),
      "20 records with latencies 60, 120, ..., 1200 s. Nearest-rank p95: rank ceil(0.95 × 20) = 19. By hand: the 19th "
      "smallest, 19 × 60 = 1140 s (the maximum is 1200, the median rank ceil(0.5 × 20) = 10 gives 600).",
      also={"quality.latency_max_s": ("1200", D(1200)), "quality.latency_p50_s": ("600", D(600))})
skewed = rec("l5", hour(4), hour(5), energy={"facility": amt("100", "kWh")}, observed_at=hour(5),
             ingested_at="2026-06-01T04:59:55Z")
named("quality.latency_max_s", LATENCY4 + [skewed], "600", D(600),
      "The latencies of quality.latency_p50_s (30, 60, 90, 600 s) plus a record ingested 5 s before it was observed "
      "(clock skew): left out of the statistics and noted. By hand: max = 600 s, p50 still rank 2 of 4 = 60 s.",
      also={"quality.latency_p50_s": ("60", D(60))})
OUTLIER_RECS = [rec(f"o{h:02d}", hour(h), hour(h + 1), energy={"facility": amt("200" if h == 5 else "100", "kWh")})
       for h in range(12)]
named("quality.outlier_count", OUTLIER_RECS, "1",
      D(sum(1 for x in [D(100)] * 11 + [D(200)]
            if (12 * x - 1300) ** 2 * 11 > 9 * 12 * (12 * 150000 - 1300 ** 2))),
      "z-score test (default, t = 3) on the facility-energy series, 12 hourly samples: 11 × 100 and one 200 kWh/h. "
      "Exact form (n·x - S1)²·(n - 1) > t²·n·(n·S2 - S1²) with n = 12, S1 = 1300, S2 = 150000: right side 9 × 12 × "
      "(1800000 - 1690000) = 11880000; x = 200: (2400 - 1300)² × 11 = 13310000 > 11880000, flagged; x = 100: "
      "(1200 - 1300)² × 11 = 110000, not. By hand: 1 outlier (z = 3.18 for 200).")
named("quality.drift_detected",
      [rec(f"d{h}", hour(h), hour(h + 1), energy={"facility": amt(v, "kWh")})
       for h, v in enumerate(["100", "102", "98", "130", "131", "129"])],
      "1", D(1 if (390 - 300) ** 2 * 2 > 9 * 3 * (3 * 30008 - 300 ** 2) else 0),
      "Drift with a window of w = 3 samples (setting), k = 3: baseline 100, 102, 98 (B1 = 300, B2 = 30008), recent "
      "130, 131, 129 (R1 = 390). Exact form (R1 - B1)²·(w - 1) > k²·w·(w·B2 - B1²): 90² × 2 = 16200 > 9 × 3 × "
      "(90024 - 90000) = 648. By hand: drift detected, 1.",
      settings={"quality": {"drift_window": 3}})
named("quality.confidence",
      [rec("h1", hour(0), hour(1), energy={"facility": amt("100", "kWh")}, observed_at=hour(1),
           ingested_at=hour(3)),
       rec("h2", hour(1), hour(2), energy={"facility": amt("100", "kWh")}),
       rec("h4", hour(3), hour(4), energy={"facility": amt("100", "kWh")})],
      "0.7916666666666666666666666666666667",
      div(add(mul("0.3", div(3, 4)), mul("0.1", div(3600, 7200)), mul("0.2", 1)), add("0.3", "0.1", "0.2")),
      "Confidence = Σ w_i·x_i / Σ w_i over the components evaluated (default weights completeness 0.3, latency 0.1, "
      "outliers 0.2, drift 0.1). Completeness 3 of 4 hourly records = 0.75; latency p95 = 7200 s above the 3600 s "
      "target: 3600 / 7200 = 0.5; outliers 0 of 3 samples: 1; drift not evaluated (fewer than 2 × 24 samples), left "
      "out. By hand: (0.3 × 0.75 + 0.1 × 0.5 + 0.2 × 1) / (0.3 + 0.1 + 0.2) = 0.475 / 0.6 = "
      "0.7916666666666666666666666666666667.",
      also={"quality.completeness_pct": ("75", div(mul(100, 3), 4)), "quality.latency_p95_s": ("7200", D(7200))})

# --------------------------------------------------------------------------------------------
# metric: the scorecard (docs/methodology.md, "Scorecard")
# --------------------------------------------------------------------------------------------


def score_rec(g_per_kwh="400", util="60"):
    return [rec("s1", hour(0), hour(1),
                energy={"facility": amt("1300", "kWh"), "it": amt("1000", "kWh"), "grid_import": amt("1300", "kWh")},
                water={"withdrawal": amt("2500", "L")}, compute={"gpu_hours": amt("1000", "GPU-h")},
                hardware={"utilization_pct": util}, grid_intensity=[tou(hour(0), hour(1), g_per_kwh)])]


def clamp(x):
    return max(D(0), min(D(1), x))


def score_terms(g_per_kwh="400", util="60", w=("0.4", "0.2", "0.2", "0.2"), water_ref=5, pue_worst=2):
    c = mul(w[0], EXACT.subtract(D(1), clamp(div(div(mul(1300, div(g_per_kwh, 1000)), 1000), 1))))
    wa = mul(w[1], EXACT.subtract(D(1), clamp(div(div(2500, 1000), water_ref))))
    e = mul(w[2], EXACT.subtract(D(1), clamp(div(EXACT.subtract(div(1300, 1000), D(1)), EXACT.subtract(D(pue_worst), D(1))))))
    h = mul(w[3], clamp(div(util, 80)))
    return c, wa, e, h


SCORE_WHY = ("Score S = w_c·(1 - C/C_ref) + w_w·(1 - W/W_ref) + w_e·(1 - (PUE - 1)/(PUE_worst - 1)) + w_h·U/U_target, "
             "each normalisation clamped to [0, 1]; defaults w = 0.4/0.2/0.2/0.2, C_ref 1 kg/GPU-h, W_ref 5 L/GPU-h, "
             "PUE_worst 2, U_target 80 %. One hour: 1300 kWh facility = grid import at a time-of-use intensity of "
             "{g} gCO2e/kWh (no pack needed), 1000 kWh IT, 2500 L, 1000 GPU-h, utilisation {u} %: C = 1300 × {gk} / "
             "1000, W = 2.5, PUE = 1.3. By hand: ")
c, wa, e, h = score_terms()
named("score.sustainability", score_rec(), "0.582", add(c, wa, e, h),
      SCORE_WHY.format(g="400", u="60", gk="0.4") + "C = 0.52; 0.4 × (1 - 0.52) + 0.2 × (1 - 2.5/5) + 0.2 × (1 - 0.3/1) + "
      "0.2 × 60/80 = 0.192 + 0.1 + 0.14 + 0.15 = 0.582.",
      also={"score.carbon": ("0.192", c), "score.water": ("0.1", wa), "score.efficiency": ("0.14", e),
            "score.hardware": ("0.15", h), "carbon.per_gpu_hour_kgco2e": ("0.52", div(mul(1300, "0.4"), 1000))})
named("score.sustainability_pct", score_rec(), "58.2", mul(100, add(c, wa, e, h)),
      SCORE_WHY.format(g="400", u="60", gk="0.4") + "S = 0.192 + 0.1 + 0.14 + 0.15 = 0.582; × 100 = 58.2 points.")
c3, wa3, e3, h3 = score_terms(g_per_kwh="1000")
named("score.carbon", score_rec(g_per_kwh="1000"), "0", c3,
      SCORE_WHY.format(g="1000", u="60", gk="1") + "C = 1.3 kg/GPU-h > C_ref, so C/C_ref = 1.3 clamps to 1: "
      "0.4 × (1 - 1) = 0; S = 0 + 0.1 + 0.14 + 0.15 = 0.39.",
      also={"score.sustainability": ("0.39", add(c3, wa3, e3, h3)),
            "carbon.per_gpu_hour_kgco2e": ("1.3", div(mul(1300, 1), 1000))})
c4, wa4, e4, h4 = score_terms(water_ref=10)
named("score.water", score_rec(), "0.15", wa4,
      SCORE_WHY.format(g="400", u="60", gk="0.4") + "with the setting W_ref = 10 L/GPU-h (the other baselines keep "
      "their defaults): 0.2 × (1 - 2.5/10) = 0.2 × 0.75 = 0.15; S = 0.192 + 0.15 + 0.14 + 0.15 = 0.632.",
      settings={"score": {"water_reference_l_per_gpu_hour": "10"}},
      also={"score.sustainability": ("0.632", add(c4, wa4, e4, h4))})
c5, wa5, e5, h5 = score_terms(w=("0.25", "0.25", "0.25", "0.25"), pue_worst="1.5")
named("score.efficiency", score_rec(), "0.1", e5,
      SCORE_WHY.format(g="400", u="60", gk="0.4") + "with weights 0.25 each and PUE_worst = 1.5 (settings): "
      "0.25 × (1 - 0.3/0.5) = 0.25 × 0.4 = 0.1; S = 0.25 × 0.48 + 0.25 × 0.5 + 0.1 + 0.25 × 0.75 = 0.12 + 0.125 + "
      "0.1 + 0.1875 = 0.5325.",
      settings={"score": {"weights": {"carbon": "0.25", "water": "0.25", "efficiency": "0.25", "hardware": "0.25"},
                          "pue_worst": "1.5"}},
      also={"score.sustainability": ("0.5325", add(c5, wa5, e5, h5))})
c6, wa6, e6, h6 = score_terms(util="90")
named("score.hardware", score_rec(util="90"), "0.2", h6,
      SCORE_WHY.format(g="400", u="90", gk="0.4") + "U/U_target = 90/80 = 1.125 clamps to 1: 0.2 × 1 = 0.2; "
      "S = 0.192 + 0.1 + 0.14 + 0.2 = 0.632.",
      also={"score.sustainability": ("0.632", add(c6, wa6, e6, h6))})

# --------------------------------------------------------------------------------------------
# factor_selection: one vector per match level of the selector (docs/methodology.md, "Factor selection")
# --------------------------------------------------------------------------------------------

LOC = "carbon.scope2_location_kgco2e"


def selection(name, description, records, packs, hand, computed, factors, settings=None, overrides=None, also=None,
              groups=None):
    m = {LOC: None if hand is None else check(hand, computed, name)}
    for k, (hv, cv) in (also or {}).items():
        m[k] = None if hv is None else check(hv, cv, name + "/" + k)
    expected = {"metrics": m, "factors": {LOC: factors}, "problems": [], "rejected": 0}
    if groups:
        expected["groups"] = groups
    vector("factor_selection", "factor-selection-" + name, description, expected, input=records, factor_packs=packs,
           settings=settings, overrides=overrides)


def override(scope, scope_id, factor, reason):
    return {"scope": scope, "scope_id": scope_id, "factor": factor, "approved_by": "energy manager (test)",
            "approved_on": "2024-05-15", "reason": reason}


FRA9 = [de_rec("h1", 0, 1, "1000", fac="fra-9")]
selection("override",
          "Level override: approved overrides win over every published factor, activity-scoped, then facility-scoped, "
          "then organisation-scoped. fra-9 (DE, EU) has a facility-scoped override to Ember 2024 EU (213.31 gCO2e/kWh) "
          "and its organisation acme one to Ember 2024 world (473.05); without them Germany's 344.14 would apply. By "
          "hand: the facility override wins, 1000 kWh × 0.21331 = 213.31 kg.",
          FRA9, [EMBER], "213.31", mul(1000, "0.21331"), [EU], settings={"organisation_id": "acme"},
          overrides=[override("organisation", "acme", WORLD, "test: organisation default"),
                     override("facility", "fra-9", EU, "test: fra-9 contract priced at the EU average")])
selection("override-organisation",
          "Level override, organisation scope: settings organisation_id acme and one override approved for acme "
          "(Ember 2024 world, 473.05 gCO2e/kWh) win over the country factor (Germany 344.14). By hand: 1000 kWh × "
          "0.47305 = 473.05 kg.",
          FRA9, [EMBER], "473.05", mul(1000, "0.47305"), [WORLD], settings={"organisation_id": "acme"},
          overrides=[override("organisation", "acme", WORLD, "test: organisation default")])
selection("facility",
          "Level facility: a factor published for the facility itself (inline test pack acme-factors, fra-9 "
          "supplier mix 250 gCO2e/kWh, illustrative) wins over Ember 2024 Germany (country level, 344.14). By hand: "
          "1000 kWh × 0.25 = 250 kg.",
          FRA9, [ACME, EMBER], "250", mul(1000, "0.25"), [ACME_REF])
selection("grid_zone",
          "Level grid zone: dc-1 in eGRID subregion NWPP (country US). The zone's factor (eGRID2023 rev 2 NWPP CO2e "
          "635.267 lb/MWh, us-epa-egrid2023@1.0.0) wins over the country factors (eGRID U.S. total, Ember United "
          "States). CO2e used as published (no CH4/N2O for NWPP in the pack). By hand: 1 MWh × 635.267 × 0.45359237 = "
          "288.15226411279 kg.",
          [rec("h1", at(2023, 6, 1, 0), at(2023, 6, 1, 1), grid_zone="NWPP", country="US",
               energy={"grid_import": amt("1000", "kWh")})],
          [EGRID23, EMBER], "288.15226411279", lb_per_mwh_kg(1, "635.267"), [ref(EGRID23, "egrid2023.nwpp.co2e")])
selection("country",
          "Level country: dc-1 in DE (region EU), no grid zone (that level is skipped). Ember 2024 Germany 344.14 "
          "gCO2e/kWh (ember-grid-intensity-2024@1.0.0) wins over Ember's EU region and world factors. By hand: 1000 kWh "
          "× 0.34414 = 344.14 kg.",
          [de_rec("h1", 0, 1, "1000")], [EMBER], "344.14", mul(1000, "0.34414"), [DE])
selection("region",
          "Level region: dc-1 in PL (no Ember country factor for Poland in the pack), region EU: Ember 2024 EU "
          "213.31 gCO2e/kWh. By hand: 1000 kWh × 0.21331 = 213.31 kg.",
          [de_rec("h1", 0, 1, "1000", country="PL")], [EMBER], "213.31", mul(1000, "0.21331"), [EU])
selection("global",
          "Level global: dc-1 in ZA (no country factor, no region): Ember 2024 world 473.05 gCO2e/kWh. By hand: "
          "1000 kWh × 0.47305 = 473.05 kg.",
          [de_rec("h1", 0, 1, "1000", country="ZA", region=None)], [EMBER], "473.05", mul(1000, "0.47305"), [WORLD])
selection("fallback",
          "Level fallback: dc-1 in ZA with eGRID2023 (US only) and a last-resort factor (inline test pack "
          "acme-defaults, 500 gCO2e/kWh, illustrative); no facility, zone, country, region or global factor matches. "
          "By hand: 1000 kWh × 0.5 = 500 kg.",
          [de_rec("h1", 0, 1, "1000", country="ZA", region=None)], [DEFAULTS, EGRID23], "500", mul(1000, "0.5"),
          [DEFAULT_REF])
selection("closest-date",
          "Date rule: a 2026 record in DE; Ember's only German factor is valid for 2024, so the closest by date is used "
          "and flagged (and its confidence lowered). By hand: 1000 kWh × 0.34414 = 344.14 kg.",
          [rec("h1", at(2026, 6, 1, 0), at(2026, 6, 1, 1), country="DE", region="EU",
               energy={"grid_import": amt("1000", "kWh")})], [EMBER], "344.14", mul(1000, "0.34414"), [DE])
ERCT22_AR6 = add("771.083", mul("0.049", "27.9"), mul("0.007", 273))
selection("by-date",
          "Two editions of eGRID loaded; zone ERCT, 1 MWh on 2022-06-01 and 1 MWh on 2023-06-01: each record gets the "
          "edition valid on its day. 2022: eGRID2022 publishes CO2, CH4, N2O for ERCT, combined with AR6 (CH4 27.9, "
          "N2O 273): 771.083 + 0.049 × 27.9 + 0.007 × 273 = 774.3611 lb/MWh, × 0.45359237 = 351.244286584807 kg. 2023: "
          "eGRID2023 has no CH4/N2O for ERCT (the 2022 CH4 rate of another edition is never mixed in): published CO2e "
          "736.629 lb/MWh = 334.12929392073 kg. By hand: total 685.373580505537 kg.",
          [rec("y22", at(2022, 6, 1, 0), at(2022, 6, 1, 1), grid_zone="ERCT", energy={"grid_import": amt("1", "MWh")}),
           rec("y23", at(2023, 6, 1, 0), at(2023, 6, 1, 1), grid_zone="ERCT", energy={"grid_import": amt("1", "MWh")})],
          [EGRID22, EGRID23, GWP], "685.373580505537",
          add(lb_per_mwh_kg(1, ERCT22_AR6), lb_per_mwh_kg(1, "736.629")),
          [ref(EGRID22, "egrid2022.erct.co2"), ref(EGRID22, "egrid2022.erct.ch4"), ref(EGRID22, "egrid2022.erct.n2o"),
           GWP, ERCT23],
          groups=[{"facility_id": "dc-1", "period_start": "2022-06-01T00:00:00Z",
                   "metrics": {LOC: check("351.244286584807", lb_per_mwh_kg(1, ERCT22_AR6), "by-date-22")}},
                  {"facility_id": "dc-1", "period_start": "2023-06-01T00:00:00Z",
                   "metrics": {LOC: check("334.12929392073", lb_per_mwh_kg(1, "736.629"), "by-date-23")}}])
selection("none",
          "No level matches: eGRID2023 only (US) and a facility in ZA. Scope 2 is not computable (never 0) and says "
          "why; the electricity itself is still reported: 1000 kWh by hand.",
          [de_rec("h1", 0, 1, "1000", country="ZA", region=None)], [EGRID23], None, None, [],
          also={"carbon.scope2_market_kgco2e": (None, None), "activity.scope2_electricity_kwh": ("1000", D(1000))})

# --------------------------------------------------------------------------------------------
# scope2: location-based (annual, time of use) and every market-based tier
# --------------------------------------------------------------------------------------------

MKT = "carbon.scope2_market_kgco2e"


def scope2(name, description, records, packs, metrics, factors=None, settings=None, facilities=None, groups=None):
    expected = {"metrics": {k: None if v is None else check(v[0], v[1], name + "/" + k) for k, v in metrics.items()},
                "problems": [], "rejected": 0}
    if facilities:
        expected["facilities"] = {f: {k: check(v[0], v[1], name + "/" + f + "/" + k) for k, v in ms.items()}
                                  for f, ms in facilities.items()}
    if groups:
        expected["groups"] = groups
    if factors:
        expected["factors"] = factors
    vector("scope2", "scope2-" + name, description, expected, input=records, factor_packs=packs, settings=settings)


GRID_DE = "Ember 2024 Germany 344.14 gCO2e/kWh (ember-grid-intensity-2024@1.0.0, ember2024.deu.co2e)"
scope2("location-time-of-use-partial",
       "Time of use: a 2-hour record of 200 kWh in DE with an intensity for its first hour only (300 gCO2e/kWh): "
       "100 kWh per hour (split in proportion to time); the second hour is priced at the annual factor, " + GRID_DE
       + ", flagged. By hand: 100 × 0.3 + 100 × 0.34414 = 30 + 34.414 = 64.414 kg; intensity 64.414 / 200 = "
       "0.32207 kg/kWh.",
       [de_rec("h1", 0, 2, "200", grid_intensity=[tou(at(2024, 6, 1, 0), at(2024, 6, 1, 1), "300")])], [EMBER],
       {LOC: ("64.414", add(mul(100, "0.3"), mul(100, "0.34414"))),
        "carbon.grid_intensity_kgco2e_per_kwh": ("0.32207", div(add(mul(100, "0.3"), mul(100, "0.34414")), 200))},
       factors={LOC: [DE]})
scope2("location-time-of-use-only",
       "Time of use over the whole record (250 gCO2e/kWh for 1000 kWh in DE): location-based uses only the "
       "telemetry's intensity, so its lineage names no factor; market-based (no instrument) prices the uncovered "
       "1000 kWh at the grid average, " + GRID_DE + ". By hand: location 1000 × 0.25 = 250 kg; market 1000 × "
       "0.34414 = 344.14 kg.",
       [de_rec("h1", 0, 1, "1000", grid_intensity=[tou(at(2024, 6, 1, 0), at(2024, 6, 1, 1), "250")])], [EMBER],
       {LOC: ("250", mul(1000, "0.25")), MKT: ("344.14", mul(1000, "0.34414"))},
       factors={LOC: [], MKT: [DE]})
scope2("location-time-of-use-period-split",
       "Time of use across a month boundary: 200 kWh from 2024-06-30T23:00Z to 2024-07-01T01:00Z, 300 gCO2e/kWh in "
       "the June hour and 200 in the July hour; each month gets 100 kWh (in proportion to time). By hand: June "
       "100 × 0.3 = 30 kg, July 100 × 0.2 = 20 kg, total 50 kg.",
       [rec("x", "2024-06-30T23:00:00Z", "2024-07-01T01:00:00Z", country="DE", region="EU",
            energy={"grid_import": amt("200", "kWh")},
            grid_intensity=[tou("2024-06-30T23:00:00Z", "2024-07-01T00:00:00Z", "300"),
                            tou("2024-07-01T00:00:00Z", "2024-07-01T01:00:00Z", "200")])], [EMBER],
       {LOC: ("50", add(mul(100, "0.3"), mul(100, "0.2")))},
       groups=[{"facility_id": "dc-1", "period_start": "2024-06-01T00:00:00Z",
                "metrics": {LOC: check("30", mul(100, "0.3"), "tou-jun"), "activity.scope2_electricity_kwh": "100"}},
               {"facility_id": "dc-1", "period_start": "2024-07-01T00:00:00Z",
                "metrics": {LOC: check("20", mul(100, "0.2"), "tou-jul"), "activity.scope2_electricity_kwh": "100"}}])
scope2("location-inferred-electricity",
       "No /energy/grid_import: the Scope 2 electricity is facility minus on-site renewable energy (flagged), "
       "1200 - 200 = 1000 kWh, at " + GRID_DE + ". By hand: 1000 × 0.34414 = 344.14 kg.",
       [rec("h1", at(2024, 6, 1, 0), at(2024, 6, 1, 1), country="DE", region="EU",
            energy={"facility": amt("1200", "kWh"), "onsite_renewable": amt("200", "kWh")})], [EMBER],
       {LOC: ("344.14", mul(1000, "0.34414")), "activity.scope2_electricity_kwh": ("1000", D(1000))},
       factors={LOC: [DE]})
scope2("market-tier1-certificates",
       "Market tier 1: a guarantee of origin for 1 MWh (0 kg/kWh, market EU = the facility's region, vintage 2024) "
       "covers all 1000 kWh. By hand: market 1000 × 0 = 0 kg; location 1000 × 0.34414 = 344.14 kg (" + GRID_DE + ").",
       [de_rec("h1", 0, 1, "1000", contracts=[instrument("GO-EU-2024-1", "energy_attribute_certificate", "1", "0",
                                                         "EU", unit="MWh")])], [EMBER],
       {MKT: ("0", D(0)), LOC: ("344.14", mul(1000, "0.34414"))}, factors={MKT: []})
scope2("market-tier2-supplier",
       "Market tier 2: a supplier-specific rate of 150 gCO2e/kWh for 600 kWh (market DE); the other 400 kWh at the "
       "grid average (tier 4), " + GRID_DE + ". By hand: 600 × 0.15 + 400 × 0.34414 = 90 + 137.656 = 227.656 kg.",
       [de_rec("h1", 0, 1, "1000", contracts=[instrument("SUP-DE-1", "supplier_specific", "600", "150", "DE",
                                                         rate_unit="gCO2e/kWh")])], [EMBER],
       {MKT: ("227.656", add(mul(600, "0.15"), mul(400, "0.34414")))}, factors={MKT: [DE]})
scope2("market-tier3-residual-mix",
       "Market tier 3: a certificate covers 400 of 1000 kWh; the uncovered 600 kWh are priced at the residual mix "
       "(inline test pack acme-residual, DE 600 gCO2e/kWh, illustrative), not at the grid average. Location-based "
       "never uses a residual mix. By hand: market 600 × 0.6 = 360 kg; location 1000 × 0.34414 = 344.14 kg (" + GRID_DE
       + ").",
       [de_rec("h1", 0, 1, "1000", contracts=[instrument("GO-DE-2", "energy_attribute_certificate", "400", "0",
                                                         "DE")])], [EMBER, RESIDUAL],
       {MKT: ("360", mul(600, "0.6")), LOC: ("344.14", mul(1000, "0.34414"))},
       factors={MKT: [RESIDUAL_REF], LOC: [DE]})
scope2("market-tier4-grid-average",
       "Market tier 4: no instrument and no residual mix for DE, so all 1000 kWh are priced at the grid average (to "
       "be disclosed), " + GRID_DE + ". By hand: 1000 × 0.34414 = 344.14 kg, equal to location-based.",
       [de_rec("h1", 0, 1, "1000")], [EMBER],
       {MKT: ("344.14", mul(1000, "0.34414")), LOC: ("344.14", mul(1000, "0.34414"))}, factors={MKT: [DE]})
scope2("market-hierarchy",
       "All tiers in order: tier 1 first whatever the ids (Z-GO, 300 kWh at 0, market EU), then tier 2 (A-SUPPLIER, "
       "200 kWh at 0.25 kg/kWh, market DE), then the residual mix for the rest (acme-residual, DE 600 gCO2e/kWh, "
       "illustrative). By hand: 300 × 0 + 200 × 0.25 + (1000 - 300 - 200) × 0.6 = 0 + 50 + 300 = 350 kg.",
       [de_rec("h1", 0, 1, "1000", contracts=[instrument("A-SUPPLIER", "supplier_specific", "200", "0.25", "DE"),
                                              instrument("Z-GO", "energy_attribute_certificate", "300", "0", "EU")])],
       [EMBER, RESIDUAL], {MKT: ("350", add(mul(300, 0), mul(200, "0.25"), mul(500, "0.6")))},
       factors={MKT: [RESIDUAL_REF]})
scope2("market-excess-volume",
       "Two PPAs of one tier claim the consumption by instrument id, each kWh once: PPA-A (700 kWh at 0.1 kg/kWh) "
       "claims 700, PPA-B (700 kWh at 0.05) the remaining 300; its other 400 kWh are reported and not used. By hand: "
       "700 × 0.1 + 300 × 0.05 = 70 + 15 = 85 kg.",
       [de_rec("h1", 0, 1, "1000", contracts=[instrument("PPA-B", "ppa", "700", "0.05", "DE"),
                                              instrument("PPA-A", "ppa", "700", "0.1", "DE")])], [EMBER],
       {MKT: ("85", add(mul(700, "0.1"), mul(300, "0.05")))})
scope2("market-other-market",
       "Scope 2 Quality Criterion 5: a certificate issued in market SE does not cover a facility in DE/EU; it is not "
       "used, so all 1000 kWh go to the grid average, " + GRID_DE + ". By hand: 1000 × 0.34414 = 344.14 kg.",
       [de_rec("h1", 0, 1, "1000", contracts=[instrument("GO-SE-1", "energy_attribute_certificate", "1000", "0",
                                                         "SE")])], [EMBER],
       {MKT: ("344.14", mul(1000, "0.34414"))})
scope2("market-vintage-outside",
       "Scope 2 Quality Criterion 4: a certificate of vintage 2019 for consumption in 2024 is used and flagged (not "
       "refused). By hand: market 1000 × 0 = 0 kg.",
       [de_rec("h1", 0, 1, "1000", contracts=[instrument("GO-DE-2019", "energy_attribute_certificate", "1000", "0",
                                                         "DE", vintage=2019)])], [EMBER],
       {MKT: ("0", D(0))})
scope2("market-per-facility",
       "Instruments are allocated within their facility, never pooled: de-a (1000 kWh) holds a certificate for 1500 "
       "kWh (500 kWh excess, not used); de-b (1000 kWh) has none and is priced at the grid average, " + GRID_DE
       + ". By hand: de-a 0 kg, de-b 1000 × 0.34414 = 344.14 kg, total 0 + 344.14 = 344.14 kg (pooling would wrongly "
       "give 500 × 0.34414 = 172.07).",
       [de_rec("a1", 0, 1, "1000", fac="de-a", contracts=[instrument("GO-A", "energy_attribute_certificate", "1500", "0",
                                                                     "DE")]),
        de_rec("b1", 0, 1, "1000", fac="de-b")], [EMBER],
       {MKT: ("344.14", add(0, mul(1000, "0.34414")))},
       facilities={"de-a": {MKT: ("0", D(0))}, "de-b": {MKT: ("344.14", mul(1000, "0.34414"))}})
scope2("method-location",
       "Setting scope2_method location: the market-based result is not computed (not computable, with the reason); "
       "location-based 1000 × 0.34414 = 344.14 kg by hand (" + GRID_DE + ").",
       [de_rec("h1", 0, 1, "1000", contracts=[instrument("GO-DE-3", "energy_attribute_certificate", "600", "0",
                                                         "DE")])], [EMBER],
       {LOC: ("344.14", mul(1000, "0.34414")), MKT: None}, settings={"scope2_method": "location"})
scope2("method-market",
       "Settings scope2_method market and carbon_basis market: location-based is not computed, and carbon per "
       "GPU-hour divides the market-based total. A certificate covers 600 of 1000 kWh; the rest at " + GRID_DE
       + ". By hand: market 400 × 0.34414 = 137.656 kg; per GPU-hour (0 + 137.656) / 400 = 0.34414 kg/GPU-h.",
       [de_rec("h1", 0, 1, "1000", compute={"gpu_hours": amt("400", "GPU-h")},
               contracts=[instrument("GO-DE-4", "energy_attribute_certificate", "600", "0", "DE")])], [EMBER],
       {LOC: None, MKT: ("137.656", mul(400, "0.34414")),
        "carbon.per_gpu_hour_kgco2e": ("0.34414", div(mul(400, "0.34414"), 400))},
       settings={"scope2_method": "market", "carbon_basis": "market"})

# --------------------------------------------------------------------------------------------
# gwp: every GWP set and horizon (pack ipcc-gwp@1.0.0; docs/methodology.md, "Combining gases: GWP")
# --------------------------------------------------------------------------------------------

GWP_REC = [rec("g1", at(2023, 6, 1, 0), at(2023, 6, 1, 1), grid_zone="CAMX", energy={"grid_import": amt("1000", "kWh")},
               fuel=[{"fuel": DIESEL, "quantity": amt("150", "kg")}],
               refrigerant=[{"refrigerant": "r-410a", "released": amt("1", "kg")},
                            {"refrigerant": "hfc-134a", "released": amt("1", "kg")}])]
GWP_WHY = ("One hour of dc-1 in eGRID zone CAMX (2023): 1 MWh at eGRID2023 rev 2 CAMX CO2 428.464, CH4 0.025, N2O 0.003 "
           "lb/MWh (us-epa-egrid2023@1.0.0; its CO2e 429.983 is of an unstated GWP set, so the gases are combined "
           "with the chosen set); 150 kg diesel = 0.00015 Gg × 43 TJ/Gg = 0.00645 TJ at IPCC 2006 74100 kg CO2, 3 kg "
           "CH4, 0.6 kg N2O per TJ (ipcc-2006-stationary-combustion@1.0.0); 1 kg R-410A (50 % HFC-32 + 50 % HFC-125) "
           "and 1 kg HFC-134a. {set} {years}-year GWPs (ipcc-gwp@1.0.0, {table}): CH4 {ch4}, N2O {n2o}, HFC-32 {h32}, "
           "HFC-125 {h125}, HFC-134a {h134}. By hand: grid (428.464 + 0.025 × {ch4} + 0.003 × {n2o}) = {lb} lb/MWh × "
           "0.45359237 = {grid} kg; fuel 0.00645 × (74100 + 3 × {ch4} + 0.6 × {n2o}) = {fuel} kg; refrigerant "
           "0.5 × {h32} + 0.5 × {h125} + {h134} = {refr} kg; Scope 1 = {fuel} + {refr} = {s1} kg.")
for gset, years, table, ch4, n2o, h32, h125, h134, lb, grid, fuel, refr, s1 in [
        ("AR6", 100, "AR6 WG I Table 7.SM.7", "27.9", "273", "771", "3740", "1530",
         "429.9805", "195.035874048785", "479.541375", "3785.5", "4265.041375"),
        ("AR5", 100, "AR5 WG I Table 8.A.1, without climate-carbon feedbacks", "28", "265", "677", "3170", "1300",
         "429.959", "195.02612181283", "479.51235", "3223.5", "3703.01235"),
        ("AR4", 100, "AR4 WG I Table 2.14", "25", "298", "675", "3500", "1430",
         "429.983", "195.03700802971", "479.58201", "3517.5", "3997.08201"),
        ("AR6", 20, "AR6 WG I Table 7.SM.7", "81.2", "273", "2690", "6740", "4140",
         "431.313", "195.64028588181", "480.57273", "8855", "9335.57273"),
        ("AR4", 20, "AR4 WG I Table 2.14", "72", "289", "2330", "6350", "3830",
         "431.131", "195.55773207047", "480.45663", "8170", "8650.45663")]:
    lb_c = add("428.464", mul("0.025", ch4), mul("0.003", n2o))
    fuel_c = ipcc_diesel_150kg(ch4, n2o)
    refr_c = add(mul("0.5", h32), mul("0.5", h125), h134)
    name = f"gwp-{gset.lower()}-{years}"
    check(lb, lb_c, name + "/lb")
    vector("gwp", name,
           GWP_WHY.format(set=gset, years=years, table=table, ch4=ch4, n2o=n2o, h32=h32, h125=h125, h134=h134, lb=lb,
                          grid=grid, fuel=fuel, refr=refr, s1=s1),
           {"metrics": {LOC: check(grid, lb_per_mwh_kg(1, lb_c), name), "carbon.scope1_fuel_kgco2e": check(fuel, fuel_c, name),
                        "carbon.scope1_refrigerant_kgco2e": check(refr, refr_c, name),
                        "carbon.scope1_kgco2e": check(s1, add(fuel_c, refr_c), name)},
            "factors": {LOC: CAMX23, "carbon.scope1_fuel_kgco2e": IPCC_DIESEL}, "problems": [], "rejected": 0},
           input=GWP_REC, factor_packs=[EGRID23, IPCC06, GWP], settings={"gwp": {"set": gset, "horizon_years": years}})
vector("gwp", "gwp-ar5-20",
       "AR5 20-year: ipcc-gwp@1.0.0 ships no AR5 GWP-20 except CO2 (the values could not be verified), so every result "
       "needing a CH4, N2O or HFC value is refused (gwp_unavailable), never approximated from another set. By hand: "
       "nothing can be computed; grid (CH4, N2O), fuel and refrigerant are not computable. Same record as gwp-ar6-100.",
       {"metrics": {LOC: None, "carbon.scope1_fuel_kgco2e": None, "carbon.scope1_refrigerant_kgco2e": None,
                    "carbon.scope1_kgco2e": None}, "problems": [], "rejected": 0},
       input=GWP_REC, factor_packs=[EGRID23, IPCC06, GWP], settings={"gwp": {"set": "AR5", "horizon_years": 20}})
vector("gwp", "gwp-published-co2e-any-set",
       "A published CO2e rate of an unstated GWP set (eGRID2023 rev 2 ERCT 736.629 lb/MWh; no CH4/N2O for ERCT in the "
       "pack) is used as published under AR4 as under AR6, and flagged; it is never recomputed. By hand: 1 MWh × "
       "736.629 × 0.45359237 = 334.12929392073 kg.",
       {"metrics": {LOC: check("334.12929392073", lb_per_mwh_kg(1, "736.629"), "gwp-published")},
        "factors": {LOC: [ERCT23]}, "problems": [], "rejected": 0},
       input=[rec("h1", at(2023, 6, 1, 0), at(2023, 6, 1, 1), grid_zone="ERCT", energy={"grid_import": amt("1", "MWh")})],
       factor_packs=[EGRID23, GWP], settings={"gwp": {"set": "AR4", "horizon_years": 100}})

# --------------------------------------------------------------------------------------------
# benchmark: the seed's regression check: carbon within ±0.5 % of hand-computed values, a factor
# version on every lineage, a duplicate payload refused
# --------------------------------------------------------------------------------------------

TOL = "0.005"


def within(hand, exact, name):
    """A benchmark value: |exact - hand| <= 0.005 × |hand| (the seed's ±0.5 %)."""
    if abs(EXACT.subtract(D(exact), D(hand))) > mul(TOL, abs(D(hand))):
        raise SystemExit(f"{name}: {hand} is not within 0.5 % of {plain(exact)}")
    return hand


HUB_AR5 = add(mul(1000, "10.21"), mul(mul(1000, "0.00041"), 28), mul(mul(1000, "0.00008"), 265))
CFR_AR5 = add(mul(138, "73.96"), mul(mul(138, "0.003"), 28), mul(mul(138, "0.0006"), 265))
vector("benchmark", "benchmark-diesel-epa-hub",
       "1000 gal of diesel at a US facility, AR5 (the GWPs of the EPA Hub). Benchmark from the EPA GHG Emission Factors "
       "Hub 2025 Table 1 per-gallon factors (10.21 kg CO2, 0.41 g CH4, 0.08 g N2O per gal; AR5 CH4 28, N2O 265). By "
       "hand: 10210 + 0.41 × 28 + 0.08 × 265 = 10210 + 11.48 + 21.2 = 10242.68 kg. ecocalc's 40 CFR 98 per-mmBtu path "
       "gives, by hand, 138 mmBtu × 73.96 + 0.414 × 28 + 0.0828 × 265 = 10240.014 kg, 0.026 % lower (the Hub rounds its "
       "per-gallon factors), within the ±0.5 % tolerance.",
       {"metrics": {"carbon.scope1_fuel_kgco2e": within(check("10242.68", HUB_AR5, "hub"), CFR_AR5, "hub")},
        "factors": {"carbon.scope1_fuel_kgco2e": US_DIESEL}, "problems": [], "rejected": 0},
       input=[rec("gen-1", at(2026, 6, 1, 0), at(2026, 6, 1, 1), country="US",
                  fuel=[{"fuel": DIESEL, "quantity": amt("1000", "gal")}])],
       factor_packs=[CFR, GWP], settings={"gwp": {"set": "AR5", "horizon_years": 100}}, tolerance_rel=TOL)
vector("benchmark", "benchmark-egrid-published-co2e",
       "1000 MWh in eGRID zone CAMX over June 2023. Benchmark from eGRID2023 rev 2's published CAMX CO2e rate, "
       "429.983 lb/MWh (methodology example): by hand 1000 × 429.983 = 429983 lb × 0.45359237 = 195037.00802971 kg. "
       "ecocalc combines CAMX CO2, CH4, N2O with AR6 instead (428.464 + 0.025 × 27.9 + 0.003 × 273 = 429.9805 lb/MWh, "
       "by hand 195035.874048785 kg), 0.0006 % apart: within ±0.5 %. The lineage names each factor with its version.",
       {"metrics": {LOC: within(check("195037.00802971", lb_per_mwh_kg(1000, "429.983"), "egrid-bench"),
                                lb_per_mwh_kg(1000, "429.9805"), "egrid-bench")},
        "factors": {LOC: CAMX23}, "problems": [], "rejected": 0},
       input=[rec("m1", "2023-06-01T00:00:00Z", "2023-07-01T00:00:00Z", grid_zone="CAMX", country="US",
                  energy={"grid_import": amt("1000", "MWh")})],
       factor_packs=[EGRID23, GWP], tolerance_rel=TOL)
vector("benchmark", "benchmark-r410a-epa-hub",
       "100 kg of R-410A released, AR5. Benchmark from the EPA Hub Table 12 blend GWP, printed as 1924: by hand 100 × "
       "1924 = 192400 kg. ecocalc computes the blend exactly, 0.5 × 677 + 0.5 × 3170 = 1923.5 (ipcc-gwp@1.0.0, AR5), "
       "192350 kg by hand, 0.026 % lower: within ±0.5 %.",
       {"metrics": {"carbon.scope1_refrigerant_kgco2e": within(check("192400", mul(100, 1924), "r410a"),
                                                               mul(100, add(mul("0.5", 677), mul("0.5", 3170))), "r410a")},
        "factors": {"carbon.scope1_refrigerant_kgco2e": [GWP]}, "problems": [], "rejected": 0},
       input=[rec("leak-1", at(2026, 6, 1, 0), at(2026, 6, 1, 1),
                  refrigerant=[{"refrigerant": "r-410a", "released": amt("100", "kg")}])],
       factor_packs=[GWP], settings={"gwp": {"set": "AR5", "horizon_years": 100}}, tolerance_rel=TOL)

# One day of the benchmark facility fra-1 (examples/data/README.md), in three bands.
DAY = (2026, 3, 2)


def band(eid, h0, h1, facility, it, gpu, runs, requests, g_per_kwh=None, **more):
    r = rec(eid, at(*DAY, h0), at(*DAY, h1) if h1 < 24 else at(2026, 3, 3, 0), fac="fra-1", country="DE",
            region="EU", energy={"facility": amt(facility, "kWh"), "it": amt(it, "kWh"), "grid_import": amt(facility, "kWh")},
            compute={"gpu_hours": amt(gpu, "GPU-h"), "training_runs": runs, "inference_requests": requests}, **more)
    if g_per_kwh:
        r["grid_intensity"] = [tou(r["interval"]["start"], r["interval"]["end"], g_per_kwh)]
    return r


FRA_DAY = [
    band("night", 0, 8, "9200", "7200", "6144", "1", 32000, "310"),
    band("day", 8, 20, "15960", "12000", "9216", "1.5", 120000, "290",
         fuel=[{"fuel": DIESEL, "quantity": amt("150", "kg")}],
         refrigerant=[{"refrigerant": "hfc-134a", "released": amt("3.5", "kg")}]),
    band("evening", 20, 24, "4960", "3800", "3072", "0.5", 32000),
    rec("go-2026-03-02", at(*DAY, 0), at(2026, 3, 3, 0), fac="fra-1", src="fra-1-contracts", country="DE", region="EU",
        contracts=[instrument("GO-NO-2026-0042117", "energy_attribute_certificate", "15.06", "0", "EU", vintage=2026,
                              unit="MWh")])]
FRA_ASSETS = {"assets": [{"asset_id": "fra-1-hgx-h100", "facility_id": "fra-1", "quantity": 96, "gpus": 8,
                          "components": [{"activity": "gpu_nvidia_h100_80gb", "count": "8"},
                                         {"activity": "server_8xh100_excluding_gpus", "count": "1"}],
                          "lifetime_hours": "35040", "in_service": "2025-06-01T00:00:00Z"}]}
S1_DAY = add(ipcc_diesel_150kg("27.9", 273), mul("3.5", 1530))
LOC_DAY = add(mul(9200, "0.31"), mul(15960, "0.29"), mul(4960, "0.34414"))
TOTAL_DAY = add(S1_DAY, LOC_DAY)
EMB_DAY = div(mul(mul(96, 7012), 24), 35040)
S1_REFS = IPCC_DIESEL
ALL_REFS = IPCC_DIESEL + [DE]
vector("benchmark", "benchmark-day-fra-1",
       "One day (2026-03-02) of the benchmark facility fra-1 (examples/data/README.md) in three bands: night 00-08 "
       "9200 kWh at a time-of-use 310 gCO2e/kWh, day 08-20 15960 kWh at 290, evening 20-24 4960 kWh without an "
       "intensity (annual factor: Ember 2024 Germany 344.14, closest by date); 150 kg diesel (IPCC 2006, AR6), 3.5 kg "
       "HFC-134a (AR6 1530); a guarantee of origin for 15.06 MWh (EU); 96 HGX servers (7012 kg each, 35040 h). By hand: "
       "Scope 1 = 0.00645 × (74100 + 3 × 27.9 + 0.6 × 273) + 3.5 × 1530 = 479.541375 + 5355 = 5834.541375 kg; location "
       "9200 × 0.31 + 15960 × 0.29 + 4960 × 0.34414 = 2852 + 4628.4 + 1706.9344 = 9187.3344 kg; intensity 9187.3344 / "
       "30120; market 15060 × 0 + (30120 - 15060) × 0.34414 = 5182.7484 kg; per GPU-hour (5834.541375 + 9187.3344) / "
       "18432; per run / 3; per request / 184000; CUE / 23000 kWh IT; embodied 96 × 7012 × 24 / 35040. Every result "
       "names its factors with pack and factor versions.",
       {"metrics": {
           "carbon.scope1_kgco2e": check("5834.541375", S1_DAY, "day-s1"),
           "carbon.scope2_location_kgco2e": check("9187.3344", LOC_DAY, "day-loc"),
           "carbon.grid_intensity_kgco2e_per_kwh": check("0.3050243824701195219123505976095618", div(LOC_DAY, 30120),
                                                         "day-int"),
           "carbon.scope2_market_kgco2e": check("5182.7484", mul(15060, "0.34414"), "day-mkt"),
           "carbon.per_gpu_hour_kgco2e": check("0.8149889200846354166666666666666667", div(TOTAL_DAY, 18432), "day-gpu"),
           "carbon.per_training_run_kgco2e": check("5007.291925", div(TOTAL_DAY, 3), "day-run"),
           "carbon.per_inference_request_kgco2e": check("0.0816406292119565217391304347826087",
                                                        div(TOTAL_DAY, 184000), "day-req"),
           "carbon.cue_kgco2e_per_kwh": check("0.6531250336956521739130434782608696", div(TOTAL_DAY, 23000), "day-cue"),
           "carbon.embodied_kgco2e": check("461.0630136986301369863013698630137", EMB_DAY, "day-emb")},
        "factors": {"carbon.scope1_kgco2e": S1_REFS, "carbon.scope2_location_kgco2e": [DE],
                    "carbon.scope2_market_kgco2e": [DE], "carbon.per_gpu_hour_kgco2e": ALL_REFS,
                    "carbon.cue_kgco2e_per_kwh": ALL_REFS, "carbon.embodied_kgco2e": H100},
        "problems": [], "rejected": 0},
       input=FRA_DAY, factor_packs=[EMBER, IPCC06, GWP, EMB], assets=FRA_ASSETS, tolerance_rel=TOL)
GEN = rec("gen-test", at(*DAY, 10), at(*DAY, 11), fac="fra-1", country="DE", region="EU",
          fuel=[{"fuel": DIESEL, "quantity": amt("150", "kg")}])
GEN2 = rec("gen-test", at(*DAY, 10), at(*DAY, 11), fac="fra-1", country="DE", region="EU",
           fuel=[{"fuel": DIESEL, "quantity": amt("300", "kg")}])
LEAK = rec("leak-test", at(*DAY, 14), at(*DAY, 15), fac="fra-1", country="DE", region="EU",
           refrigerant=[{"refrigerant": "hfc-134a", "released": amt("3.5", "kg")}])
vector("benchmark", "benchmark-duplicate-exact",
       "The same payload twice (key fra-1-bms/gen-test, 150 kg diesel): an exact repeat counts once, with a "
       "duplicate_record warning. By hand: 0.00645 TJ × (74100 + 3 × 27.9 + 0.6 × 273) = 479.541375 kg (IPCC 2006, "
       "AR6), not twice that.",
       {"metrics": {"carbon.scope1_fuel_kgco2e": check("479.541375", ipcc_diesel_150kg("27.9", 273), "dup")},
        "factors": {"carbon.scope1_fuel_kgco2e": IPCC_DIESEL},
        "dataset": {"records": 1, "duplicates": 1, "conflicts": []},
        "problems": [{"record": 1, "code": "duplicate_record", "pointer": "", "severity": "warning"}], "rejected": 0},
       input=[GEN, GEN], factor_packs=[IPCC06, GWP], tolerance_rel=TOL)
vector("benchmark", "benchmark-duplicate-conflict",
       "A conflicting payload: key fra-1-bms/gen-test sent with 150 kg and with 300 kg of diesel. Both copies are "
       "refused and the key is named in the conflicts; nothing of either is counted. By hand: Scope 1 = the refrigerant "
       "alone, 3.5 kg HFC-134a × 1530 (AR6) = 5355 kg; the fuel part is not computable (no record reports /fuel).",
       {"metrics": {"carbon.scope1_kgco2e": check("5355", mul("3.5", 1530), "conflict"),
                    "carbon.scope1_fuel_kgco2e": None},
        "dataset": {"records": 1, "duplicates": 0, "conflicts": ["fra-1-bms/gen-test"]},
        "problems": [{"record": 0, "code": "conflicting_duplicate", "pointer": ""},
                     {"record": 1, "code": "conflicting_duplicate", "pointer": ""}], "rejected": 2},
       input=[GEN, GEN2, LEAK], factor_packs=[IPCC06, GWP], tolerance_rel=TOL)

# --------------------------------------------------------------------------------------------
# usage events ("input_kind": "usage_event"): the AI usage calculation (docs/methodology.md, "AI usage impact")
# --------------------------------------------------------------------------------------------
# The LLM and GPU-job vectors take their expected values from examples/data/usage_generate.py, an independent
# Python decimal model of the usage calculation (EcoLogits' formulas, the factors read from the shipped packs' JSON
# by factor id; products and sums exact, each division by 3600 rounded once to 34 digits half-even), imported here.
# The usage.* metric vectors are worked by hand below and checked against that model too.

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
_spec = importlib.util.spec_from_file_location("usage_generate", os.path.join(ROOT, "examples", "data", "usage_generate.py"))
U = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(U)
U.compute()

USAGE = "usage_event"
AI = "ai-inference@1.0.0"
USAGE_PACKS = [AI, "us-epa-egrid2023@1.0.0", "us-epa-egrid2022@1.0.0", EMBER, GWP]
USAGE_SETTINGS = {"group_by": [], "period": {"offset": "Z"}, "gwp": {"set": "AR6", "horizon_years": 100}}
USAGE_COUNTS = ["usage.events", "usage.calls", "usage.gpu_jobs", "usage.tokens_in", "usage.tokens_out",
                "usage.gpu_seconds"]
USAGE_PARTS = ["usage.energy_kwh", "usage.water_l", "usage.carbon_kgco2e", "usage.carbon_operational_kgco2e",
               "usage.carbon_embodied_kgco2e"]
MODEL = ("Expected values: computed independently of ecocalc by examples/data/usage_generate.py (Python decimal: "
         "products and sums exact, each division by 3600 rounded once to 34 significant digits, half-even) from the "
         "formulas of docs/methodology.md ('AI usage impact') and the factors of the shipped packs, read from their "
         "JSON by factor id; imported by test-vectors/tools/make_vectors.py. Flags and problems by the rules of that "
         "section and of the usage event format.")


def usage_metrics(events, ids):
    """Every usage metric id of the total of these events (ids: their keys in usage_generate's RESULTS): the counts,
    and each part's low, central and high sums; null (not computable) when an event lacks the part."""
    m = U.counts(events)
    t = U.totals(ids)
    out = {k: m[k] for k in USAGE_COUNTS}
    for mid in USAGE_PARTS:
        for suffix in ("_low", "", "_high"):
            out[mid + suffix] = t.get(mid + suffix)
    return out


def usage_vector(category, name, description, events, expected, settings=None, factor_packs=None,
                 expected_from="source", overrides=None):
    vector(category, name, description, expected, input=events, input_kind=USAGE,
           settings=settings if settings is not None else USAGE_SETTINGS,
           factor_packs=factor_packs if factor_packs is not None else USAGE_PACKS, expected_from=expected_from,
           overrides=overrides)


def usage_ok(events, ids, flags, **more):
    e = {"metrics": usage_metrics(events, ids), "flags": flags, "problems": [], "rejected": 0}
    e.update(more)
    return e


EV = {e["external_event_id"]: e for e in U.EVENTS}
E1 = EV["resp-001"]
ACME_SITES = {"inline": U.seal(U.ACME)}

usage_vector("usage", "usage-llm-gpt-4o-provider-default-us",
             "One gpt-4o call (OpenAI), 350 output tokens, no place given: the provider's default serving country (US,"
             " EcoLogits) applies (flag provider_default_location). Parameters (ai-inference): active 44/88/132 billion,"
             " total 440 billion -> GPUs = 2^ceil(log2 ceil(0.03 x 440 = 13.2)) = 16 at every bound. Central: GPU energy"
             " per token 16 x (5.6941388707341195e-7 x 88 + 4.052928146734005e-5) Wh; latency per token"
             " 6.785088094353663e-4 x 88 + 0.0394373035742782446 s; server share 16 x latency x 0.00234375 kW / 3600;"
             " E_IT = 350 x (GPU + server share) kWh; energy = E_IT x PUE 1.2; water = E_IT x (0.569 + 1.2 x 3.1321) L;"
             " operational carbon = energy x US grid (eGRID2023, the closest by date for 2024: flag factor_date_flagged;"
             " gases combined with AR6: (767.209 + 0.057 x 27.9 + 0.008 x 273) lb/MWh x 0.45359237 / 1000 = "
             + U.s(U.EF["US"]) + " kg/kWh); embodied = 350 x 16 x latency x 0.0005859375 kg/GPU-h / 3600. Low and high:"
             " the same at active 44 and 132 billion. E_IT central = " + U.s(U.RESULTS["resp-001"]["it"][1]) + " kWh. "
             + MODEL,
             [E1], usage_ok([E1], ["resp-001"], {"provider_default_location": 1, "factor_date_flagged": 1}))
usage_vector("usage", "usage-llm-mistral-large-se",
             "One mistral-large-latest call (Mistral AI), 700 output tokens, no place: Mistral's default location is"
             " Sweden (EcoLogits: Microsoft, SWE; flag provider_default_location). Dense model, 123 billion parameters"
             " (model card via EcoLogits): GPUs = 2^ceil(log2 ceil(0.03 x 123 = 3.69)) = 4; PUE 1.16, on-site WUE"
             " 0.09 L/kWh, Swedish electricity water 6.0315 L/kWh, Ember 2024 SE 35.82 g/kWh used as published (valid"
             " for 2024: no date flag). No published range: low = central = high. Energy = 700 x 4 x"
             " [(5.6941388707341195e-7 x 123 + 4.052928146734005e-5) Wh + latency x 2.34375 W / 3600] x 1.16,"
             " latency = 6.785088094353663e-4 x 123 + 0.0394373035742782446 s. " + MODEL,
             [EV["resp-007"]], usage_ok([EV["resp-007"]], ["resp-007"], {"provider_default_location": 1}))
usage_vector("usage", "usage-llm-claude-sonnet-4-de-ranges",
             "One claude-sonnet-4-20250514 call (Anthropic) in eu-central-1, country DE, 650 output tokens. EcoLogits'"
             " Anthropic defaults are ranges: PUE 1.09-1.14 (central 1.115), WUE 0.13-0.99 L/kWh (central 0.56); the"
             " model 44/88/132 billion active, 440 total (16 GPUs). Grid: Ember 2024 DE 344.14 g/kWh; electricity"
             " water DE 1.947 L/kWh. Low = all low ends, high = all high ends (every formula is non-decreasing in every"
             " input). Energy low = 650 x e_token(44 billion) x 1.09, high = 650 x e_token(132 billion) x 1.14. The"
             " place is given and every factor is valid on the day: no flag. " + MODEL,
             [EV["resp-012"]], usage_ok([EV["resp-012"]], ["resp-012"], {}))
usage_vector("usage", "usage-llm-unknown-model-size-class",
             "A model no pack knows (gpt-9-experimental from OpenAI, 100 output tokens): the size class 'unknown'"
             " (fallback, low confidence; flag unknown_model) applies: active 8/88/600 billion, total 8/440/2000"
             " billion, so GPUs = 1 (low: ceil(0.03 x 8 = 0.24) = 1), 16 (central: 13.2 -> 14 -> 16), 64 (high: 60 ->"
             " 64). OpenAI PUE 1.2, WUE 0.569, US by default (flag provider_default_location), eGRID2023 for 2024 (flag"
             " factor_date_flagged). The range spans two orders of magnitude: that is the honest answer. " + MODEL,
             [U.UNKNOWN], usage_ok([U.UNKNOWN], ["resp-unknown"], {"provider_default_location": 1, "unknown_model": 1,
                                                                   "factor_date_flagged": 1}))
usage_vector("usage", "usage-llm-gpt-4o-organisation-override",
             "One gpt-4o call of organisation acme, 500 output tokens, with an approved organisation-scoped override"
             " of llm_active_parameters:gpt-4o = 100 billion (a point value) from acme's own pack (flag override_used)."
             " The override wins over the pack's 44/88/132 range, so low = central = high: GPUs 16 (total 440 from"
             " ai-inference), energy = 500 x 16 x [(5.6941388707341195e-7 x 100 + 4.052928146734005e-5) Wh +"
             " (6.785088094353663e-4 x 100 + 0.0394373035742782446) s x 2.34375 W / 3600] x 1.2. US by default,"
             " eGRID2023 for 2024 (flags provider_default_location, factor_date_flagged). " + MODEL,
             [U.OVERRIDE_EVENT],
             usage_ok([U.OVERRIDE_EVENT], ["resp-override"], {"override_used": 1, "provider_default_location": 1,
                                                              "factor_date_flagged": 1}),
             factor_packs=USAGE_PACKS + [{"inline": U.seal(U.ACME_MODELS)}],
             overrides=[{"scope": "organisation", "scope_id": "acme", "factor": "acme-models@1.0.0:acme.gpt-4o.active@1",
                         "approved_by": "acme sustainability lead", "approved_on": "2024-11-01",
                         "reason": "deployment size from the contract annex"}])
usage_vector("usage", "usage-gpu-job-h100-site-factors",
             "One GPU job: 28,800 GPU-seconds (8 GPUs x 1 h) on nvidia-h100-sxm at facility iad-gpu-1 (US), no measured"
             " energy: E_IT = 28800 x (700 W TDP + 150 W host share) / 3600 = 6.8 kWh (an upper bound: TDP, flag"
             " gpu_power_tdp). The organisation's site pack (inline, illustrative) gives PUE 1.25 and WUE 0.4 L/kWh at"
             " facility level (they win over the industry fallback). Energy 6.8 x 1.25 = 8.5 kWh; water 6.8 x (0.4 +"
             " 1.25 x 3.1321) = " + U.s(U.RESULTS["job-101"]["water"][1]) + " L; operational 8.5 x " + U.s(U.EF["US"])
             + " kg (eGRID2023 for 2024: flag factor_date_flagged); embodied 28800 x 0.0375 kg/GPU-h / 3600 = 0.3 kg. "
             + MODEL,
             [EV["job-101"]], usage_ok([EV["job-101"]], ["job-101"], {"gpu_power_tdp": 1, "factor_date_flagged": 1}),
             factor_packs=USAGE_PACKS + [ACME_SITES])
usage_vector("usage", "usage-gpu-job-a100-no-embodied",
             "One GPU job: 7,200 GPU-seconds on nvidia-a100-sxm at facility sto-gpu-2 (SE): E_IT = 7200 x 400 W / 3600"
             " = 0.8 kWh (TDP, flag gpu_power_tdp; the pack gives no host power and no embodied factor for the A100,"
             " flags host_power_not_counted and embodied_not_counted). PUE 1.12 and WUE 0.05 from the site pack (inline,"
             " illustrative); Ember 2024 SE 35.82 g/kWh. Carbon = operational only; usage.carbon_embodied_kgco2e (low,"
             " central and high) is not computable. " + MODEL,
             [EV["job-103"]], usage_ok([EV["job-103"]], ["job-103"], {"embodied_not_counted": 1, "gpu_power_tdp": 1,
                                                                      "host_power_not_counted": 1}),
             factor_packs=USAGE_PACKS + [ACME_SITES])
GROUPED = [EV["resp-001"], EV["resp-002"], EV["resp-003"], EV["resp-004"], EV["resp-009"]]
usage_vector("usage", "usage-group-by-model-day",
             "Five OpenAI calls of 2024-11-12 grouped by model and day (UTC): gpt-4o (350, 500 and 400 output"
             " tokens; the third names country US and region eastus, the same grid as the default) and gpt-4o-mini (180"
             " and 600 output tokens; 8/18/28 billion, dense: GPUs 1/1/1 since ceil(0.03 x 28) = 1). Each group is the"
             " exact sum of its events, low with low and high with high; metrics is the total of all five. Flags: four"
             " calls name no place (provider_default_location 4), all five use eGRID2023 in 2024 (factor_date_flagged"
             " 5), resp-004 has 15,000 input tokens, at least 10,000 (long_input 1). " + MODEL,
             GROUPED,
             usage_ok(GROUPED, [e["external_event_id"] for e in GROUPED],
                      {"provider_default_location": 4, "factor_date_flagged": 5, "long_input": 1},
                      groups=[{"key": {"model": model}, "period_start": U.DAY + "T00:00:00Z",
                               "period_end": "2024-11-13T00:00:00Z",
                               "metrics": usage_metrics([EV[i] for i in ids], ids)}
                              for model, ids in (("gpt-4o", ["resp-001", "resp-002", "resp-009"]),
                                                 ("gpt-4o-mini", ["resp-003", "resp-004"]))],
                      group_count=2),
             settings={"group_by": ["model", "day"], "period": {"offset": "Z"},
                       "gwp": {"set": "AR6", "horizon_years": 100}})
BAD_EVENTS = [
    {"source_id": "acme-gateway", "external_event_id": "bad-1", "kind": "llm_call", "provider": "openai",
     "model": "gpt-4o", "tokens_out": 10, "started_at": U.DAY + "T08:00:00Z", "attributes": {"prompt_hash": "ab12"}},
    {"source_id": "acme-gateway", "external_event_id": "bad-2", "kind": "llm_call", "provider": "openai",
     "model": "gpt-4o", "tokens_out": -5, "started_at": U.DAY + "T08:00:00Z"},
    {"source_id": "acme-gateway", "external_event_id": "bad-3", "kind": "gpu_job", "gpu_seconds": "60",
     "started_at": U.DAY + "T08:00:00", "accelerator": "nvidia-h100-sxm"},
    {"source_id": "acme-gateway", "external_event_id": "bad-4", "kind": "llm_call", "provider": "openai",
     "tokens_out": 10, "started_at": U.DAY + "T08:00:00Z", "ended_at": U.DAY + "T07:59:59Z"},
    {"source_id": "acme-gateway", "external_event_id": "bad-5", "kind": "llm_call", "provider": "openai",
     "model": "gpt-4o", "tokens_out": 10, "started_at": U.DAY + "T08:00:00Z", "completion": "hello"},
    E1,
]
usage_vector("bad_input", "usage-bad-input",
             "Five refused usage events and one good one (the gpt-4o call of usage-llm-gpt-4o-provider-default-us)."
             " Refused, each with its code and pointer into the event (usage-event.v1.json and the reader's rules): an"
             " attribute name containing 'prompt' (content_attribute at /attributes/prompt_hash), a negative token count"
             " (negative_value at /tokens_out), a timestamp without offset (timestamp_without_offset at /started_at), an"
             " llm_call without model that ends before it starts (missing_field at /model, then interval_not_positive"
             " at /ended_at), and a 'completion' field (unknown_field at /completion). Only the good event is counted,"
             " and its numbers are those of usage-llm-gpt-4o-provider-default-us. " + MODEL,
             BAD_EVENTS,
             usage_ok([E1], ["resp-001"], {"provider_default_location": 1, "factor_date_flagged": 1},
                      problems=[{"record": 0, "code": "content_attribute", "pointer": "/attributes/prompt_hash"},
                                {"record": 1, "code": "negative_value", "pointer": "/tokens_out"},
                                {"record": 2, "code": "timestamp_without_offset", "pointer": "/started_at"},
                                {"record": 3, "code": "missing_field", "pointer": "/model"},
                                {"record": 3, "code": "interval_not_positive", "pointer": "/ended_at"},
                                {"record": 4, "code": "unknown_field", "pointer": "/completion"}],
                      rejected=5))

# usage.* metric ids: one vector named after each, worked by hand.
# Counts (no factor pack: the impacts are not computable, never 0). Two LLM calls, two GPU jobs, and an exact
# repeat of the first call, which is counted once (warning duplicate_record, pointer "" : the whole event).


def llm_event(eid, t, provider, model, tin, tout, **more):
    e = {"source_id": "acme-gateway", "external_event_id": eid, "kind": "llm_call", "provider": provider,
         "model": model, "tokens_in": tin, "tokens_out": tout, "started_at": U.DAY + "T" + t + "Z"}
    e.update(more)
    return e


def gpu_event(eid, t, gpu_seconds, **more):
    e = {"source_id": "acme-scheduler", "external_event_id": eid, "kind": "gpu_job", "gpu_seconds": gpu_seconds,
         "started_at": U.DAY + "T" + t + "Z"}
    e.update(more)
    return e


COUNT_EVENTS = [llm_event("c-1", "08:00:00", "openai", "gpt-4o", 1200, 350),
                llm_event("c-2", "09:00:00", "anthropic", "claude-haiku-4-5", 800, 120),
                gpu_event("j-1", "10:00:00", "5400.5", accelerator="nvidia-h100-sxm"),
                gpu_event("j-2", "11:00:00", "1800", accelerator="nvidia-a100-sxm")]
COUNT_EVENTS.append(dict(COUNT_EVENTS[0]))
COUNTED = COUNT_EVENTS[:4]
COUNT_WHY = ("Usage events c-1, c-2 (LLM calls: 1200 and 800 input tokens, 350 and 120 output tokens), j-1, j-2 (GPU jobs: "
             "5400.5 and 1800 GPU-seconds), then c-1 again, identical: an exact repeat, counted once (warning "
             "duplicate_record at record 4, pointer \"\"). No factor pack, so no impact is computable (null, never 0). ")
COUNT_HAND = {
    "usage.events": ("4", "By hand: 5 events read - 1 repeat = 4 counted (c-1, c-2, j-1, j-2)."),
    "usage.calls": ("2", "By hand: the llm_call events counted, c-1 and c-2: 2 (the repeat of c-1 is not counted)."),
    "usage.gpu_jobs": ("2", "By hand: the gpu_job events counted, j-1 and j-2: 2."),
    "usage.tokens_in": ("2000", "By hand: Σ tokens_in of the counted calls = 1200 + 800 = 2000."),
    "usage.tokens_out": ("470", "By hand: Σ tokens_out of the counted calls = 350 + 120 = 470."),
    "usage.gpu_seconds": ("7200.5", "By hand: Σ gpu_seconds of the counted jobs = 5400.5 + 1800 = 7200.5 GPU-s, exact."),
}
for mid, (hand, why) in COUNT_HAND.items():
    value = check(hand, D(U.counts(COUNTED)[mid]), mid)
    metrics_ = {mid: value}
    if mid == "usage.events":
        metrics_.update({"usage.energy_kwh": None, "usage.water_l": None, "usage.carbon_kgco2e": None})
    usage_vector("metric", mid, COUNT_WHY + why, COUNT_EVENTS,
                 {"metrics": metrics_, "problems": [{"record": 4, "code": "duplicate_record", "pointer": "",
                                                    "severity": "warning"}], "rejected": 0},
                 factor_packs=[], expected_from="hand")

# Impacts: one GPU job with measured energy at gpu-lab (SE), whose own PUE and WUE come as ranges from a small inline
# test pack (illustrative values, no published source).
LAB = {"inline": U.seal({
    "format": "ecocalc.factor-pack.v1", "pack_id": "acme-lab", "version": "1.0.0",
    "title": "Acme: PUE and on-site WUE of its GPU lab, as ranges (test data)", "publisher": "Acme (test data)",
    "maintainer": "ecocalc test vectors", "licence": {"id": "CC0-1.0", "name": "CC0 1.0 Universal"},
    "citation_only": False,
    "sources": [{"source_id": "acme", "citation": "Acme lab metering (test data).", "url": "https://example.org/acme"}],
    "factors": [{"factor_id": "acme.gpu-lab." + kind, "version": 1, "effective_date": "2024-01-01",
                 "expiry_date": "2025-01-01", "scope": "none", "category": "ai_inference",
                 "activity_type": "datacenter_" + kind, "region": {"level": "facility", "code": "gpu-lab"},
                 "value": c, "value_low": lo, "value_high": hi, "unit": unit, "source_ref": "acme",
                 "source_dataset": "Acme test values", "source_table": "-", "source_edition": "test",
                 "source_year": 2024, "source_url": "https://example.org/acme", "confidence": "medium",
                 "illustrative": True}
                for kind, lo, c, hi, unit in (("pue", "1.1", "1.2", "1.3", "kWh/kWh"), ("wue", "0.2", "0.5", "0.8", "L/kWh"))]})}
LAB_JOB = gpu_event("lab-1", "03:00:00", "14400", ended_at=U.DAY + "T04:00:00Z", accelerator="nvidia-h100-sxm",
                    measured_energy={"value": "3100", "unit": "Wh"}, facility_id="gpu-lab", country="SE")
U.RESULTS["lab-1"] = U.job(14400, None, None, U.v("ecologits.h100-sxm.embodied_per_gpu_hour"),
                           (D("1.1"), D("1.2"), D("1.3")), (D("0.2"), D("0.5"), D("0.8")), "SE", measured=D("3.1"))
LAB_MODEL = U.totals(["lab-1"])
LAB_WHY = ("One GPU job at facility gpu-lab (SE), 14,400 GPU-seconds on nvidia-h100-sxm, with measured energy 3100 Wh ="
           " 3.1 kWh (Wh -> kWh x 0.001), taken as its IT energy (flag measured_energy; docs/methodology.md, 'GPU job')."
           " The lab's own factors (inline test pack acme-lab, illustrative): PUE 1.2 (range 1.1 to 1.3), on-site WUE"
           " 0.5 L/kWh (range 0.2 to 0.8); ai-inference: Swedish electricity water 6.0315 L/kWh, H100 SXM embodied"
           " 0.0375 kg/GPU-h; Ember 2024 SE 35.82 g/kWh = 0.03582 kg/kWh. Low: all low ends, high: all high ends. ")
LAB_HAND = {
    "usage.energy_kwh": (("3.41", "3.72", "4.03"),
                         "By hand: energy = E_IT x PUE = 3.1 x 1.1 = 3.41, 3.1 x 1.2 = 3.72, 3.1 x 1.3 = 4.03 kWh."),
    "usage.water_l": (("21.187415", "23.98718", "26.786945"),
                      "By hand: water = E_IT x (WUE + PUE x 6.0315): 3.1 x (0.2 + 1.1 x 6.0315) = 3.1 x 6.83465 ="
                      " 21.187415; 3.1 x (0.5 + 7.2378) = 3.1 x 7.7378 = 23.98718; 3.1 x (0.8 + 7.84095) = 3.1 x 8.64095"
                      " = 26.786945 L."),
    "usage.carbon_operational_kgco2e": (("0.1221462", "0.1332504", "0.1443546"),
                                        "By hand: operational carbon = energy x 0.03582: 3.41 x 0.03582 = 0.1221462,"
                                        " 3.72 x 0.03582 = 0.1332504, 4.03 x 0.03582 = 0.1443546 kg."),
    "usage.carbon_embodied_kgco2e": (("0.15", "0.15", "0.15"),
                                     "By hand: embodied = GPU-seconds x M / 3600 = 14400 x 0.0375 / 3600 = 0.15 kg"
                                     " (a point value: low = central = high)."),
    "usage.carbon_kgco2e": (("0.2721462", "0.2832504", "0.2943546"),
                            "By hand: carbon = operational + embodied: 0.1221462 + 0.15 = 0.2721462,"
                            " 0.1332504 + 0.15 = 0.2832504, 0.1443546 + 0.15 = 0.2943546 kg."),
}
for mid, (hand, why) in LAB_HAND.items():
    m = {}
    for suffix, h in zip(("_low", "", "_high"), hand):
        m[mid + suffix] = check(h, D(LAB_MODEL[mid + suffix]), mid + suffix)
    usage_vector("metric", mid, LAB_WHY + why + " The same values come out of examples/data/usage_generate.py's model.",
                 [LAB_JOB], {"metrics": m, "flags": {"measured_energy": 1}, "problems": [], "rejected": 0},
                 factor_packs=USAGE_PACKS + [LAB], expected_from="hand")

# Settings: group_by with a day starting at +02:00 and a range of started_at, counts only (no pack).
OFFSET_EVENTS = [llm_event("o-1", "21:30:00", "openai", "gpt-4o", 10, 100, team_id="a"),
                 llm_event("o-2", "22:30:00", "openai", "gpt-4o", 10, 200, team_id="a"),
                 llm_event("o-3", "21:59:59", "openai", "gpt-4o", 10, 300, team_id="b"),
                 llm_event("o-4", "22:00:00", "openai", "gpt-4o", 10, 400, team_id="b"),
                 llm_event("o-5", "12:00:00", "openai", "gpt-4o", 10, 50)]
OFFSET_EVENTS[0]["started_at"] = "2024-11-11T21:30:00Z"
OFFSET_EVENTS[1]["started_at"] = "2024-11-11T22:30:00Z"


def offset_group(team, n, tokens_out):
    return {"key": {"team": team}, "period_start": "2024-11-11T22:00:00Z", "period_end": "2024-11-12T22:00:00Z",
            "metrics": {"usage.events": str(n), "usage.tokens_out": str(tokens_out)}}


usage_vector("settings", "usage-settings-group-by-team-day-offset-range",
             "Usage settings: group_by team and day, days starting at +02:00 (period.offset), counting only the events"
             " that start in [from, to) = [2024-11-12T00:00:00+02:00, 2024-11-13T00:00:00+02:00) = [2024-11-11T22:00:00Z,"
             " 2024-11-12T22:00:00Z). An event is counted whole in the period of its started_at. By hand: o-1"
             " (2024-11-11T21:30:00Z, 23:30 local on the 11th) starts before from and o-4 (2024-11-12T22:00:00Z) at to:"
             " neither is counted. o-2 (22:30Z on the 11th = 00:30 local on the 12th, team a, 200 output tokens), o-3"
             " (21:59:59Z, team b, 300) and o-5 (12:00Z, no team, 50) fall in the local day 2024-11-12, which is"
             " [2024-11-11T22:00:00Z, 2024-11-12T22:00:00Z). Groups (absent team first): no team 1 event, 50 tokens; a"
             " 1 event, 200; b 1 event, 300. Total: 3 events, 50 + 200 + 300 = 550 output tokens. No factor pack: counts"
             " only.",
             OFFSET_EVENTS,
             {"metrics": {"usage.events": "3", "usage.tokens_out": check("550", add(50, 200, 300), "offset")},
              "groups": [offset_group(None, 1, 50), offset_group("a", 1, 200), offset_group("b", 1, 300)],
              "group_count": 3, "problems": [], "rejected": 0},
             settings={"group_by": ["team", "day"], "period": {"offset": "+02:00", "from": "2024-11-12T00:00:00+02:00",
                                                               "to": "2024-11-13T00:00:00+02:00"}},
             factor_packs=[], expected_from="hand")

for name, settings, pointer, why in (
        ("usage-bad-settings-group-by", {"group_by": ["model", "week"]}, "/settings/group_by/1",
         "group_by takes dimension ids (organisation, team, user, provider, model, region) and at most one of day,"
         " month, quarter, year: 'week' is none of them"),
        ("usage-bad-settings-period-unit", {"period": {"unit": "day"}}, "/settings/period/unit",
         "a usage vector groups time with group_by, not period.unit (period gives only offset, from and to)"),
        ("usage-bad-settings-member", {"wue_basis": "cooling"}, "/settings/wue_basis",
         "wue_basis is a telemetry setting that the usage calculation does not read; a usage vector's settings are"
         " group_by, period, gwp and organisation_id")):
    usage_vector("bad_settings", name, "Invalid usage settings: " + why + ". The whole vector fails with"
                 " invalid_settings at " + pointer + " (a pointer into the vector); nothing is computed.",
                 [E1], {"error": {"code": "invalid_settings", "pointer": pointer}}, settings=settings,
                 factor_packs=[], expected_from="hand")


# ============================================================================================
# Alerts, the what-if simulator and report validation ("input_kind" alert, scenario,
# report_validation; docs/test-vectors.md, decision 0311). The inputs are sensor readings, scenario
# files and tiny report documents (report.v1.json) written out below. Every number is worked by
# hand in the vector's description from docs/alerts.md, docs/methodology.md ("What-if simulator",
# "Sensor drift") and docs/validation.md, typed in below, and recomputed here with Python's decimal
# module (each division and each compounding step rounded once to 34 digits, half-even; products
# and sums exact) before a file is written. Alert ids and run-manifest hashes are computed here with
# hashlib from the RFC 8785 canonical JSON (json.dumps with sorted keys for these ASCII documents).
# ============================================================================================

ENGINE = {"name": "ecocalc", "version": "0.1.0-SNAPSHOT"}
# docs/alerts.md, "Rules and defaults" and "Settings": the canonical alert settings, every member present.
ALERT_THRESHOLDS = {"carbon_intensity_max": "0.4", "carbon_intensity_spike": "1.25", "wue_max": "1.8",
                    "water_per_gpu_hour_max": "2", "reclaimed_water_min": None, "pue_max": "1.5",
                    "cooling_energy_pct_max": "30", "chiller_cop_min": "3", "sensor_drift": "3",
                    "room_co2_max": "1000", "room_co2_critical": "5000", "room_temperature_max": "27",
                    "room_temperature_critical": "32", "room_temperature_min": "18"}


def alert_settings(**thresholds):
    t = dict(ALERT_THRESHOLDS)
    t.update(thresholds)
    return {"consecutive_breaches": 3, "clear_after": 3, "hysteresis_pct": "5", "spike_window": 7,
            "drift_baseline_window": 24, "drift_recent_window": 6, "thresholds": t}


def report_settings(unit="day", scope2="both", alerts=None, weights=("0.4", "0.2", "0.2", "0.2")):
    """The method settings a report records (every member, as MethodSettings writes them; defaults of
    docs/test-vectors.md and docs/methodology.md unless given)."""
    return {"period": {"unit": unit, "offset": "Z"}, "wue_basis": "withdrawal", "workload_energy_basis": "facility",
            "lineage_key_limit": 20, "gwp": {"set": "AR6", "horizon_years": 100}, "scope2_method": scope2,
            "carbon_basis": "location", "per_unit_includes_embodied": False, "boundary": "operational_control",
            "quality": {"cadences_s": {}, "latency_target_s": "3600", "outlier_method": "zscore",
                        "outlier_threshold": "3", "drift_window": 24, "drift_sigmas": "3",
                        "series": ["/energy/facility", "/energy/it", "/water/withdrawal"],
                        "confidence_weights": {"completeness": "0.3", "drift": "0.1", "factors": "0.3",
                                               "latency": "0.1", "outliers": "0.2"}},
            "score": {"weights": dict(zip(("carbon", "water", "efficiency", "hardware"), weights)),
                      "carbon_reference_kgco2e_per_gpu_hour": "1", "water_reference_l_per_gpu_hour": "5",
                      "pue_worst": "2", "utilization_target_pct": "80"},
            "alerts": alerts if alerts is not None else alert_settings()}


# Each metric a report below carries: its unit (org.ecocalc.core.report.Metric) and the input fields it reads.
RM = {
    "activity.energy_facility_kwh": ("kWh", ["/energy/facility"]),
    "activity.energy_it_kwh": ("kWh", ["/energy/it"]),
    "activity.scope2_electricity_kwh": ("kWh", ["/energy/facility"]),
    "activity.energy_renewable_purchased_kwh": ("kWh", ["/energy/renewable_purchased"]),
    "activity.gpu_hours": ("GPU-h", ["/compute/gpu_hours"]),
    "efficiency.pue": ("1", ["/energy/facility", "/energy/it"]),
    "efficiency.dcie": ("1", ["/energy/facility", "/energy/it"]),
    "efficiency.cooling_energy_pct": ("%", ["/energy/cooling", "/energy/facility"]),
    "efficiency.chiller_cop": ("1", ["/cooling/chiller_energy", "/cooling/heat_removed"]),
    "water.withdrawal_l": ("L", ["/water/withdrawal"]),
    "water.wue_l_per_kwh": ("L/kWh", ["/water/withdrawal", "/energy/it"]),
    "water.per_gpu_hour_l": ("L/GPU-h", ["/water/withdrawal", "/compute/gpu_hours"]),
    "water.reclaimed_pct": ("%", ["/water/reclaimed", "/water/withdrawal"]),
    "hardware.utilization_pct": ("%", ["/hardware/utilization_pct", "/compute/gpu_hours"]),
    "carbon.scope1_kgco2e": ("kgCO2e", ["/fuel"]),
    "carbon.scope2_location_kgco2e": ("kgCO2e", ["/energy/facility"]),
    "carbon.scope2_market_kgco2e": ("kgCO2e", ["/energy/facility"]),
    "carbon.grid_intensity_kgco2e_per_kwh": ("kgCO2e/kWh", ["/energy/facility"]),
    "carbon.embodied_kgco2e": ("kgCO2e", []),
}
SECTIONS = ("carbon", "water", "efficiency", "hardware", "activity")
SELECTOR = ("a result's records are the data set's records of its facility whose interval overlaps its period and "
            "that report at least one of its inputs")
NC = "not_computable"   # a metric given as (NC, reason)


def rgroup(level, keys, covered, metrics, facility=None, period=None, factors=None):
    """A report group: metrics maps id -> value string or (NC, reason); factors maps id -> lineage factors."""
    g = {"level": level}
    if facility is not None:
        g["facility_id"] = facility
    if period is not None:
        g["period"] = {"start": period[0], "end": period[1]}
    g["covered"] = {"start": covered[0], "end": covered[1]}
    g["records"] = len(keys)
    for section in SECTIONS:
        ids = [mid for mid in metrics if mid.split(".")[0] == section]
        if not ids:
            continue
        sec = g.setdefault(section, {})
        for mid in ids:
            unit, fields = RM[mid]
            v = metrics[mid]
            m = {NC: v[1]} if isinstance(v, tuple) else {"value": v}
            m["unit"] = unit
            m["lineage"] = {"inputs": {f: len(keys) for f in fields}, "records": sorted(keys)}
            if factors and mid in factors:
                m["lineage"]["factors"] = factors[mid]
            sec[mid] = m
    return g


def report(settings, results, facilities, total, keys):
    """A report document (ecocalc.report/1, without manifest). Its data-set digest is a stand-in: sha256 of the
    canonical array of its record keys (the records themselves are not part of these vectors)."""
    digest = sha(canonical(sorted(keys)))
    return {"format": "ecocalc.report/1", "engine": dict(ENGINE), "settings": settings,
            "dataset": {"digest": digest, "records": len(keys), "duplicates": 0, "conflicts": []},
            "results": results, "facilities": facilities, "total": total,
            "data_quality": {"rejected_records": 0, "problem_count": 0, "problems": []},
            "lineage": {"dataset": digest, "records": len(keys), "key_limit": 20, "selector": SELECTOR}}


def results_digest(r):
    return sha(canonical({k: r[k] for k in ("results", "facilities", "total")}))


def manifest(r, packs=(), engine=None, dataset=None, settings=None, results=None, run_id=None, signature=None):
    """The run manifest of docs/run-manifest.md, hashed here: settings and results are sha256 of the canonical JSON
    of the report's members (or of those given), run_id of the manifest without run_id and signature."""
    m = {"format": "ecocalc.manifest/1", "engine": engine or dict(r["engine"]),
         "activity_dataset": dataset or r["dataset"]["digest"], "factor_packs": list(packs),
         "settings": settings or sha(canonical(r["settings"])), "results": results or results_digest(r)}
    m["run_id"] = run_id or sha(canonical(m))
    if signature is not None:
        m["signature"] = signature
    return m


def day(d, mo=6, y=2026):
    return at(y, mo, d), (at(y, mo, d + 1) if d < 30 else at(y, mo + 1, 1))


def daily_report(facility, series, alerts=None):
    """One facility, one group per day from 2026-06-01, one record per day (key <facility>-bms/d<n>); series maps a
    metric id to its value per day (None: not computable that day)."""
    n = len(next(iter(series.values())))
    results, keys = [], []
    for i in range(n):
        key = f"{facility}-bms/d{i + 1}"
        keys.append(key)
        span = day(i + 1)
        metrics = {mid: (vals[i] if vals[i] is not None else (NC, "no record reports /energy/it"))
                   for mid, vals in series.items()}
        results.append(rgroup("facility_period", [key], span, metrics, facility=facility, period=span))
    span = (day(1)[0], day(n)[1])
    return report(report_settings(alerts=alerts), results, [rgroup("facility", keys, span, {}, facility=facility)],
                  rgroup("total", keys, span, {}), keys)


def evidence(start, end, value, records, count=None):
    return {"start": start, "end": end, "value": value, "record_count": count if count is not None else len(records),
            "records_listed": True, "records": records}


def alert(rule, severity, metric, unit, observed, threshold, facility, ev, sensor=None, baseline=None):
    """An ecocalc.alert/1 object (docs/alerts.md) with its alert_id: sha256 of its canonical JSON without alert_id."""
    a = {"format": "ecocalc.alert/1", "rule": rule, "severity": severity, "metric": metric, "unit": unit,
         "observed": observed, "threshold": threshold}
    if baseline is not None:
        a["baseline"] = baseline
    a["facility_id"] = facility
    if sensor is not None:
        a["sensor_id"] = sensor
    a["interval"] = {"start": ev[0]["start"], "end": ev[-1]["end"]}
    a["evidence"] = ev
    a["alert_id"] = sha(canonical(a))
    return a


def day_ev(facility, d, value):
    s, e = day(d)
    return evidence(s, e, value, [f"{facility}-bms/d{d}"])


def reading(sensor, t, kind, value, unit, facility="dc-1"):
    return {"sensor_id": sensor, "facility_id": facility, "observed_at": t, "kind": kind, "value": value, "unit": unit}


def read_ev(sensor, t, value):
    return evidence(t, t, value, [f"{sensor}@{t}"])


ALERT_WHY = ("Alerts (docs/alerts.md): a value strictly beyond its threshold is a breach (equal is not); N breaches in "
             "a row (consecutive_breaches) raise one alert naming them and make the rule active; while active nothing "
             "more is raised, and M values in a row (clear_after) at or beyond the clear level t - |t| x h / 100 (a "
             "maximum; t + |t| x h / 100 for a minimum) clear it; a gap resets both counts. ")
ALERT_ID_WHY = (" Each alert_id is sha256 of the alert's canonical JSON without alert_id, computed with Python hashlib by "
                "test-vectors/tools/make_vectors.py.")


def alert_vector(name, description, expected, input=(), reports=None, settings=None, expected_from="hand"):
    v = dict(input_kind="alert", input=list(input), settings=settings, expected_from=expected_from)
    vector("alert", name, description, expected, **v)
    if reports is not None:
        VECTORS[-1][2]["reports"] = reports
        # keep the member order of the format: reports after input
        d = VECTORS[-1][2]
        order = [k for k in d if k not in ("reports", "expected")] + ["reports", "expected"]
        VECTORS[-1] = (VECTORS[-1][0], VECTORS[-1][1], {k: d[k] for k in order})


# --- alert: PUE, three in a row ---------------------------------------------------------------
PUE5 = ["1.4", "1.6", "1.7", "1.55", "1.45"]
clear_15 = add("1.5", -mul("1.5", div(5, 100)))
check("1.425", clear_15, "pue clear level")
alert_vector("alert-pue-max-three-in-a-row",
             ALERT_WHY + "One report of dc-1 per day, 2026-06-01 to 06-05, PUE 1.4, 1.6, 1.7, 1.55, 1.45; the report "
             "records the default alert settings (pue_max 1.5, N = 3, M = 3, h = 5 %), which apply as no settings are "
             "given. By hand: 1.4 <= 1.5 is no breach; 1.6, 1.7 and 1.55 > 1.5 are three breaches in a row, so one "
             "pue_max alert (warning) is raised on 06-04: observed 1.55 (the value completing the run), threshold 1.5, "
             "interval [2026-06-02T00:00:00Z, 2026-06-05T00:00:00Z) (the first to the last breaching day), evidence "
             "the three days with their record. 1.45 on 06-05 is below 1.5 but above the clear level 1.5 - 1.5 x 5 / "
             "100 = 1.425: the rule stays active and raises nothing more." + ALERT_ID_WHY,
             {"alerts": [alert("pue_max", "warning", "efficiency.pue", "1", "1.55", "1.5", "dc-1",
                               [day_ev("dc-1", 2, "1.6"), day_ev("dc-1", 3, "1.7"), day_ev("dc-1", 4, "1.55")])],
              "problems": [], "rejected": 0},
             reports=[daily_report("dc-1", {"efficiency.pue": PUE5})])

alert_vector("alert-pue-max-no-alert-gap-and-short-runs",
             ALERT_WHY + "Daily PUE of dc-1, 2026-06-01 to 06-06: 1.6, 1.6, not computable (a gap), 1.6, 1.6, 1.5; "
             "default settings (pue_max 1.5, N = 3). By hand: two breaches, then the gap resets the count, then two "
             "breaches again, then 1.5, equal to the threshold, which is not a breach: no run reaches N = 3, so no "
             "alert (N - 1 breaches raise none; a gap breaks a run).",
             {"alerts": [], "problems": [], "rejected": 0},
             reports=[daily_report("dc-1", {"efficiency.pue": ["1.6", "1.6", None, "1.6", "1.6", "1.5"]})])

# --- alert: CO2 hysteresis ----------------------------------------------------------------------
CO2 = ["1050", "1100", "950", "1200", "880", "950", "890", "900", "1001", "1002"]
T10 = [at(2026, 6, 1, i // 6, (i % 6) * 10) for i in range(10)]
clear_co2 = add(1000, -mul(1000, div(10, 100)))
check("900", clear_co2, "co2 clear level")
alert_vector("alert-co2-hysteresis-no-flapping",
             ALERT_WHY + "Room CO2 of sensor dc-1-co2-hall-a every 10 minutes from 2026-06-01T00:00:00Z: 1050, 1100, "
             "950, 1200, 880, 950, 890, 900, 1001, 1002 ppm; settings consecutive_breaches 2, clear_after 2, "
             "hysteresis_pct 10 (room_co2_max 1000 by default). By hand: the clear level is 1000 - 1000 x 10 / 100 = "
             "900. 1050 and 1100 > 1000: two breaches, alert 1 (observed 1100, interval 00:00 to 00:10). Active: 950 "
             "(between 900 and 1000) is not good; 1200 breaches but raises nothing; 880 <= 900 good 1; 950 resets "
             "it; 890 good 1; 900 (at the clear level) good 2 = M: cleared. 1001 and 1002 > 1000: alert 2 (observed "
             "1002, interval 01:20 to 01:30). The wobble between 900 and 1000 raised no third alert. room_co2_critical "
             "(5000) is never breached; sensor_drift needs 24 + 6 readings." + ALERT_ID_WHY,
             {"alerts": [alert("room_co2_max", "warning", "sensor.co2_ppm", "ppm", "1100", "1000", "dc-1",
                               [read_ev("dc-1-co2-hall-a", T10[0], "1050"), read_ev("dc-1-co2-hall-a", T10[1], "1100")],
                               sensor="dc-1-co2-hall-a"),
                         alert("room_co2_max", "warning", "sensor.co2_ppm", "ppm", "1002", "1000", "dc-1",
                               [read_ev("dc-1-co2-hall-a", T10[8], "1001"), read_ev("dc-1-co2-hall-a", T10[9], "1002")],
                               sensor="dc-1-co2-hall-a")],
              "problems": [], "rejected": 0},
             input=[reading("dc-1-co2-hall-a", t, "co2", v, "ppm") for t, v in zip(T10, CO2)],
             settings={"alerts": {"consecutive_breaches": 2, "clear_after": 2, "hysteresis_pct": "10"}})

# --- alert: every sensor rule once, degF converted, a refused reading -------------------------------
F = {"82.4": div(mul(add("82.4", -32), 5), 9), "91.4": div(mul(add("91.4", -32), 5), 9),
     "60.8": div(mul(add("60.8", -32), 5), 9)}
check("28", F["82.4"], "82.4 F")
check("33", F["91.4"], "91.4 F")
check("16", F["60.8"], "60.8 F")
T0, T1, T2 = at(2026, 6, 1, 0, 0), at(2026, 6, 1, 0, 10), at(2026, 6, 1, 0, 20)
TEMP, CO2S = "dc-1-temp-a", "dc-1-co2-a"
alert_vector("alert-sensor-rules-temperature-co2",
             ALERT_WHY + "Sensor readings with consecutive_breaches 1 (other settings default: room_temperature_max 27, "
             "room_temperature_critical 32, room_temperature_min 18 degC, room_co2_max 1000, room_co2_critical 5000 "
             "ppm). Inlet temperature of dc-1-temp-a in degF, held in degC as (F - 32) x 5 / 9: by hand 82.4 -> 50.4 x "
             "5 / 9 = 28, 91.4 -> 59.4 x 5 / 9 = 33, 60.8 -> 28.8 x 5 / 9 = 16 (at 00:00, 00:10, 00:20). CO2 of "
             "dc-1-co2-a: 1200 at 00:00, 5200 at 00:10. By hand: 28 > 27 raises room_temperature_max (warning); 33 > "
             "32 raises room_temperature_critical (critical; the max rule is active and raises nothing); 16 < 18 "
             "raises room_temperature_min (a minimum); 1200 > 1000 raises room_co2_max; 5200 > 5000 raises "
             "room_co2_critical (critical). Alerts in order of end, facility, sensor, metric, rule: 00:00 dc-1-co2-a "
             "then dc-1-temp-a, 00:10 likewise, 00:20 the minimum. The sixth line, humidity 120 %RH, is refused "
             "(value_out_of_range at /value: a relative humidity lies in 0-100 %) and the others are read." + ALERT_ID_WHY,
             {"alerts": [alert("room_co2_max", "warning", "sensor.co2_ppm", "ppm", "1200", "1000", "dc-1",
                               [read_ev(CO2S, T0, "1200")], sensor=CO2S),
                         alert("room_temperature_max", "warning", "sensor.temperature_c", "degC", "28", "27", "dc-1",
                               [read_ev(TEMP, T0, "28")], sensor=TEMP),
                         alert("room_co2_critical", "critical", "sensor.co2_ppm", "ppm", "5200", "5000", "dc-1",
                               [read_ev(CO2S, T1, "5200")], sensor=CO2S),
                         alert("room_temperature_critical", "critical", "sensor.temperature_c", "degC", "33", "32",
                               "dc-1", [read_ev(TEMP, T1, "33")], sensor=TEMP),
                         alert("room_temperature_min", "warning", "sensor.temperature_c", "degC", "16", "18", "dc-1",
                               [read_ev(TEMP, T2, "16")], sensor=TEMP)],
              "problems": [{"record": 5, "code": "value_out_of_range", "pointer": "/value"}], "rejected": 1},
             input=[reading(TEMP, T0, "temperature", "82.4", "degF"), reading(CO2S, T0, "co2", "1200", "ppm"),
                    reading(TEMP, T1, "temperature", "91.4", "degF"), reading(CO2S, T1, "co2", "5200", "ppm"),
                    reading(TEMP, T2, "temperature", "60.8", "degF"),
                    reading("dc-1-hum-a", T2, "humidity", "120", "%RH")],
             settings={"alerts": {"consecutive_breaches": 1}})

# --- alert: carbon-intensity spike ------------------------------------------------------------------
SPIKE = ["0.3", "0.3", "0.3", "0.4", "0.3"]
mean3 = div(add("0.3", "0.3", "0.3"), 3)
check("0.3", mean3, "spike mean")
check("0.375", mul("1.25", mean3), "spike threshold")
mean3b = div(add("0.3", "0.3", "0.4"), 3)
check("0.3333333333333333333333333333333333", mean3b, "spike mean day 5")
check("0.416666666666666666666666666666666625", mul("1.25", mean3b), "spike threshold day 5")
alert_vector("alert-carbon-intensity-spike",
             ALERT_WHY + "Daily grid intensity of dc-1, 2026-06-01 to 06-05: 0.3, 0.3, 0.3, 0.4, 0.3 kgCO2e/kWh; "
             "settings spike_window 3 and consecutive_breaches 1 (carbon_intensity_spike 1.25 and "
             "carbon_intensity_max 0.4 by default). The spike threshold is 1.25 x the mean of the previous W = 3 values "
             "(one division); the first three values have no baseline (gaps). By hand: on 06-04 the mean is (0.3 + 0.3 "
             "+ 0.3) / 3 = 0.3 and the threshold 1.25 x 0.3 = 0.375; 0.4 > 0.375 raises carbon_intensity_spike "
             "(observed 0.4, threshold 0.375, baseline 0.3). On 06-05 the mean is (0.3 + 0.3 + 0.4) / 3 = "
             "0.3333333333333333333333333333333333 (34 digits) and the threshold 0.416666666666666666666666666666666625: "
             "0.3 is no breach. carbon_intensity_max: 0.4 equals its threshold 0.4, which is not a breach, so no "
             "alert." + ALERT_ID_WHY,
             {"alerts": [alert("carbon_intensity_spike", "warning", "carbon.grid_intensity_kgco2e_per_kwh", "kgCO2e/kWh",
                               "0.4", "0.375", "dc-1", [day_ev("dc-1", 4, "0.4")], baseline="0.3")],
              "problems": [], "rejected": 0},
             reports=[daily_report("dc-1", {"carbon.grid_intensity_kgco2e_per_kwh": SPIKE})],
             settings={"alerts": {"spike_window": 3, "consecutive_breaches": 1}})

alert_vector("alert-settings-recorded-in-the-report",
             ALERT_WHY + "Daily PUE of dc-1, 2026-06-01 to 06-03: 1.4, 1.4, 1.4. The report records alert settings "
             "with pue_max 1.3 (the rest default); the vector gives none, so those apply, as ecocalc alerts applies "
             "the settings its reports record. By hand: 1.4 > 1.3 three times in a row (N = 3): one pue_max alert, "
             "observed 1.4, threshold 1.3, interval [06-01, 06-04). (With the default 1.5 there would be none.)"
             + ALERT_ID_WHY,
             {"alerts": [alert("pue_max", "warning", "efficiency.pue", "1", "1.4", "1.3", "dc-1",
                               [day_ev("dc-1", d, "1.4") for d in (1, 2, 3)])],
              "problems": [], "rejected": 0},
             reports=[daily_report("dc-1", {"efficiency.pue": ["1.4", "1.4", "1.4"]},
                                   alerts=alert_settings(pue_max="1.3"))])

alert_vector("alert-report-rules-one-breach-each",
             ALERT_WHY + "One day of dc-1 (2026-06-01) with WUE 2 L/kWh, water per GPU-hour 2.5 L/GPU-h, reclaimed "
             "water 10 %, cooling energy 35 %, chiller COP 2.5, PUE 1.4 and grid intensity 0.45 kgCO2e/kWh; settings "
             "consecutive_breaches 1 and reclaimed_water_min 20 (off by default), the other thresholds default (wue_max "
             "1.8, water_per_gpu_hour_max 2, cooling_energy_pct_max 30, chiller_cop_min 3, pue_max 1.5, "
             "carbon_intensity_max 0.4). By hand: 0.45 > 0.4, 2 > 1.8, 2.5 > 2, 10 < 20 (a minimum), 35 > 30, 2.5 < 3 (a "
             "minimum) each raise one warning; 1.4 <= 1.5 raises none; the spike rule has no 7 previous values. "
             "Same end, facility and no sensor, so the alerts are ordered by metric id: "
             "carbon.grid_intensity_kgco2e_per_kwh, efficiency.chiller_cop, "
             "efficiency.cooling_energy_pct, water.per_gpu_hour_l, water.reclaimed_pct, water.wue_l_per_kwh."
             + ALERT_ID_WHY,
             {"alerts": [alert("carbon_intensity_max", "warning", "carbon.grid_intensity_kgco2e_per_kwh", "kgCO2e/kWh",
                               "0.45", "0.4", "dc-1", [day_ev("dc-1", 1, "0.45")]),
                         alert("chiller_cop_min", "warning", "efficiency.chiller_cop", "1", "2.5", "3", "dc-1",
                               [day_ev("dc-1", 1, "2.5")]),
                         alert("cooling_energy_pct_max", "warning", "efficiency.cooling_energy_pct", "%", "35", "30",
                               "dc-1", [day_ev("dc-1", 1, "35")]),
                         alert("water_per_gpu_hour_max", "warning", "water.per_gpu_hour_l", "L/GPU-h", "2.5", "2",
                               "dc-1", [day_ev("dc-1", 1, "2.5")]),
                         alert("reclaimed_water_min", "warning", "water.reclaimed_pct", "%", "10", "20", "dc-1",
                               [day_ev("dc-1", 1, "10")]),
                         alert("wue_max", "warning", "water.wue_l_per_kwh", "L/kWh", "2", "1.8", "dc-1",
                               [day_ev("dc-1", 1, "2")])],
              "problems": [], "rejected": 0},
             reports=[daily_report("dc-1", {"water.wue_l_per_kwh": ["2"], "water.per_gpu_hour_l": ["2.5"],
                                            "water.reclaimed_pct": ["10"], "efficiency.cooling_energy_pct": ["35"],
                                            "efficiency.chiller_cop": ["2.5"], "efficiency.pue": ["1.4"],
                                            "carbon.grid_intensity_kgco2e_per_kwh": ["0.45"]})],
             settings={"alerts": {"consecutive_breaches": 1, "thresholds": {"reclaimed_water_min": "20"}}})

# --- alert: sensor drift ------------------------------------------------------------------------------
DP = ["10", "12", "10", "12", "16", "16", "16"]
T7 = [at(2026, 6, 1, i // 6, (i % 6) * 10) for i in range(7)]
SQRT = Context(prec=34, rounding=ROUND_HALF_EVEN)
Sb, Qb, Sr = add(10, 12, 10, 12), add(100, 144, 100, 144), add(16, 16)
spread = add(mul(4, Qb), -mul(Sb, Sb))
num = mul(mul(add(mul(4, Sr), -mul(2, Sb)), add(mul(4, Sr), -mul(2, Sb))), 3)
den = mul(mul(4, 4), spread)
check("16", spread, "drift spread")
check("18.75", div(num, den), "drift delta squared")
DELTA = check("4.330127018922193233818615853764681", SQRT.sqrt(div(num, den)), "drift delta")
Sb2, Qb2 = add(12, 10, 12, 16), add(144, 100, 144, 256)
spread2 = add(mul(4, Qb2), -mul(Sb2, Sb2))
num2 = mul(mul(add(mul(4, 32), -mul(2, Sb2)), add(mul(4, 32), -mul(2, Sb2))), 3)
check("76", spread2, "drift spread 7")
assert mul(mul(D("2.85"), D("2.85")), mul(16, spread2)) >= num2   # the seventh value is good (within 2.85)
alert_vector("alert-sensor-drift",
             "Sensor drift (docs/methodology.md, \"Sensor drift\"; docs/alerts.md): at each reading, the recent window "
             "is the last R values and the baseline the B before them; Delta = |mean_r - mean_b| / s_b with s_b the "
             "baseline sample standard deviation, computed as Delta^2 = (B S_r - R S_b)^2 (B - 1) / (R^2 B (B Q_b - "
             "S_b^2)) (one division) and Delta its square root (34 digits, half-even); a breach when Delta > k. "
             "Readings of dc-1-dp-a (kind other, kPa) every 10 minutes from 00:00: 10, 12, 10, 12, 16, 16, 16; "
             "settings drift_baseline_window B = 4, drift_recent_window R = 2, consecutive_breaches 1 (sensor_drift k "
             "= 3 by default). By hand, at the sixth reading (00:50): baseline 10, 12, 10, 12: S_b = 44, Q_b = 488, "
             "B Q_b - S_b^2 = 1952 - 1936 = 16; recent 16, 16: S_r = 32; B S_r - R S_b = 128 - 88 = 40; Delta^2 = "
             "1600 x 3 / (4 x 4 x 16) = 4800 / 256 = 18.75, Delta = sqrt(18.75) = 5 sqrt(3) / 2 = 2.5 x "
             "1.7320508075688772935274463415058723669 = 4.330127018922193233818615853764681 (34 digits) > 3: one "
             "sensor_drift alert, observed Delta, threshold 3, unit baseline_sd, baseline the baseline mean 44 / 4 = "
             "11, evidence the sixth reading. At the seventh: baseline 12, 10, 12, 16 (S_b = 50, Q_b = 644, spread 2576 "
             "- 2500 = 76), recent 16, 16: Delta^2 = (128 - 100)^2 x 3 / (16 x 76) = 2352 / 1216 = 1.93..., Delta = "
             "1.39 < 2.85 = 3 - 3 x 5 / 100 (the clear level): good, nothing raised." + ALERT_ID_WHY,
             {"alerts": [alert("sensor_drift", "warning", "sensor.other", "baseline_sd", DELTA, "3", "dc-1",
                               [read_ev("dc-1-dp-a", T7[5], "16")], sensor="dc-1-dp-a", baseline="11")],
              "problems": [], "rejected": 0},
             input=[reading("dc-1-dp-a", t, "other", v, "kPa") for t, v in zip(T7, DP)],
             settings={"alerts": {"consecutive_breaches": 1, "drift_baseline_window": 4, "drift_recent_window": 2}})

alert_vector("alert-bad-settings-pue-max-below-one",
             "Invalid alert settings: pue_max 0.9 is refused, never replaced by a default (docs/alerts.md: a PUE "
             "limit is at least 1, since PUE = E_facility / E_IT >= 1 by ISO/IEC 30134-2). The whole vector fails with "
             "invalid_settings at /settings/alerts/thresholds/pue_max; nothing is evaluated.",
             {"error": {"code": "invalid_settings", "pointer": "/settings/alerts/thresholds/pue_max"}},
             settings={"alerts": {"thresholds": {"pue_max": "0.9"}}}, reports=[])


# --- scenario: the what-if simulator (docs/simulator.md; docs/methodology.md, "What-if simulator") ----------
# The baseline report: dc-1 over one day, 2026-06-01 (86,400 s), with only the metrics the simulator reads.
SIM_DAY = {"activity.energy_it_kwh": "1000", "activity.energy_facility_kwh": "1200",
           "activity.scope2_electricity_kwh": "1200", "activity.energy_renewable_purchased_kwh": "600",
           "water.withdrawal_l": "1500", "activity.gpu_hours": "100", "carbon.scope1_kgco2e": "10",
           "carbon.scope2_location_kgco2e": "480", "carbon.scope2_market_kgco2e": "300", "carbon.embodied_kgco2e": "20",
           "carbon.grid_intensity_kgco2e_per_kwh": "0.4", "hardware.utilization_pct": "50", "efficiency.pue": "1.2"}


def sim_report(values):
    keys = ["dc-1-bms/h1", "dc-1-bms/h2"]
    span = day(1)
    return report(report_settings(), [rgroup("facility_period", keys, span, values, facility="dc-1", period=span)],
                  [rgroup("facility", keys, span, values, facility="dc-1")], rgroup("total", keys, span, values), keys)


SIM_REPORT = sim_report(SIM_DAY)
SIM_NO_WATER = sim_report({k: v for k, v in SIM_DAY.items() if not k.startswith("water.")})
YEAR_S = 31536000
SIM_BASE_WHY = ("Baseline (docs/methodology.md, \"What-if simulator\"): the report's total covers one day, T = 86,400 s; "
                "annualised, X_0 = X x 31,536,000 / 86,400 = 365 X (one division). By hand: E_IT,0 = 1000 x 365 = "
                "365000 kWh, E_fac,0 = 1200 x 365 = 438000, E_grid,0 = 438000, purchased renewable P_0 = 600 x 365 = "
                "219000, water W_0 = 1500 x 365 = 547500 L, GPU-hours 36500, Scope 1 3650 kg, Scope 2 location 480 x "
                "365 = 175200, market 300 x 365 = 109500, embodied 20 x 365 = 7300; intensity I_0 = 0.4 kgCO2e/kWh and "
                "utilisation u_0 = 50 % as reported; PUE_0 = 438000 / 365000 = 1.2, WUE_0 = 547500 / 365000 = 1.5. ")
PRICES = {"electricity_per_kwh": {"amount": "0.1", "currency": "EUR"},
          "carbon_per_tco2e": {"amount": "100", "currency": "EUR"},
          "water_per_m3": {"amount": "2", "currency": "EUR"}}
COST_WHY = ("Costs (EUR, exact products): electricity = E_grid x 0.1; carbon = (S1 + S2_basis [+ embodied]) / 1000 x "
            "100; water = W / 1000 x 2; total = their sum. Deltas are scenario minus baseline in the same year. ")


def base_annual(x):
    return div(mul(x, YEAR_S), 86400)


B = {k: base_annual(v) for k, v in SIM_DAY.items() if not k.startswith(("carbon.grid", "hardware.", "efficiency."))}
check("365000", B["activity.energy_it_kwh"], "E_IT,0")
check("438000", B["activity.energy_facility_kwh"], "E_fac,0")
check("547500", B["water.withdrawal_l"], "W_0")


def simulate(years, growth="0", water=True, pue=None, wue=None, renew=None, change=None, move=None, shift=None,
             util=None, refresh=None, prices=None, basis="location", embodied_priced=False):
    """docs/methodology.md, "What-if simulator", written out independently of the Java code; the values of years
    0..N as dicts of the simulation result's member names."""
    e_it0, e_fac0, e_grid0 = B["activity.energy_it_kwh"], B["activity.energy_facility_kwh"], \
        B["activity.scope2_electricity_kwh"]
    p0, w0 = B["activity.energy_renewable_purchased_kwh"], B["water.withdrawal_l"] if water else None
    g0, s1_0 = B["activity.gpu_hours"], B["carbon.scope1_kgco2e"]
    l0, m0, emb0 = B["carbon.scope2_location_kgco2e"], B["carbon.scope2_market_kgco2e"], B["carbon.embodied_kgco2e"]
    i0, u0 = D("0.4"), D("50")
    pue0, wue0 = div(e_fac0, e_it0), div(w0, e_it0) if water else None
    rho_u, f_e = D(1), D(1)
    if util:
        rho_u = div(u0, util[0])
        f_e = add(mul(D(util[1]) / 100, rho_u), 1 - D(util[1]) / 100)
    rho_s = D(1)
    if shift:
        phi, m, tou = D(shift[0]) / 100, shift[1], sorted(D(x) for x in shift[2])
        rho_s = add(1 - phi, mul(phi, div(mul(len(tou), add(*tou[:m])), mul(m, add(*tou)))))
    covered0, uncovered0 = div(min(p0, e_grid0), e_grid0), add(e_grid0, -min(p0, e_grid0))
    out, w, tau = [], D(1), D(1)
    for y in range(years + 1):
        if y > 0:
            w = DIV.plus(mul(w, 1 + D(growth) / 100))
            if change is not None:
                tau = DIV.plus(mul(tau, 1 + D(change) / 100))
        util_on = util is not None and y >= util[2]
        gG, fE = (rho_u, f_e) if util_on else (D(1), D(1))
        refreshed = refresh is not None and y >= refresh[0]
        h = 1 + D(refresh[3]) / 100 if refreshed else D(1)
        a = mul(mul(w, fE), h)
        e_it = mul(e_it0, a)
        if pue and y > 0:
            k = pue[1]
            pue_y = D(pue[0]) if y >= k else add(pue0, div(mul(D(pue[0]) - pue0, y), k))
            e_fac = mul(e_it, pue_y)
            follow = lambda x, ef=e_fac: div(mul(x, ef), e_fac0)
        else:
            e_fac = mul(e_fac0, a)
            pue_y = div(e_fac, e_it)
            follow = lambda x, a=a: mul(x, a)
        e_grid = follow(e_grid0)
        if wue and y > 0:
            k = wue[1]
            wue_y = D(wue[0]) if y >= k else add(wue0, div(mul(D(wue[0]) - wue0, y), k))
            wat = mul(e_it, wue_y)
        else:
            wat = mul(w0, a) if water else None
            wue_y = div(wat, e_it) if water else None
        gpu = mul(mul(g0, w), gG)
        s1 = mul(s1_0, w)
        emb = mul(mul(div(refresh[1], refresh[2]) if refreshed else emb0, w), gG)
        moved = move is not None and y >= move[1]
        rho = rho_s if shift and y >= shift[3] else D(1)
        if moved:
            inten = mul(mul(D(move[0]), tau), rho)
            loc = mul(e_grid, inten)
        else:
            inten = mul(mul(i0, tau), rho)
            loc = mul(mul(follow(l0), tau), rho)
        renew_on = renew is not None and y >= renew[1]
        if not renew_on and not moved:
            mkt = mul(follow(m0), tau)
        else:
            share = D(renew[0]) / 100 if renew_on else covered0
            rate = mul(D(move[0]), tau) if moved else mul(div(m0, uncovered0), tau)
            mkt = mul(mul(e_grid, 1 - share), rate)
        v = {"year": y, "energy_it_kwh": e_it, "energy_facility_kwh": e_fac, "energy_grid_kwh": e_grid, "pue": pue_y,
             "water_l": wat, "wue_l_per_kwh": wue_y, "gpu_hours": gpu, "scope1_kgco2e": s1,
             "scope2_location_kgco2e": loc, "scope2_market_kgco2e": mkt, "embodied_kgco2e": emb,
             "grid_intensity_kgco2e_per_kwh": inten}
        if prices:
            elec = mul(e_grid, "0.1")
            ck = add(s1, mkt if basis == "market" else loc, emb if embodied_priced else 0)
            carb = mul(ck, "0.1")
            wc = mul(wat, "0.002") if water else None
            v["costs"] = {"electricity": elec, "carbon": carb, "water": wc,
                          "total": add(elec, carb, wc) if water else None}
        out.append(v)
    return out


def sim_year(computed, hand, members=None):
    """The expected year: the hand values (decimal strings; None for null), each checked against the computed one."""
    y = {"year": computed["year"]}
    for k, h in hand.items():
        if h is None:
            assert computed.get(k) is None, (k, computed.get(k))
            y[k] = None
        elif k == "costs":
            c = {}
            for part, hv in h.items():
                cv = computed["costs"][part]
                if hv is None:
                    assert cv is None, (part, cv)
                    c[part] = None
                else:
                    c[part] = {"amount": check(hv, cv, f"year {y['year']} cost {part}"), "currency": "EUR"}
            y["costs"] = c
        else:
            y[k] = check(h, computed[k], f"year {y['year']} {k}")
    return y


def sim_delta(a, b, hand):
    """The expected delta (scenario a minus baseline b, same year), hand values checked."""
    d = {"year": a["year"]}
    for k, h in hand.items():
        if k == "costs":
            d["costs"] = {p: ({"amount": check(hv, add(a["costs"][p], -b["costs"][p]), f"delta cost {p}"),
                               "currency": "EUR"} if hv is not None else None) for p, hv in h.items()}
        elif h is None:
            d[k] = None
        else:
            d[k] = check(h, add(a[k], -b[k]), f"delta {a['year']} {k}")
    return d


ALL = ("energy_it_kwh", "energy_facility_kwh", "energy_grid_kwh", "pue", "water_l", "wue_l_per_kwh", "gpu_hours",
       "scope1_kgco2e", "scope2_location_kgco2e", "scope2_market_kgco2e", "embodied_kgco2e",
       "grid_intensity_kgco2e_per_kwh")


def scenario_vector(name, description, scenario, expected, input=None, settings=None, factor_packs=None):
    vector("scenario", name, description, expected, input=input if input is not None else SIM_REPORT,
           input_kind="scenario", settings=settings, factor_packs=factor_packs)
    d = VECTORS[-1][2]
    d["scenario"] = scenario
    order = [k for k in d if k not in ("scenario", "expected")] + ["scenario", "expected"]
    VECTORS[-1] = (VECTORS[-1][0], VECTORS[-1][1], {k: d[k] for k in order})


def scen(years, scenarios, growth=None, prices=None, **more):
    s = {"format": "ecocalc.scenario/1", "years": years}
    s.update(more)
    if growth is not None:
        s["baseline_growth_pct_per_year"] = growth
    if prices is not None:
        s["prices"] = prices
    s["scenarios"] = scenarios
    return s


# The law: a scenario that changes nothing reproduces the baseline exactly (here with 5 % growth and prices).
BASE5 = simulate(2, growth="5", prices=True)
Y5 = [
    dict(zip(ALL, ("365000", "438000", "438000", "1.2", "547500", "1.5", "36500", "3650", "175200", "109500", "7300",
                   "0.4")), costs={"electricity": "43800", "carbon": "17885", "water": "1095", "total": "62780"}),
    dict(zip(ALL, ("383250", "459900", "459900", "1.2", "574875", "1.5", "38325", "3832.5", "183960", "114975", "7665",
                   "0.4")), costs={"electricity": "45990", "carbon": "18779.25", "water": "1149.75", "total": "65919"}),
    dict(zip(ALL, ("402412.5", "482895", "482895", "1.2", "603618.75", "1.5", "40241.25", "4024.125", "193158",
                   "120723.75", "8048.25", "0.4")),
         costs={"electricity": "48289.5", "carbon": "19718.2125", "water": "1207.2375", "total": "69214.95"}),
]
years5 = [sim_year(BASE5[y], Y5[y]) for y in range(3)]
zero = dict({k: "0" for k in ALL},
            costs={p: {"amount": "0", "currency": "EUR"} for p in ("electricity", "carbon", "water", "total")})
scenario_vector(
    "scenario-no-change-reproduces-baseline",
    SIM_BASE_WHY + COST_WHY + "The law (docs/simulator.md): a scenario with no change reproduces the baseline exactly, "
    "every year. Baseline growth 5 %/yr, inherited by the scenario \"unchanged\"; w_1 = 1.05, w_2 = 1.05 x 1.05 = "
    "1.1025, and every quantity is X_0 x w_y (PUE and WUE ratios unchanged). By hand, year 1: E_IT 365000 x 1.05 = "
    "383250, E_fac = E_grid = 459900, water 574875, GPU-h 38325, S1 3832.5, S2 location 183960, market 114975, "
    "embodied 7665; costs 459900 x 0.1 = 45990, (3832.5 + 183960) / 1000 x 100 = 18779.25, 574875 / 1000 x 2 = 1149.75, "
    "total 65919. Year 2 (x 1.1025): 402412.5, 482895, 603618.75, 40241.25, 4024.125, 193158, 120723.75, 8048.25; costs "
    "48289.5, (4024.125 + 193158) / 10 = 19718.2125, 1207.2375, total 69214.95. Year 0: 43800 + (3650 + 175200) / 10 = "
    "17885 + 1095 = 62780. The scenario's years equal the baseline's and every delta is 0.",
    scen(2, [{"name": "unchanged"}], growth="5", prices=PRICES),
    {"simulation": {"baseline_source": {"group": "total", "covered_seconds": "86400", "annualised": True,
                                        "seconds_per_year": "31536000"},
                    "years": 2, "baseline_growth_pct_per_year": "5", "currency": "EUR",
                    "baseline": {"name": "baseline", "growth_pct_per_year": "5", "years": years5},
                    "scenarios": [{"name": "unchanged", "growth_pct_per_year": "5", "years": years5,
                                   "deltas": [dict(zero, year=y) for y in range(3)]}]}})

# PUE target and renewables.
BASE0 = simulate(2, prices=True)
EFF = simulate(2, pue=("1.1", 2), renew=("100", 1), prices=True)
B0_HAND = {"energy_facility_kwh": "438000", "scope2_location_kgco2e": "175200", "scope2_market_kgco2e": "109500",
           "costs": {"total": "62780"}}
scenario_vector(
    "scenario-pue-target-and-renewables",
    SIM_BASE_WHY + COST_WHY + "No growth, so the baseline is year 0 every year. Scenario \"efficiency\": PUE target "
    "1.1 by year 2 and a 100 % renewable share from year 1. PUE_y = PUE_0 + (T - PUE_0) x min(y, k) / k (one "
    "division): by hand year 1 1.2 + (1.1 - 1.2) x 1 / 2 = 1.15, year 2 1.1. E_fac = E_IT x PUE_y: 365000 x 1.15 = "
    "419750, 365000 x 1.1 = 401500. Grid electricity and location-based Scope 2 follow facility energy (x E_fac,y / "
    "E_fac,0, one division): E_grid 438000 x 419750 / 438000 = 419750 and 401500; S2 location 175200 x 419750 / 438000 "
    "= 167900 and 175200 x 401500 / 438000 = 160600. Market-based with renewable share r = 1: E_grid x (1 - 1) x rate "
    "= 0. Water unchanged (547500: follows IT energy). Costs year 1: 419750 x 0.1 = 41975, (3650 + 167900) / 10 = "
    "17155, water 1095, total 60225; year 2: 40150 + (3650 + 160600) / 10 = 16425 + 1095 = 57670. Deltas: E_fac "
    "-18250 and -36500, PUE -0.05 and -0.1, S2 location -7300 and -14600, market -109500, total cost 60225 - 62780 = "
    "-2555 and 57670 - 62780 = -5110.",
    scen(2, [{"name": "efficiency", "pue_target": {"value": "1.1", "by_year": 2},
              "renewable_share": {"pct": "100", "from_year": 1}}], prices=PRICES),
    {"simulation": {"currency": "EUR",
                    "baseline": {"years": [sim_year(BASE0[y], B0_HAND) for y in range(3)]},
                    "scenarios": [{"name": "efficiency", "growth_pct_per_year": "0", "years": [
                        sim_year(EFF[0], {"energy_facility_kwh": "438000", "pue": "1.2", "scope2_market_kgco2e": "109500",
                                          "costs": {"total": "62780"}}),
                        sim_year(EFF[1], {"energy_it_kwh": "365000", "energy_facility_kwh": "419750",
                                          "energy_grid_kwh": "419750", "pue": "1.15", "water_l": "547500",
                                          "scope2_location_kgco2e": "167900", "scope2_market_kgco2e": "0",
                                          "grid_intensity_kgco2e_per_kwh": "0.4",
                                          "costs": {"electricity": "41975", "carbon": "17155", "water": "1095",
                                                    "total": "60225"}}),
                        sim_year(EFF[2], {"energy_facility_kwh": "401500", "energy_grid_kwh": "401500", "pue": "1.1",
                                          "scope2_location_kgco2e": "160600", "scope2_market_kgco2e": "0",
                                          "costs": {"electricity": "40150", "carbon": "16425", "total": "57670"}})],
                        "deltas": [
                            sim_delta(EFF[0], BASE0[0], {"energy_facility_kwh": "0", "scope2_market_kgco2e": "0",
                                                         "costs": {"total": "0"}}),
                            sim_delta(EFF[1], BASE0[1], {"energy_facility_kwh": "-18250", "pue": "-0.05",
                                                         "scope2_location_kgco2e": "-7300",
                                                         "scope2_market_kgco2e": "-109500",
                                                         "costs": {"electricity": "-1825", "carbon": "-730",
                                                                   "water": "0", "total": "-2555"}}),
                            sim_delta(EFF[2], BASE0[2], {"energy_facility_kwh": "-36500", "pue": "-0.1",
                                                         "scope2_location_kgco2e": "-14600",
                                                         "scope2_market_kgco2e": "-109500",
                                                         "costs": {"total": "-5110"}})]}]}})

# Grid trajectory and a move; carbon priced market-based with embodied.
BASEM = simulate(2, prices=True, basis="market", embodied_priced=True)
MOVE = simulate(2, change="-10", move=("0.05", 2), prices=True, basis="market", embodied_priced=True)
PRICES_M = dict(PRICES, carbon_basis="market", carbon_includes_embodied=True)
scenario_vector(
    "scenario-grid-trajectory-and-move",
    SIM_BASE_WHY + COST_WHY + "Carbon priced on market-based Scope 2 and embodied: carbon = (S1 + S2_market + "
    "embodied) / 1000 x 100; baseline year 0 (3650 + 109500 + 7300) / 10 = 12045, total 43800 + 12045 + 1095 = 56940. "
    "Scenario \"move\": grid intensity -10 %/yr (tau_y = tau_{y-1} x 0.9: 0.9, 0.81) and a move to a zone of 0.05 "
    "kgCO2e/kWh in year 2. By hand, year 1 (before the move): intensity 0.4 x 0.9 = 0.36, S2 location 175200 x 0.9 = "
    "157680, market 109500 x 0.9 = 98550; carbon cost (3650 + 98550 + 7300) / 10 = 10950, total 43800 + 10950 + 1095 = "
    "55845. Year 2 (after the move): intensity 0.05 x 0.81 = 0.0405; S2 location = E_grid x 0.0405 = 438000 x 0.0405 = "
    "17739; market = E_grid x (1 - r) x 0.0405 with r the baseline's covered share min(219000, 438000) / 438000 = 0.5: "
    "438000 x 0.5 x 0.0405 = 8869.5; carbon cost (3650 + 8869.5 + 7300) / 10 = 1981.95, total 43800 + 1981.95 + 1095 = "
    "46876.95. Deltas year 2: intensity 0.0405 - 0.4 = -0.3595, S2 location 17739 - 175200 = -157461, market 8869.5 - "
    "109500 = -100630.5, total cost 46876.95 - 56940 = -10063.05.",
    scen(2, [{"name": "move", "grid_intensity": {"change_pct_per_year": "-10", "move_to_kgco2e_per_kwh": "0.05",
                                                 "move_year": 2}}], prices=PRICES_M),
    {"simulation": {"currency": "EUR",
                    "prices": {"carbon_basis": "market", "carbon_includes_embodied": True},
                    "baseline": {"years": [sim_year(BASEM[y], {"costs": {"carbon": "12045", "total": "56940"}})
                                           for y in range(3)]},
                    "scenarios": [{"name": "move", "years": [
                        sim_year(MOVE[0], {"grid_intensity_kgco2e_per_kwh": "0.4", "costs": {"total": "56940"}}),
                        sim_year(MOVE[1], {"grid_intensity_kgco2e_per_kwh": "0.36", "scope2_location_kgco2e": "157680",
                                           "scope2_market_kgco2e": "98550",
                                           "costs": {"carbon": "10950", "total": "55845"}}),
                        sim_year(MOVE[2], {"grid_intensity_kgco2e_per_kwh": "0.0405", "scope2_location_kgco2e": "17739",
                                           "scope2_market_kgco2e": "8869.5", "energy_grid_kwh": "438000",
                                           "costs": {"electricity": "43800", "carbon": "1981.95", "water": "1095",
                                                     "total": "46876.95"}})],
                        "deltas": [
                            sim_delta(MOVE[0], BASEM[0], {"scope2_location_kgco2e": "0", "costs": {"total": "0"}}),
                            sim_delta(MOVE[1], BASEM[1], {"scope2_location_kgco2e": "-17520",
                                                          "scope2_market_kgco2e": "-10950",
                                                          "costs": {"total": "-1095"}}),
                            sim_delta(MOVE[2], BASEM[2], {"grid_intensity_kgco2e_per_kwh": "-0.3595",
                                                          "scope2_location_kgco2e": "-157461",
                                                          "scope2_market_kgco2e": "-100630.5",
                                                          "costs": {"total": "-10063.05"}})]}]}})

# Utilisation, hardware refresh and growth; no prices: no costs.
BASE10 = simulate(2, growth="10")
CONS = simulate(2, growth="10", util=("80", "30", 1), refresh=(2, "40000", 4, "-20"))
scenario_vector(
    "scenario-utilisation-refresh-growth",
    SIM_BASE_WHY + "No prices: no costs, and the currency is null. Baseline growth 10 %/yr: w_1 = 1.1, w_2 = 1.21. "
    "Scenario \"consolidate\": utilisation from 50 % to 80 % from year 1 with an idle-power share p = 30 %, and a "
    "hardware refresh in year 2 (embodied 40000 kg over 4 years, IT energy -20 %). By hand: rho_u = u_0 / u_1 = 50 / 80 "
    "= 0.625 (one division), f_E = p rho_u + (1 - p) = 0.3 x 0.625 + 0.7 = 0.8875, h = 1 - 20 / 100 = 0.8. IT scale a_y "
    "= w_y f_E h: year 1 1.1 x 0.8875 = 0.97625, year 2 1.21 x 0.8875 x 0.8 = 0.8591. Year 1: E_IT 365000 x 0.97625 = "
    "356331.25, E_fac 438000 x 0.97625 = 427597.5 (PUE 1.2), water 547500 x 0.97625 = 534496.875, GPU-h 36500 x 1.1 x "
    "0.625 = 25093.75, S1 3650 x 1.1 = 4015, embodied 7300 x 1.1 x 0.625 = 5018.75, S2 location 175200 x 0.97625 = "
    "171039, market 109500 x 0.97625 = 106899.375. Year 2: E_IT 365000 x 0.8591 = 313571.5, E_fac 438000 x 0.8591 = "
    "376285.8, GPU-h 36500 x 1.21 x 0.625 = 27603.125, S1 3650 x 1.21 = 4416.5, embodied (40000 / 4) x 1.21 x 0.625 = "
    "7562.5, S2 location 175200 x 0.8591 = 150514.32. Baseline year 1 (x 1.1): E_IT 401500, GPU-h 40150, embodied 8030, "
    "S2 location 192720, market 120450: deltas -45168.75, -15056.25, -3011.25, -21681, -13550.625.",
    scen(2, [{"name": "consolidate", "utilisation": {"target_pct": "80", "idle_power_pct": "30", "from_year": 1},
              "hardware_refresh": {"year": 2, "embodied_kgco2e": "40000", "lifetime_years": 4,
                                   "it_energy_change_pct": "-20"}}], growth="10"),
    {"simulation": {"currency": None,
                    "baseline": {"growth_pct_per_year": "10", "years": [
                        sim_year(BASE10[0], {"energy_it_kwh": "365000", "costs": None}),
                        sim_year(BASE10[1], {"energy_it_kwh": "401500", "gpu_hours": "40150", "embodied_kgco2e": "8030",
                                             "scope2_location_kgco2e": "192720", "scope2_market_kgco2e": "120450"}),
                        sim_year(BASE10[2], {"energy_it_kwh": "441650", "scope1_kgco2e": "4416.5"})]},
                    "scenarios": [{"name": "consolidate", "growth_pct_per_year": "10", "years": [
                        sim_year(CONS[0], {"energy_it_kwh": "365000", "gpu_hours": "36500", "embodied_kgco2e": "7300"}),
                        sim_year(CONS[1], {"energy_it_kwh": "356331.25", "energy_facility_kwh": "427597.5", "pue": "1.2",
                                           "water_l": "534496.875", "gpu_hours": "25093.75", "scope1_kgco2e": "4015",
                                           "embodied_kgco2e": "5018.75", "scope2_location_kgco2e": "171039",
                                           "scope2_market_kgco2e": "106899.375", "costs": None}),
                        sim_year(CONS[2], {"energy_it_kwh": "313571.5", "energy_facility_kwh": "376285.8",
                                           "gpu_hours": "27603.125", "scope1_kgco2e": "4416.5",
                                           "embodied_kgco2e": "7562.5", "scope2_location_kgco2e": "150514.32"})],
                        "deltas": [
                            sim_delta(CONS[0], BASE10[0], {"energy_it_kwh": "0"}),
                            sim_delta(CONS[1], BASE10[1], {"energy_it_kwh": "-45168.75", "gpu_hours": "-15056.25",
                                                           "embodied_kgco2e": "-3011.25",
                                                           "scope2_location_kgco2e": "-21681",
                                                           "scope2_market_kgco2e": "-13550.625", "scope1_kgco2e": "0"}),
                            sim_delta(CONS[2], BASE10[2], {"scope1_kgco2e": "0"})]}]}})

# Load shift and a WUE target.
SHIFT = simulate(2, shift=("50", 2, ["0.2", "0.4", "0.6", "0.8"], 1), wue=("1", 2), prices=True)
check("0.8", add(D("0.5"), mul(D("0.5"), div(mul(4, add("0.2", "0.4")), mul(2, add("0.2", "0.4", "0.6", "0.8"))))),
      "rho_s")
scenario_vector(
    "scenario-load-shift-and-wue-target",
    SIM_BASE_WHY + COST_WHY + "No growth. Scenario \"shift\": 50 % of the load moved into the 2 lowest-intensity hours "
    "of a 4-hour time-of-use series 0.2, 0.4, 0.6, 0.8 kgCO2e/kWh from year 1, and a WUE target of 1 L/kWh by year 2. "
    "By hand: rho_s = (1 - phi) + phi x (n x sum of the m lowest) / (m x sum of all) = 0.5 + 0.5 x (4 x 0.6) / (2 x 2) "
    "= 0.5 + 0.5 x 0.6 = 0.8 (one division); it scales location-based intensity only: intensity 0.4 x 0.8 = 0.32, S2 "
    "location 175200 x 0.8 = 140160, market-based unchanged 109500. WUE_1 = 1.5 + (1 - 1.5) x 1 / 2 = 1.25, WUE_2 = 1; "
    "water = E_IT x WUE: 365000 x 1.25 = 456250, 365000. Costs year 1: 43800 + (3650 + 140160) / 10 = 14381 + 456250 / "
    "1000 x 2 = 912.5, total 59093.5; year 2: water 730, total 58911. Deltas: S2 location -35040, water -91250 and "
    "-182500, total cost 59093.5 - 62780 = -3686.5 and 58911 - 62780 = -3869.",
    scen(2, [{"name": "shift", "load_shift": {"flexible_share_pct": "50", "into_hours": 2,
                                              "time_of_use_kgco2e_per_kwh": ["0.2", "0.4", "0.6", "0.8"],
                                              "from_year": 1},
              "wue_target": {"value": "1", "by_year": 2}}], prices=PRICES),
    {"simulation": {"scenarios": [{"name": "shift", "years": [
        sim_year(SHIFT[0], {"wue_l_per_kwh": "1.5", "water_l": "547500"}),
        sim_year(SHIFT[1], {"grid_intensity_kgco2e_per_kwh": "0.32", "scope2_location_kgco2e": "140160",
                            "scope2_market_kgco2e": "109500", "wue_l_per_kwh": "1.25", "water_l": "456250",
                            "costs": {"electricity": "43800", "carbon": "14381", "water": "912.5", "total": "59093.5"}}),
        sim_year(SHIFT[2], {"scope2_location_kgco2e": "140160", "wue_l_per_kwh": "1", "water_l": "365000",
                            "costs": {"water": "730", "total": "58911"}})],
        "deltas": [
            sim_delta(SHIFT[0], BASE0[0], {"water_l": "0"}),
            sim_delta(SHIFT[1], BASE0[1], {"scope2_location_kgco2e": "-35040", "scope2_market_kgco2e": "0",
                                           "water_l": "-91250", "costs": {"total": "-3686.5"}}),
            sim_delta(SHIFT[2], BASE0[2], {"water_l": "-182500", "costs": {"total": "-3869"}})]}]}})

# No water in the report: water and every cost that needs it are null, never a partial number.
NOW_B = simulate(1, water=False, prices=True, basis="market")
NOW_S = simulate(1, water=False, renew=("75", 1), prices=True, basis="market")
scenario_vector(
    "scenario-no-water-no-partial-cost",
    SIM_BASE_WHY.replace("water W_0 = 1500 x 365 = 547500 L, ", "").replace(", WUE_0 = 547500 / 365000 = 1.5", "")
    + "This report has no water metric: water and "
    "WUE are null in every year, and so are the water cost and the total cost (never a partial total); electricity "
    "and carbon costs are still given. Prices EUR, carbon on market-based Scope 2. Scenario \"renewables\": a 75 % "
    "renewable share from year 1. By hand: market-based = E_grid x (1 - 0.75) x rate, the rate of uncovered "
    "electricity S2_mkt,0 / (E_grid,0 - min(P_0, E_grid,0)) = 109500 / (438000 - 219000) = 0.5 (one division): 438000 x "
    "0.25 x 0.5 = 54750. Carbon cost (3650 + 54750) / 1000 x 100 = 5840 (baseline (3650 + 109500) / 10 = 11315); "
    "electricity 438000 x 0.1 = 43800. Deltas: market 54750 - 109500 = -54750, carbon cost -5475, water and total null.",
    scen(1, [{"name": "renewables", "renewable_share": {"pct": "75"}}],
         prices=dict(PRICES, carbon_basis="market")),
    {"simulation": {"baseline": {"years": [
        sim_year(NOW_B[0], {"water_l": None, "wue_l_per_kwh": None,
                            "costs": {"electricity": "43800", "carbon": "11315", "water": None, "total": None}}),
        sim_year(NOW_B[1], {"water_l": None, "costs": {"water": None, "total": None}})]},
        "scenarios": [{"name": "renewables", "years": [
            sim_year(NOW_S[0], {"water_l": None}),
            sim_year(NOW_S[1], {"water_l": None, "wue_l_per_kwh": None, "scope2_market_kgco2e": "54750",
                                "costs": {"electricity": "43800", "carbon": "5840", "water": None, "total": None}})],
            "deltas": [sim_delta(NOW_S[0], NOW_B[0], {"water_l": None, "scope2_market_kgco2e": "0"}),
                       sim_delta(NOW_S[1], NOW_B[1], {"water_l": None, "scope2_market_kgco2e": "-54750",
                                                      "costs": {"carbon": "-5475", "water": None, "total": None}})]}]}},
    input=SIM_NO_WATER)

# A telemetry baseline, reported first (as ecocalc report, then ecocalc simulate on its file); one facility of two.
TELE = [rec("t1", at(2026, 6, 1, 0), at(2026, 6, 1, 12), energy={"facility": amt("660", "kWh"), "it": amt("500", "kWh")},
            water={"withdrawal": amt("700", "L")}),
        rec("t2", at(2026, 6, 1, 12), at(2026, 6, 2, 0), energy={"facility": amt("540", "kWh"), "it": amt("500", "kWh")},
            water={"withdrawal": amt("800", "L")}),
        rec("t3", at(2026, 6, 1, 0), at(2026, 6, 2, 0), fac="dc-2",
            energy={"facility": amt("300", "kWh"), "it": amt("250", "kWh")})]
check("365000", div(mul(add(500, 500), YEAR_S), 86400), "telemetry E_IT,0")
check("438000", div(mul(add(660, 540), YEAR_S), 86400), "telemetry E_fac,0")
check("547500", div(mul(add(700, 800), YEAR_S), 86400), "telemetry W_0")
check("401500", mul(365000, "1.1"), "telemetry E_fac,1")
scenario_vector(
    "scenario-telemetry-baseline-facility",
    "A baseline given as telemetry: the three records are first reported with the default settings (as ecocalc report "
    "--out does), then the scenario file is applied to that report (as ecocalc simulate does). facility_id dc-1: the "
    "baseline is dc-1's facility group, which covers 2026-06-01T00:00:00Z to 2026-06-02T00:00:00Z, T = 86,400 s (dc-2's "
    "record is not part of it). By hand: E_IT = 500 + 500 = 1000 kWh, E_fac = 660 + 540 = 1200, water 700 + 800 = 1500 "
    "L; annualised x 31,536,000 / 86,400: 365000, 438000, 547500; PUE_0 = 1.2, WUE_0 = 547500 / 365000 = 1.5. Scenario "
    "\"pue\": PUE target 1.1 by year 1, so year 1 PUE = 1.1 and E_fac = 365000 x 1.1 = 401500; water follows IT energy "
    "(unchanged, 547500). Delta E_fac 401500 - 438000 = -36500. No factor pack: the carbon values are not asserted.",
    scen(1, [{"name": "pue", "pue_target": {"value": "1.1", "by_year": 1}}], facility_id="dc-1"),
    {"simulation": {"baseline_source": {"group": "facility", "facility_id": "dc-1", "covered_seconds": "86400",
                                        "annualised": True},
                    "baseline": {"years": [{"year": 0, "energy_it_kwh": "365000", "energy_facility_kwh": "438000",
                                            "pue": "1.2", "water_l": "547500", "wue_l_per_kwh": "1.5"},
                                           {"year": 1, "energy_facility_kwh": "438000"}]},
                    "scenarios": [{"name": "pue", "years": [{"year": 0, "pue": "1.2"},
                                                            {"year": 1, "energy_it_kwh": "365000",
                                                             "energy_facility_kwh": "401500", "pue": "1.1",
                                                             "water_l": "547500", "wue_l_per_kwh": "1.5"}],
                                   "deltas": [{"year": 0, "energy_facility_kwh": "0"},
                                              {"year": 1, "energy_facility_kwh": "-36500", "pue": "-0.1"}]}]}},
    input=TELE)

scenario_vector(
    "scenario-bad-pue-target-below-one",
    "An invalid scenario file: a PUE target of 0.95 is refused (docs/simulator.md: a PUE target below 1 is refused, "
    "ISO/IEC 30134-2: PUE >= 1). The whole vector fails with invalid_scenario at /scenario (the scenario file); "
    "nothing is projected.",
    scen(1, [{"name": "impossible", "pue_target": {"value": "0.95", "by_year": 1}}]),
    {"error": {"code": "invalid_scenario", "pointer": "/scenario"}})

scenario_vector(
    "scenario-bad-currency-mismatch",
    "An invalid scenario file: the electricity price is in EUR and the carbon price in USD. ecocalc never converts "
    "currencies (docs/simulator.md, \"Money\"), so the whole vector fails with currency_mismatch at /scenario; "
    "nothing is projected.",
    scen(1, [{"name": "unchanged"}], prices=dict(PRICES, carbon_per_tco2e={"amount": "100", "currency": "USD"})),
    {"error": {"code": "currency_mismatch", "pointer": "/scenario"}})


# --- report_validation: ecocalc validate (docs/validation.md) --------------------------------------------
def pack_digest(file_name):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "factor-packs", "src", "main",
                        "resources", "org", "ecocalc", "factorpacks", file_name)
    with open(path, encoding="utf-8") as f:
        return json.load(f)["digest"]


EMBER_DIGEST = pack_digest("ember-grid-intensity-2024-1.0.0.json")
DE_USE = {"role": "grid_electricity/co2e", "factor": ref(EMBER, "ember2024.deu.co2e"), "pack_digest": EMBER_DIGEST,
          "value": "344.14", "unit": "g/kWh", "gwp_set": "unknown", "match_level": "country", "confidence": "medium",
          "citation": "Ember yearly electricity data; emissions intensity, Germany (DEU); as published in CO2.js data; "
                      "2024", "trace": [], "records": 2}
VDAY = day(1, 6, 2024)
VKEYS = ["dc-1-bms/h1", "dc-1-bms/h2"]
S2_DE = check("412.968", div(mul(1200, "344.14"), 1000), "1200 kWh at 344.14 g/kWh")
DCIE = check("0.8333333333333333333333333333333333", div(1000, 1200), "DCiE 1000 / 1200")
CLEAN = {"activity.energy_facility_kwh": "1200", "activity.energy_it_kwh": "1000",
         "activity.scope2_electricity_kwh": "1200", "efficiency.pue": check("1.2", div(1200, 1000), "PUE"),
         "efficiency.dcie": DCIE, "carbon.scope1_kgco2e": "0", "carbon.scope2_location_kgco2e": S2_DE,
         "carbon.scope2_market_kgco2e": S2_DE,
         "carbon.grid_intensity_kgco2e_per_kwh": check("0.34414", div(S2_DE, 1200), "intensity")}
CLEAN_F = {m: [DE_USE] for m in ("carbon.scope2_location_kgco2e", "carbon.scope2_market_kgco2e",
                                 "carbon.grid_intensity_kgco2e_per_kwh")}


def clean_report(scope2="both", weights=("0.4", "0.2", "0.2", "0.2"), pue="1.2"):
    period = dict(CLEAN, **{"efficiency.pue": pue})
    return report(report_settings(scope2=scope2, weights=weights),
                  [rgroup("facility_period", VKEYS, VDAY, period, facility="dc-1", period=VDAY, factors=CLEAN_F)],
                  [rgroup("facility", VKEYS, VDAY, CLEAN, facility="dc-1", factors=CLEAN_F)],
                  rgroup("total", VKEYS, VDAY, CLEAN, factors=CLEAN_F), VKEYS)


EMBER_REF = {"id": "ember-grid-intensity-2024", "version": "1.0.0", "digest": EMBER_DIGEST}
CLEAN_WHY = ("The report: dc-1 on 2024-06-01 from two records, one facility and one period, so its period, its "
             "facility and the total carry the same values: facility energy 1200 kWh, IT 1000 kWh, Scope 2 electricity "
             "1200 kWh, PUE = 1200 / 1000 = 1.2, DCiE = 1000 / 1200 = 0.8333333333333333333333333333333333 (one "
             "division), Scope 1 0 (no fuel or refrigerant: no factor needed), location- and market-based Scope 2 1200 "
             "kWh x 344.14 g/kWh (Ember 2024 Germany, ember-grid-intensity-2024@1.0.0:ember2024.deu.co2e@1, cited in "
             "each lineage) = 412968 g = 412.968 kg, grid intensity 412.968 / 1200 = 0.34414 kgCO2e/kWh; "
             "scope2_method both. ")
VAL_WHY = ("Validation (docs/validation.md): the findings, in order, are the schema's, then totals equal to their parts "
           "(the total against the facilities, then each facility against its periods), physical bounds (PUE >= 1, "
           "DCiE <= 1, groups in report order: results, facilities, total), dual Scope 2 reporting, factor citations, "
           "the manifest; the report is valid when no finding is an error. ")


def validation_vector(name, description, expected, input=None, input_text=None):
    vector("report_validation", name, description, {"validation": expected}, input=input, input_text=input_text,
           input_kind="report_validation")


def finding(severity, code, pointer):
    return {"severity": severity, "code": code, "pointer": pointer}


def counts(error, warning, info):
    return {"error": error, "warning": warning, "info": info}


r = clean_report()
r["manifest"] = manifest(r, packs=[EMBER_REF])
validation_vector(
    "validation-clean-report",
    VAL_WHY + CLEAN_WHY + "By hand: every additive metric of the total equals its facility's and the facility's its "
    "period's (1200 = 1200, 1000 = 1000, 412.968 = 412.968, 0 = 0); PUE 1.2 >= 1 and DCiE 0.83... <= 1; both Scope 2 "
    "methods in every group; every factor reference is pack@version:factor_id@version. The manifest's settings, "
    "results and run_id are sha256 of the canonical JSON of the report's settings, of its {results, facilities, "
    "total} and of the manifest without run_id, computed with Python hashlib by test-vectors/tools/make_vectors.py; "
    "they match. So no error: valid, with the one info that the data set, packs and numbers can be checked only "
    "against the inputs (activity_dataset_not_checked).",
    {"valid": True, "counts": counts(0, 0, 1),
     "findings": [finding("info", "activity_dataset_not_checked", "/manifest/activity_dataset")]},
    input=r)

V2_KEYS = ["dc-1-bms/h1", "dc-2-bms/h1"]
DCIE2 = check("1.052631578947368421052631578947368", div(1000, 950), "DCiE 1000 / 950")
PUE_F2 = check("0.8636363636363636363636363636363636", div(950, 1100), "PUE 950 / 1100")
r = report(report_settings(scope2="location"),
           [rgroup("facility_period", ["dc-1-bms/h1"], VDAY, {"activity.energy_facility_kwh": "1200",
                                                                  "activity.energy_it_kwh": "1000",
                                                                  "efficiency.pue": "1.2"},
                   facility="dc-1", period=VDAY),
            rgroup("facility_period", ["dc-2-bms/h1"], VDAY, {"activity.energy_facility_kwh": "950",
                                                                  "activity.energy_it_kwh": "1000",
                                                                  "efficiency.pue": "0.95", "efficiency.dcie": DCIE2},
                   facility="dc-2", period=VDAY)],
           [rgroup("facility", ["dc-1-bms/h1"], VDAY, {"activity.energy_facility_kwh": "1200",
                                                        "activity.energy_it_kwh": "1000", "efficiency.pue": "1.2"},
                   facility="dc-1"),
            rgroup("facility", ["dc-2-bms/h1"], VDAY, {"activity.energy_facility_kwh": "950",
                                                        "activity.energy_it_kwh": "1100", "efficiency.pue": PUE_F2},
                   facility="dc-2")],
           rgroup("total", V2_KEYS, VDAY, {"activity.energy_facility_kwh": "2250", "activity.energy_it_kwh": "2100"}),
           V2_KEYS)
check("2150", add(1200, 950), "facility energy of the facilities")
check("2100", add(1000, 1100), "IT energy of the facilities")
validation_vector(
    "validation-totals-and-physical-bounds",
    VAL_WHY + "A report of dc-1 and dc-2 on 2024-06-01 (scope2_method location), edited so that its numbers disagree. "
    "By hand: the total's facility energy is 2250 kWh but the facilities' sum to 1200 + 950 = 2150 "
    "(total_not_sum_of_facilities); its IT energy 2100 = 1000 + 1100 is consistent. dc-2's facility IT energy is 1100 "
    "but its one period says 1000 (facility_not_sum_of_periods). dc-2's period has PUE 0.95 < 1 (pue_below_one) and "
    "DCiE 1000 / 950 = 1.052631578947368421052631578947368 > 1 (dcie_above_one); dc-2's facility group has PUE 950 / "
    "1100 = 0.8636363636363636363636363636363636 < 1 (pue_below_one). dc-1 is consistent. No manifest: the info "
    "manifest_absent. 5 errors: invalid.",
    {"valid": False, "counts": counts(5, 0, 1),
     "findings": [finding("error", "total_not_sum_of_facilities", "/total/activity/activity.energy_facility_kwh/value"),
                  finding("error", "facility_not_sum_of_periods", "/facilities/1/activity/activity.energy_it_kwh/value"),
                  finding("error", "pue_below_one", "/results/1/efficiency/efficiency.pue/value"),
                  finding("error", "dcie_above_one", "/results/1/efficiency/efficiency.dcie/value"),
                  finding("error", "pue_below_one", "/facilities/1/efficiency/efficiency.pue/value"),
                  finding("info", "manifest_absent", "")]},
    input=r)

LOC_ONLY = {"carbon.scope2_location_kgco2e": S2_DE}
NC_MKT = dict(LOC_ONLY, **{"carbon.scope2_market_kgco2e": (NC, "no residual mix or grid average for DE in the packs")})
LOC_F = {"carbon.scope2_location_kgco2e": [DE_USE]}
r = report(report_settings(scope2="both"),
           [rgroup("facility_period", VKEYS, VDAY, LOC_ONLY, facility="dc-1", period=VDAY, factors=LOC_F)],
           [rgroup("facility", VKEYS, VDAY, NC_MKT, facility="dc-1", factors=LOC_F)],
           rgroup("total", VKEYS, VDAY, NC_MKT, factors=LOC_F), VKEYS)
validation_vector(
    "validation-dual-scope2-missing",
    VAL_WHY + "scope2_method both asks every group for location- and market-based Scope 2 (GHG Protocol Scope 2 "
    "Guidance, ch. 4 and 7). The report of dc-1 on 2024-06-01 has location-based Scope 2 412.968 kg (1200 kWh x 344.14 "
    "g/kWh, cited) in each group and totals consistent (412.968 = 412.968). By hand: the period group has no "
    "market-based member at all: scope2_method_missing (error) at its pointer; the facility group and the total carry "
    "it as not computable (with its reason) while location-based was computed: scope2_method_not_computable "
    "(warning) for each. No manifest: manifest_absent (info). 1 error: invalid.",
    {"valid": False, "counts": counts(1, 2, 1),
     "findings": [finding("error", "scope2_method_missing", "/results/0/carbon/carbon.scope2_market_kgco2e"),
                  finding("warning", "scope2_method_not_computable", "/facilities/0/carbon/carbon.scope2_market_kgco2e"),
                  finding("warning", "scope2_method_not_computable", "/total/carbon/carbon.scope2_market_kgco2e"),
                  finding("info", "manifest_absent", "")]},
    input=r)

UNVERSIONED = dict(DE_USE, factor="ember-grid-intensity-2024@1.0.0:ember2024.deu.co2e")
r = report(report_settings(scope2="location"),
           [rgroup("facility_period", VKEYS, VDAY, {"carbon.scope1_kgco2e": "12.5", "carbon.scope2_location_kgco2e": S2_DE,
                                                    "carbon.embodied_kgco2e": "20"},
                   facility="dc-1", period=VDAY, factors={"carbon.scope2_location_kgco2e": [UNVERSIONED]})],
           [rgroup("facility", VKEYS, VDAY, {}, facility="dc-1")], rgroup("total", VKEYS, VDAY, {}), VKEYS)
validation_vector(
    "validation-factor-citations",
    VAL_WHY + "Factor citations (GHG Protocol Corporate Standard, ch. 9; docs/factor-packs.md: a versioned reference "
    "names exactly one value). By hand: the period group of dc-1 on 2024-06-01 (the facility and total groups carry no "
    "carbon, so no sum is checked) has, in this order: Scope 1 12.5 kg citing no factor and with no rate from the inputs "
    "(carbon_factor_missing, error); location-based Scope 2 412.968 kg citing "
    "ember-grid-intensity-2024@1.0.0:ember2024.deu.co2e, without its factor version @1 "
    "(factor_reference_unversioned, error, at the reference); embodied carbon 20 kg citing no factor, whose totals "
    "come with the asset registry (carbon_factor_from_inputs, info). No manifest: manifest_absent (info). 2 errors: "
    "invalid.",
    {"valid": False, "counts": counts(2, 0, 2),
     "findings": [finding("error", "carbon_factor_missing", "/results/0/carbon/carbon.scope1_kgco2e"),
                  finding("error", "factor_reference_unversioned",
                          "/results/0/carbon/carbon.scope2_location_kgco2e/lineage/factors/0/factor"),
                  finding("info", "carbon_factor_from_inputs", "/results/0/carbon/carbon.embodied_kgco2e"),
                  finding("info", "manifest_absent", "")]},
    input=r)

r = clean_report(pue="1.25")
r["manifest"] = manifest(r, packs=[EMBER_REF], results=results_digest(clean_report()))
validation_vector(
    "validation-manifest-results-mismatch",
    VAL_WHY + CLEAN_WHY + "By hand: the report of validation-clean-report with its period's PUE edited from 1.2 to "
    "1.25 after the run: its manifest's results hash is sha256 of the canonical {results, facilities, total} before the edit, so "
    "it is not the hash of the report as it stands (manifest_results_mismatch, error); the other hashes and the "
    "run_id (over the manifest as written) match; PUE 1.25 is still >= 1 and is not summed. Hashes computed with "
    "Python hashlib by test-vectors/tools/make_vectors.py. Then the info activity_dataset_not_checked. Invalid.",
    {"valid": False, "counts": counts(1, 0, 1),
     "findings": [finding("error", "manifest_results_mismatch", "/manifest/results"),
                  finding("info", "activity_dataset_not_checked", "/manifest/activity_dataset")]},
    input=r)

r = clean_report()
m = manifest(r, packs=[EMBER_REF], dataset=sha(canonical(["another data set"])),
             settings=sha(canonical(report_settings(scope2="location"))))
m["run_id"] = manifest(r, packs=[EMBER_REF], dataset=m["activity_dataset"], settings=m["settings"])["run_id"]
m["engine"] = {"name": "ecocalc", "version": "0.0.9"}
m["signature"] = {"algorithm": "Ed25519", "key_id": sha(b"a signer's public key"), "value": "A" * 86 + "=="}
r["manifest"] = m
validation_vector(
    "validation-manifest-hashes-mismatch",
    VAL_WHY + CLEAN_WHY + "By hand, its manifest, edited: the engine says ecocalc 0.0.9 but the report ecocalc 0.1.0-SNAPSHOT "
    "(manifest_engine_mismatch); activity_dataset is the digest of another data set, not the report's dataset.digest "
    "(manifest_dataset_mismatch); settings is sha256 of the settings with scope2_method location, not of the report's "
    "(manifest_settings_mismatch); results matches; run_id was computed before the engine was edited, so it is not "
    "the hash of the manifest as it stands (manifest_run_id_mismatch). Then the infos activity_dataset_not_checked and "
    "signature_not_checked (the manifest is signed; the signature needs the public key). Hashes computed with Python "
    "hashlib by test-vectors/tools/make_vectors.py. 4 errors: invalid.",
    {"valid": False, "counts": counts(4, 0, 2),
     "findings": [finding("error", "manifest_engine_mismatch", "/manifest/engine"),
                  finding("error", "manifest_dataset_mismatch", "/manifest/activity_dataset"),
                  finding("error", "manifest_settings_mismatch", "/manifest/settings"),
                  finding("error", "manifest_run_id_mismatch", "/manifest/run_id"),
                  finding("info", "activity_dataset_not_checked", "/manifest/activity_dataset"),
                  finding("info", "signature_not_checked", "/manifest/signature")]},
    input=r)

validation_vector(
    "validation-not-json",
    "Validation (docs/validation.md), step 1: the text must be JSON. By hand: this one ends an object with a "
    "trailing comma, which RFC 8259 does not allow: one not_json error at \"\" (the whole text), and validation stops there.",
    {"valid": False, "counts": counts(1, 0, 0), "findings": [finding("error", "not_json", "")]},
    input_text='{"format": "ecocalc.report/1",}')

r = clean_report(pue="1.20")
validation_vector(
    "validation-schema-violation",
    "Validation (docs/validation.md), step 2: the report must conform to report.v1.json, whose decimals are plain "
    "strings without trailing zeros. By hand: the report of validation-clean-report (without manifest) with its period's PUE "
    "written \"1.20\": one schema_violation at that value, and validation stops there (the consistency rules assume a "
    "well-formed report).",
    {"valid": False, "findings": [finding("error", "schema_violation", "/results/0/efficiency/efficiency.pue/value")]},
    input=r)

r = clean_report(weights=("0.5", "0.2", "0.2", "0.2"))
check("1.1", add("0.5", "0.2", "0.2", "0.2"), "score weights")
validation_vector(
    "validation-report-unreadable",
    "Validation (docs/validation.md), step 2: after the schema, the engine's reader must accept the report. The report "
    "of validation-clean-report (without manifest) with score weights carbon 0.5, water 0.2, efficiency 0.2, hardware "
    "0.2: by hand they sum to 1.1, but the scorecard's weights must sum to exactly 1 (docs/methodology.md, "
    "\"Scorecard\"), which the schema cannot state. The reader refuses the settings: one report_unreadable error at "
    "/settings, and validation stops there.",
    {"valid": False, "counts": counts(1, 0, 0), "findings": [finding("error", "report_unreadable", "/settings")]},
    input=r)


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
