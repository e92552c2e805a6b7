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


# Germany's hourly grid intensity by band, g CO2e/kWh (illustrative time-of-use values; the
# engine applies each to its hour). Midday solar lowers it; the evening peak raises it.
FRA_TOU = {"night": 310, "day": 290, "evening": 410}
# Events: a generator test and a chiller top-up at fra-1, a refrigerant top-up at sto-1.
GENERATOR_TEST = datetime(2026, 3, 4, 10, tzinfo=timezone.utc)      # 150 kg diesel
FRA_TOP_UP = datetime(2026, 3, 5, 14, tzinfo=timezone.utc)          # 3.5 kg HFC-134a
STO_TOP_UP = datetime(2026, 3, 6, 9, tzinfo=timezone.utc)           # 0.8 kg HFO-1234ze(E)


def fra_record(t, h):
    p = {k: D(v[band(h)]) for k, v in FRA.items()}
    facility = p["it"] + p["cooling"] + p["other"]
    cet = timezone(timedelta(hours=1))
    extra = {}
    extra["grid_intensity"] = [{"start": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                "end": (t + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                "intensity": {"value": str(FRA_TOU[band(h)]), "unit": "gCO2e/kWh"},
                                "source": "grid-operator"}]
    if t == GENERATOR_TEST:
        extra["fuel"] = [{"fuel": "distillate_fuel_oil_no2", "quantity": {"value": "150", "unit": "kg"}}]
    if t == FRA_TOP_UP:
        extra["refrigerant"] = [{"refrigerant": "hfc-134a", "released": {"value": "3.5", "unit": "kg"}}]
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
        **extra,
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
    if t == STO_TOP_UP:
        rec["refrigerant"] = [{"refrigerant": "hfo-1234ze(e)", "released": {"value": "0.8", "unit": "kg"}}]
    return rec


def contract_records():
    """Week-long instrument records: guarantees of origin for half of fra-1's energy, a hydro PPA
    for sto-1's grid electricity."""
    week = {"start": START.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "end": (START + timedelta(days=DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")}
    fra_grid = week_sum(FRA, "it") + week_sum(FRA, "cooling") + week_sum(FRA, "other")
    sto_grid = week_sum(STO, "it") + week_sum(STO, "cooling") + week_sum(STO, "other") - week_sum(STO, "solar")
    return [
        {"source_id": "fra-1-contracts", "external_event_id": "go-2026-w10", "interval": week,
         "facility_id": "fra-1", "country": "DE", "region": "EU", "grid_zone": "DE",
         "contracts": [{"instrument_id": "GO-NO-2026-0042117", "type": "energy_attribute_certificate",
                        "energy": {"value": str(fra_grid / 2 / 1000), "unit": "MWh"},
                        "emission_rate": {"value": "0", "unit": "kg/kWh"}, "vintage": 2026, "market": "EU",
                        "scheme": "GO", "energy_source": "wind"}]},
        {"source_id": "sto-1-contracts", "external_event_id": "ppa-2026-w10", "interval": week,
         "facility_id": "sto-1", "country": "SE", "region": "EU", "grid_zone": "SE-SE3",
         "contracts": [{"instrument_id": "PPA-SE3-HYDRO-7", "type": "ppa",
                        "energy": {"value": str(sto_grid / 1000), "unit": "MWh"},
                        "emission_rate": {"value": "0", "unit": "kg/kWh"}, "vintage": 2026, "market": "SE",
                        "energy_source": "hydro"}]},
    ]


ASSETS = {"assets": [
    {"asset_id": "fra-1-hgx-h100", "facility_id": "fra-1", "quantity": 96, "gpus": 8,
     "components": [{"activity": "gpu_nvidia_h100_80gb", "count": "8"},
                    {"activity": "server_8xh100_excluding_gpus", "count": "1"}],
     "lifetime_hours": "35040", "in_service": "2025-06-01T00:00:00Z"},
    {"asset_id": "sto-1-hgx-h100", "facility_id": "sto-1", "quantity": 128, "gpus": 8,
     "components": [{"activity": "gpu_nvidia_h100_80gb", "count": "8"},
                    {"activity": "server_8xh100_excluding_gpus", "count": "1"}],
     "lifetime_hours": "35040", "in_service": "2024-09-01T00:00:00Z"},
]}


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
    records.extend(contract_records())
    with open("benchmark-telemetry.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(records, f, indent=1, ensure_ascii=False)
        f.write("\n")
    with open("assets.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(ASSETS, f, indent=1, ensure_ascii=False)
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
    carbon()
    print("## total")
    for k, v in {"activity.energy_facility_kwh": facility, "activity.energy_it_kwh": it, "efficiency.pue": facility / it,
                 "efficiency.dcie": it / facility, "activity.gpu_hours": gpu,
                 "efficiency.energy_per_gpu_hour_kwh": facility / gpu, "water.withdrawal_l": w,
                 "water.wue_l_per_kwh": w / it, "water.per_gpu_hour_l": w / gpu}.items():
        print(f"{k} = {v.normalize():f}")


def carbon():
    """Carbon, with the shipped packs: Ember 2024 (DE 344.14, SE 35.82 g/kWh), IPCC 2006 diesel (NCV
    43 TJ/Gg; 74,100 / 3 / 0.6 kg CO2 / CH4 / N2O per TJ), IPCC AR6 GWP100 (CH4 27.9, N2O 273,
    HFC-134a 1,530, HFO-1234ze(E) 1.37), GPU embodied (H100 164 kg, 8-GPU server without GPUs 5,700 kg)."""
    gwp = {"ch4": D("27.9"), "n2o": D(273), "hfc-134a": D(1530), "hfo-1234ze(e)": D("1.37")}
    tj = D(150) / 1000 * D(43) / 1000  # 150 kg = 0.00015 Gg; x 43 TJ/Gg
    diesel = tj * 74100 + tj * 3 * gwp["ch4"] + tj * D("0.6") * gwp["n2o"]
    fra_s1 = diesel + D("3.5") * gwp["hfc-134a"]
    sto_s1 = D("0.8") * gwp["hfo-1234ze(e)"]
    grid = {b: D(FRA["it"][b] + FRA["cooling"][b] + FRA["other"][b]) for b in ("night", "day", "evening")}
    hours = {"night": 8, "day": 12, "evening": 4}
    fra_loc = sum(grid[b] * hours[b] * D(FRA_TOU[b]) / 1000 for b in grid) * DAYS
    fra_kwh = sum(grid[b] * hours[b] for b in grid) * DAYS
    sto_kwh = week_sum(STO, "it") + week_sum(STO, "cooling") + week_sum(STO, "other") - week_sum(STO, "solar")
    sto_loc = sto_kwh * D("35.82") / 1000
    fra_mkt = (fra_kwh - fra_kwh / 2) * D("344.14") / 1000  # half under GOs at 0, half at the grid average
    sto_mkt = D(0)  # a PPA covers all of it
    te = 8 * D(164) + D(5700)
    fra_emb = 96 * te * 168 / D(35040)
    sto_emb = 128 * te * 168 / D(35040)
    fra_gpu = week_sum(FRA, "gpu_hours")
    sto_gpu = week_sum(STO, "gpu_hours")
    print("## carbon")
    for k, v in {"fra-1 diesel": diesel, "fra-1 scope1": fra_s1, "fra-1 scope2 location": fra_loc,
                 "fra-1 scope2 kwh": fra_kwh, "fra-1 intensity": fra_loc / fra_kwh, "fra-1 scope2 market": fra_mkt,
                 "fra-1 embodied": fra_emb, "fra-1 embodied per gpu-h": fra_emb / fra_gpu,
                 "fra-1 per gpu-h": (fra_s1 + fra_loc) / fra_gpu, "fra-1 cue": (fra_s1 + fra_loc) / week_sum(FRA, "it"),
                 "sto-1 scope1": sto_s1, "sto-1 scope2 location": sto_loc, "sto-1 scope2 kwh": sto_kwh,
                 "sto-1 scope2 market": sto_mkt, "sto-1 embodied": sto_emb,
                 "sto-1 per gpu-h": (sto_s1 + sto_loc) / sto_gpu, "sto-1 cue": (sto_s1 + sto_loc) / week_sum(STO, "it"),
                 "total scope2 location": fra_loc + sto_loc, "total scope2 market": fra_mkt + sto_mkt,
                 "total embodied": fra_emb + sto_emb,
                 "total per gpu-h": (fra_s1 + sto_s1 + fra_loc + sto_loc) / (fra_gpu + sto_gpu)}.items():
        print(f"{k} = {v.normalize():f}")


if __name__ == "__main__":
    main()
