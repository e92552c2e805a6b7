#!/usr/bin/env python3
"""Generates benchmark-telemetry.json: one week (2026-03-02 to 2026-03-09, UTC) of hourly records
for two facilities, and prints the expected value of every metric.

The expected values are computed here with Python's decimal module (34 significant digits,
half-even: the same as IEEE 754 decimal128, ecocalc's MATH_CONTEXT), independently of ecocalc,
from the daily profiles below; README.md shows the same arithmetic by hand.

Run: python3 generate.py > expected.txt   (it rewrites benchmark-telemetry.json)
"""
import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal as D, getcontext, ROUND_HALF_EVEN

getcontext().prec = 34
getcontext().rounding = ROUND_HALF_EVEN

START = datetime(2026, 3, 2, tzinfo=timezone.utc)
DAYS = 7


def band(h):
    """night 00-08, day 08-20, evening 20-24"""
    return "night" if h < 8 else ("day" if h < 20 else "evening")


# Per-hour values by band. Amounts are in the canonical unit (kWh, L, GPU-h).
FRA = {
    "it":          {"night": 900,   "day": 1000,   "evening": 950},
    "cooling":     {"night": 180,   "day": 260,    "evening": 220},
    "other":       {"night": 70,    "day": 70,     "evening": 70},
    "chiller":     {"night": 120,   "day": 190,    "evening": 160},
    "withdrawal":  {"night": 1800,  "day": 2600,   "evening": 2200},
    "evaporation": {"night": 1350,  "day": 1950,   "evening": 1650},
    "blowdown":    {"night": 360,   "day": 520,    "evening": 440},
    "reclaimed":   {"night": 180,   "day": 260,    "evening": 220},
    "gpu_hours":   {"night": 768,   "day": 768,    "evening": 768},
    "util":        {"night": 55,    "day": 85,     "evening": 70},
    "idle":        {"night": 20,    "day": 5,      "evening": 10},
    "requests":    {"night": 4000,  "day": 10000,  "evening": 8000},
}
STO = {
    "it":          {"night": 1100,  "day": 1200,   "evening": 1150},
    "cooling":     {"night": 60,    "day": 80,     "evening": 70},
    "other":       {"night": 50,    "day": 50,     "evening": 50},
    "reused":      {"night": 660,   "day": 720,    "evening": 690},
    "solar":       {"night": 0,     "day": 40,     "evening": 0},
    "withdrawal":  {"night": 100,   "day": 100,    "evening": 100},
    "consumption": {"night": 30,    "day": 30,     "evening": 30},
    "cooling_w":   {"night": 80,    "day": 80,     "evening": 80},
    "gpu_hours":   {"night": 1024,  "day": 1024,   "evening": 1024},
    "util":        {"night": 40,    "day": 75,     "evening": 60},
    "idle":        {"night": 30,    "day": 8,      "evening": 15},
    "requests":    {"night": 60000, "day": 150000, "evening": 100000},
}


def amount(value, unit):
    return {"value": str(value), "unit": unit}


def fra_record(t, h):
    p = {k: D(v[band(h)]) for k, v in FRA.items()}
    facility = p["it"] + p["cooling"] + p["other"]
    cet = timezone(timedelta(hours=1))
    return {
        "source_id": "fra-1-bms",
        "external_event_id": t.strftime("%Y-%m-%dT%H"),
        # Frankfurt's building system writes local time (CET, +01:00); ecocalc normalises to UTC.
        "interval": {"start": t.astimezone(cet).isoformat(), "end": (t + timedelta(hours=1)).astimezone(cet).isoformat()},
        "observed_at": (t + timedelta(hours=1, seconds=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "ingested_at": (t + timedelta(hours=1, seconds=90)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "facility_id": "fra-1", "country": "DE", "region": "EU", "grid_zone": "DE",
        "energy": {
            "facility": amount(facility, "kWh"), "it": amount(p["it"], "kWh"), "cooling": amount(p["cooling"], "kWh"),
            "grid_import": amount(facility, "kWh"), "renewable_purchased": amount(facility / 2, "kWh"),
            "reused_heat": amount(0, "kWh"),
        },
        # heat removed = the IT heat, written in MJ (1 kWh = 3.6 MJ)
        "cooling": {"chiller_energy": amount(p["chiller"], "kWh"), "heat_removed": amount(p["it"] * D("3.6"), "MJ")},
        "water": {
            "withdrawal": amount(p["withdrawal"], "L"), "consumption": amount(p["evaporation"], "L"),
            "returned": amount(p["withdrawal"] - p["evaporation"], "L"), "reclaimed": amount(p["reclaimed"], "L"),
            "cooling": amount(p["withdrawal"] - 40, "L"), "evaporation": amount(p["evaporation"], "L"),
            "blowdown": amount(p["blowdown"], "L"),
        },
        "compute": {"gpu_hours": amount(p["gpu_hours"], "GPU-h"), "training_runs": "0.125",
                    "inference_requests": int(p["requests"]), "tokens": int(p["requests"] * 600)},
        "hardware": {"utilization_pct": str(p["util"]), "idle_pct": str(p["idle"])},
    }


def sto_record(t, h):
    p = {k: D(v[band(h)]) for k, v in STO.items()}
    facility = p["it"] + p["cooling"] + p["other"]
    rec = {
        "source_id": "sto-1-dcim",
        "external_event_id": t.strftime("%Y%m%d%H"),
        "interval": {"start": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "end": (t + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")},
        "observed_at": (t + timedelta(hours=1, seconds=20)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "ingested_at": (t + timedelta(hours=1, seconds=45)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "facility_id": "sto-1", "country": "SE", "region": "EU", "grid_zone": "SE-SE3",
        "energy": {
            # Stockholm's DCIM reports energy in MWh and water in m3
            "facility": amount(facility / 1000, "MWh"), "it": amount(p["it"] / 1000, "MWh"),
            "cooling": amount(p["cooling"], "kWh"), "grid_import": amount((facility - p["solar"]) / 1000, "MWh"),
            "onsite_renewable": amount(p["solar"], "kWh"),
            "renewable_purchased": amount((facility - p["solar"]) / 1000, "MWh"),
            "reused_heat": amount(p["reused"], "kWh"),
        },
        "cooling": {"heat_removed": amount(p["it"], "kWh")},
        "water": {
            "withdrawal": amount(p["withdrawal"] / 1000, "m3"), "consumption": amount(p["consumption"] / 1000, "m3"),
            "returned": amount((p["withdrawal"] - p["consumption"]) / 1000, "m3"), "reclaimed": amount(0, "m3"),
            "cooling": amount(p["cooling_w"] / 1000, "m3"), "evaporation": amount(p["consumption"] / 1000, "m3"),
            "blowdown": amount(0, "m3"),
        },
        "compute": {"gpu_hours": amount(p["gpu_hours"], "GPU-h"), "training_runs": "0",
                    "inference_requests": int(p["requests"]), "tokens": int(p["requests"] * 800)},
        "hardware": {"utilization_pct": str(p["util"]), "idle_pct": str(p["idle"])},
    }
    if p["solar"] == 0:
        del rec["energy"]["onsite_renewable"]
    return rec


def week_sum(profile, key):
    return sum(D(profile[key][band(h)]) for h in range(24)) * DAYS


def expected(profile, name):
    s = {k: week_sum(profile, k) for k in profile}
    it, cooling, other = s["it"], s["cooling"], s["other"]
    facility = it + cooling + other
    gpu = s["gpu_hours"]
    out = {"activity.energy_facility_kwh": facility, "activity.energy_it_kwh": it,
           "activity.energy_cooling_kwh": cooling, "activity.gpu_hours": gpu,
           "activity.inference_requests": s["requests"],
           "efficiency.pue": facility / it, "efficiency.dcie": it / facility,
           "efficiency.cooling_energy_pct": cooling * 100 / facility,
           "efficiency.energy_per_gpu_hour_kwh": facility / gpu,
           "efficiency.energy_per_inference_request_kwh": facility / s["requests"],
           "efficiency.cer": it / cooling,
           "hardware.utilization_pct": sum(D(profile["util"][band(h)]) * D(profile["gpu_hours"][band(h)]) for h in range(24)) * DAYS / gpu,
           "hardware.idle_pct": sum(D(profile["idle"][band(h)]) * D(profile["gpu_hours"][band(h)]) for h in range(24)) * DAYS / gpu}
    if name == "fra-1":
        w = s["withdrawal"]
        out.update({"efficiency.chiller_cop": it / s["chiller"], "efficiency.ref": D("0.5"), "efficiency.erf": D(0),
                    "water.withdrawal_l": w, "water.consumption_l": s["evaporation"],
                    "water.returned_l": w - s["evaporation"], "water.reclaimed_pct": s["reclaimed"] * 100 / w,
                    "water.wue_l_per_kwh": w / it, "water.per_gpu_hour_l": w / gpu,
                    "water.evaporation_l": s["evaporation"], "water.blowdown_l": s["blowdown"],
                    "activity.training_runs": D("0.125") * 24 * DAYS,
                    "efficiency.energy_per_training_run_kwh": facility / (D("0.125") * 24 * DAYS),
                    "water.per_training_run_l": w / (D("0.125") * 24 * DAYS)})
    else:
        w = s["withdrawal"]
        out.update({"efficiency.ref": D(1), "efficiency.erf": s["reused"] / facility,
                    "activity.energy_onsite_renewable_kwh": s["solar"],
                    "water.withdrawal_l": w, "water.consumption_l": s["consumption"],
                    "water.returned_l": w - s["consumption"], "water.reclaimed_pct": D(0),
                    "water.wue_l_per_kwh": w / it, "water.per_gpu_hour_l": w / gpu,
                    "water.evaporation_l": s["consumption"], "water.blowdown_l": D(0),
                    "activity.training_runs": D(0)})
    return out, s


def main():
    records = []
    for i in range(24 * DAYS):
        t = START + timedelta(hours=i)
        records.append(fra_record(t, t.hour))
        records.append(sto_record(t, t.hour))
    with open("benchmark-telemetry.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(records, f, indent=1, ensure_ascii=False)
        f.write("\n")
    totals = {}
    for name, profile in (("fra-1", FRA), ("sto-1", STO)):
        e, s = expected(profile, name)
        totals[name] = (e, s)
        print(f"## {name}")
        for k in sorted(e):
            print(f"{k} = {e[k].normalize():f}")
    fe, fs = totals["fra-1"]
    se, ss = totals["sto-1"]
    facility = fe["activity.energy_facility_kwh"] + se["activity.energy_facility_kwh"]
    it = fe["activity.energy_it_kwh"] + se["activity.energy_it_kwh"]
    gpu = fe["activity.gpu_hours"] + se["activity.gpu_hours"]
    w = fe["water.withdrawal_l"] + se["water.withdrawal_l"]
    print("## total")
    for k, v in {"activity.energy_facility_kwh": facility, "activity.energy_it_kwh": it, "efficiency.pue": facility / it,
                 "efficiency.dcie": it / facility, "activity.gpu_hours": gpu,
                 "efficiency.energy_per_gpu_hour_kwh": facility / gpu, "water.withdrawal_l": w,
                 "water.wue_l_per_kwh": w / it, "water.per_gpu_hour_l": w / gpu}.items():
        print(f"{k} = {v.normalize():f}")


if __name__ == "__main__":
    main()
