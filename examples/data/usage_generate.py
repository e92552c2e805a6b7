#!/usr/bin/env python3
"""Writes the AI usage example (one day of LLM calls and GPU jobs, 2024-11-12) and prints every expected value;
its independent model of the usage calculation also gives the usage test vectors their expected values.

The expected values are computed here, independently of ecocalc, from the formulas of docs/methodology.md
("AI usage impact") and the factors of the shipped packs (read from their JSON files by factor id):
multiplications and sums exact, each division by 3600 rounded once to 34 significant digits, half-even
(decimal128, ecocalc's MATH_CONTEXT). README.md ("AI usage: one day") shows the same arithmetic by hand.

Writes:
  examples/data/usage-events.jsonl                      the example day (15 events)
  examples/data/factor-packs/acme-sites-1.0.0.json      the organisation's own site factors (sealed)

test-vectors/tools/make_vectors.py imports this module (compute(), llm(), job(), counts(), totals(), the events and
packs below) to write the usage test vectors in the one vector format (docs/test-vectors.md).

Run: python3 examples/data/usage_generate.py > examples/data/usage-expected.txt
"""
import hashlib
import json
import math
import os
from decimal import Decimal as D, Context, ROUND_HALF_EVEN, ROUND_CEILING, localcontext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
PACKS = os.path.join(ROOT, "factor-packs", "src", "main", "resources", "org", "ecocalc", "factorpacks")
VECTORS = os.path.join(ROOT, "test-vectors", "vectors", "usage")
EXACT = Context(prec=10000)            # exact for every product and sum here
D128 = Context(prec=34, rounding=ROUND_HALF_EVEN)


def div(x, y):
    """One division, rounded like Decimals.divide: 34 significant digits, half-even."""
    return D128.divide(x, y)


def mul(*xs):
    r = D(1)
    for x in xs:
        r = EXACT.multiply(r, x)
    return r


def exact_div(x, y):
    """A division by a power of ten (or another exact divisor): exact."""
    return EXACT.divide(x, y)


def add(*xs):
    r = D(0)
    for x in xs:
        r = EXACT.add(r, x)
    return r


def s(x):
    """Plain notation, trailing zeros stripped (Decimals.toCanonicalString)."""
    if x == 0:
        return "0"
    t = format(x.normalize(context=EXACT), "f")
    return t


def load(pack_file):
    with open(os.path.join(PACKS, pack_file), encoding="utf-8") as f:
        return {x["factor_id"]: x for x in json.load(f)["factors"]}


AI = load("ai-inference-1.0.0.json")
EGRID23 = load("us-epa-egrid2023-1.0.0.json")
EMBER = load("ember-grid-intensity-2024-1.0.0.json")

# Canonical conversions (docs/units.md): Wh -> kWh x 0.001; billion -> 1 x 10^9; lb -> kg x 0.45359237; g -> kg x 0.001.
BILLION = D(10) ** 9


def v(fid, key="value"):
    return D(AI[fid][key])


def rng(fid):
    f = AI[fid]
    return (D(f.get("value_low", f["value"])), D(f["value"]), D(f.get("value_high", f["value"])))


S_E = exact_div(mul(v("ecologits.llm.gpu_energy_slope.b64"), D("0.001")), BILLION)      # kWh per active parameter per token
I_E = mul(v("ecologits.llm.gpu_energy_intercept"), D("0.001"))                 # kWh per token
S_L = exact_div(v("ecologits.llm.latency_slope"), BILLION)                               # s per active parameter per token
I_L = v("ecologits.llm.latency_intercept.b64")                                 # s per token
G = exact_div(v("ecologits.llm.gpus_per_parameter"), BILLION)                            # GPUs per parameter
W_SRV = v("ecologits.llm.server_power_per_request_gpu.b64")                    # kWh per GPU-hour of latency
M_LLM = v("ecologits.llm.embodied_per_request_gpu_hour.b64")                   # kg per GPU-hour of latency
LB = D("0.45359237")

# Grid intensities (kg CO2e / kWh) for 2024-11-12, by the location-based rule of docs/methodology.md:
#  US: eGRID2023 is the closest by date at country level for CO2, CH4, N2O, so the gases are combined with AR6
#      (CH4 27.9, N2O 273): (767.209 + 0.057 x 27.9 + 0.008 x 273) lb/MWh x 0.45359237 / 1000.
#  SE, DE: Ember 2024 published CO2e, used as published (g/kWh / 1000).
EF = {
    "US": add(mul(exact_div(mul(D(EGRID23["egrid2023.us.co2"]["value"]), LB), D(1000))),
              mul(exact_div(mul(D(EGRID23["egrid2023.us.ch4"]["value"]), LB), D(1000)), D("27.9")),
              mul(exact_div(mul(D(EGRID23["egrid2023.us.n2o"]["value"]), LB), D(1000)), D("273"))),
    "SE": exact_div(D(EMBER["ember2024.swe.co2e"]["value"]), D(1000)),
    "DE": exact_div(D(EMBER["ember2024.deu.co2e"]["value"]), D(1000)),
}
WATER = {"US": v("ecologits.water.usa"), "SE": v("ecologits.water.swe"), "DE": v("ecologits.water.deu")}


def gpus(total_params):
    """EcoLogits: 2^ceil(log2 ceil(0.03 x P_total)), at least 1."""
    n = int(mul(G, total_params).to_integral_value(rounding=ROUND_CEILING))
    n = max(n, 1)
    return D(1 << (n - 1).bit_length())


def llm(tokens_out, active, total, pue, wue, country, overhead=(D(0), D(0), D(0))):
    """Returns dict of part -> (low, central, high) for an LLM call; every argument a (low, central, high) triple
    (in canonical units: parameters as counts, pue and wue as ratios and L/kWh)."""
    out = {k: [] for k in ("n", "it", "energy", "water", "op", "emb", "carbon")}
    for b in range(3):
        pa, pt = active[b], total[b]
        n = gpus(pt)
        gpu_tok = mul(n, add(mul(S_E, pa), I_E))
        lat_tok = add(mul(S_L, pa), I_L)
        srv_tok = div(mul(n, lat_tok, W_SRV), D(3600))
        it = add(mul(D(tokens_out), add(gpu_tok, srv_tok)), overhead[b])
        e = mul(it, pue[b])
        w = mul(it, add(wue[b], mul(pue[b], WATER[country])))
        op = mul(e, EF[country])
        emb = mul(D(tokens_out), div(mul(n, lat_tok, M_LLM), D(3600)))
        for k, x in (("n", n), ("it", it), ("energy", e), ("water", w), ("op", op), ("emb", emb),
                     ("carbon", add(op, emb))):
            out[k].append(x)
    return out


def job(gpu_seconds, power, host, embodied, pue, wue, country, measured=None):
    out = {k: [] for k in ("it", "energy", "water", "op", "emb", "carbon")}
    for b in range(3):
        it = measured if measured is not None else div(mul(D(gpu_seconds), add(power, host)), D(3600))
        e = mul(it, pue[b])
        w = mul(it, add(wue[b], mul(pue[b], WATER[country]))) if wue is not None else None
        op = mul(e, EF[country])
        emb = div(mul(D(gpu_seconds), embodied), D(3600)) if embodied is not None else None
        for k, x in (("it", it), ("energy", e), ("water", w), ("op", op), ("emb", emb),
                     ("carbon", add(op, emb) if emb is not None else op)):
            out[k].append(x)
    return out


def point(x):
    return (x, x, x)


def params(model_fid_key):
    a = tuple(mul(x, BILLION) for x in rng(f"ecologits.model.{model_fid_key}.active"))
    t = tuple(mul(x, BILLION) for x in rng(f"ecologits.model.{model_fid_key}.total"))
    return a, t


def cls(name):
    a = tuple(mul(x, BILLION) for x in rng(f"ecocalc.size_class.{name}.active"))
    t = tuple(mul(x, BILLION) for x in rng(f"ecocalc.size_class.{name}.total"))
    return a, t


def prov(p):
    return rng(f"ecologits.provider.{p}.pue"), rng(f"ecologits.provider.{p}.wue")


# ------------------------------------------------------------------ the organisation's site factors (illustrative)
ACME = {
    "format": "ecocalc.factor-pack.v1", "pack_id": "acme-sites", "version": "1.0.0",
    "title": "Acme: measured PUE and on-site WUE of its two GPU sites (example data)",
    "publisher": "Acme (example organisation)", "maintainer": "ecocalc project (example)",
    "licence": {"id": "CC0-1.0", "name": "Creative Commons Zero v1.0 Universal",
                "url": "https://creativecommons.org/publicdomain/zero/1.0/"},
    "citation_only": False,
    "notes": "Example data for the usage example of examples/data/README.md: invented, not a real site.",
    "sources": [{"source_id": "acme-metering", "citation": "Acme facilities team, annual site metering 2024"
                 " (example, invented).", "url": "https://example.org/acme/site-metering-2024"}],
    "factors": [],
}
for site, cc, pue, wue in (("iad-gpu-1", "US", "1.25", "0.4"), ("sto-gpu-2", "SE", "1.12", "0.05")):
    for kind, value, unit in (("pue", pue, "kWh/kWh"), ("wue", wue, "L/kWh")):
        ACME["factors"].append({
            "factor_id": f"acme.{site}.{kind}", "version": 1, "effective_date": "2024-01-01",
            "expiry_date": "2025-01-01", "scope": "none", "category": "ai_inference",
            "activity_type": "datacenter_" + kind, "region": {"level": "facility", "code": site},
            "value": value, "unit": unit, "source_ref": "acme-metering", "source_dataset": "Acme site metering",
            "source_table": site, "source_edition": "2024", "source_year": 2024,
            "source_url": "https://example.org/acme/site-metering-2024", "confidence": "high", "illustrative": True,
            "notes": "Example value, invented for the documentation."})


def seal(pack):
    body = dict(pack)
    body.pop("digest", None)
    canon = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    body["digest"] = "sha256:" + hashlib.sha256(canon.encode("utf-8")).hexdigest()
    return body


SITE = {"iad-gpu-1": (point(D("1.25")), point(D("0.4"))), "sto-gpu-2": (point(D("1.12")), point(D("0.05")))}

# ------------------------------------------------------------------ the day: 2024-11-12
DAY = "2024-11-12"


def ev(n, kind, t, **kw):
    e = {"source_id": "acme-gateway" if kind == "llm_call" else "acme-scheduler", "external_event_id": n,
         "kind": kind, "started_at": f"{DAY}T{t}Z"}
    e.update(kw)
    return e


EVENTS = [
    ev("resp-001", "llm_call", "08:02:11", provider="openai", model="gpt-4o", tokens_in=1200, tokens_out=350,
       ended_at=f"{DAY}T08:02:16Z", organization_id="acme", team_id="search", user_id="u-1"),
    ev("resp-002", "llm_call", "08:40:05", provider="openai", model="gpt-4o", tokens_in=800, tokens_out=500,
       organization_id="acme", team_id="support", user_id="u-2"),
    ev("resp-003", "llm_call", "09:15:40", provider="openai", model="gpt-4o-mini", tokens_in=2400, tokens_out=180,
       organization_id="acme", team_id="support", user_id="u-2", attributes={"feature": "triage"}),
    ev("resp-004", "llm_call", "10:01:00", provider="openai", model="gpt-4o-mini", tokens_in=15000, tokens_out=600,
       organization_id="acme", team_id="search", user_id="u-3", attributes={"feature": "summarise"}),
    ev("resp-005", "llm_call", "10:30:12", provider="anthropic", model="claude-sonnet-4-20250514", tokens_in=3000,
       tokens_out=900, organization_id="acme", team_id="search", user_id="u-1"),
    ev("resp-006", "llm_call", "11:05:33", provider="anthropic", model="claude-haiku-4-5", tokens_in=500,
       tokens_out=120, organization_id="acme", team_id="support", user_id="u-4"),
    ev("resp-007", "llm_call", "12:20:00", provider="mistralai", model="mistral-large-latest", tokens_in=1500,
       tokens_out=700, organization_id="acme", team_id="search", user_id="u-3"),
    ev("resp-008", "llm_call", "13:45:10", provider="mistralai", model="mistral-small-latest", tokens_in=600,
       tokens_out=250, country="SE", region="swedencentral", organization_id="acme", team_id="support",
       user_id="u-4"),
    ev("resp-009", "llm_call", "14:10:00", provider="openai", model="gpt-4o", tokens_in=1000, tokens_out=400,
       country="US", region="eastus", organization_id="acme", team_id="search", user_id="u-1"),
    ev("resp-010", "llm_call", "15:00:00", provider="selfhost", model="llama-3.1-70b-acme-ft", tokens_in=2000,
       tokens_out=800, facility_id="iad-gpu-1", country="US", organization_id="acme", team_id="ml", user_id="u-5"),
    ev("resp-011", "llm_call", "16:30:00", provider="huggingface_hub", model="meta-llama/Meta-Llama-3.1-8B-Instruct",
       tokens_in=400, tokens_out=300, organization_id="acme", team_id="ml", user_id="u-5"),
    ev("resp-012", "llm_call", "17:12:45", provider="anthropic", model="claude-sonnet-4-20250514", tokens_in=2200,
       tokens_out=650, country="DE", region="eu-central-1", organization_id="acme", team_id="support",
       user_id="u-2"),
    ev("job-101", "gpu_job", "01:00:00", provider="selfhost", accelerator="nvidia-h100-sxm", gpu_seconds="28800",
       ended_at=f"{DAY}T02:00:00Z", facility_id="iad-gpu-1", country="US", organization_id="acme", team_id="ml",
       user_id="u-5", model="llama-3.1-70b-acme-ft"),
    ev("job-102", "gpu_job", "03:00:00", provider="selfhost", accelerator="nvidia-h100-sxm", gpu_seconds="14400",
       ended_at=f"{DAY}T04:00:00Z", measured_energy={"value": "3.1", "unit": "kWh"}, facility_id="iad-gpu-1",
       country="US", organization_id="acme", team_id="ml", user_id="u-5"),
    ev("job-103", "gpu_job", "20:00:00", provider="selfhost", accelerator="nvidia-a100-sxm", gpu_seconds="7200",
       ended_at=f"{DAY}T22:00:00Z", facility_id="sto-gpu-2", country="SE", organization_id="acme", team_id="ml",
       user_id="u-6"),
]

# Two more calls, outside the example day's file (the usage vectors use them): a model no pack knows, and a gpt-4o
# call of acme with an approved override of its active parameters from acme's own pack (a private model card).
UNKNOWN = {"source_id": "acme-gateway", "external_event_id": "resp-unknown", "kind": "llm_call",
           "provider": "openai", "model": "gpt-9-experimental", "tokens_in": 100, "tokens_out": 100,
           "started_at": DAY + "T12:00:00Z"}
OVERRIDE_EVENT = {"source_id": "acme-gateway", "external_event_id": "resp-override", "kind": "llm_call",
                  "provider": "openai", "model": "gpt-4o", "tokens_in": 900, "tokens_out": 500,
                  "started_at": DAY + "T12:30:00Z", "organization_id": "acme"}
ACME_MODELS = {
    "format": "ecocalc.factor-pack.v1", "pack_id": "acme-models", "version": "1.0.0",
    "title": "Acme: parameters of its contracted model deployments (test data)", "publisher": "Acme (test)",
    "licence": {"id": "CC0-1.0", "name": "Creative Commons Zero v1.0 Universal"}, "citation_only": False,
    "sources": [{"source_id": "contract", "citation": "Acme's contract annex with its provider (test data).",
                 "url": "https://example.org/acme/contract"}],
    "factors": [{"factor_id": "acme.gpt-4o.active", "version": 1, "effective_date": "2024-01-01",
                 "scope": "none", "category": "ai_inference", "activity_type": "llm_active_parameters:gpt-4o",
                 "region": {"level": "facility", "code": "acme-contracted"}, "value": "100",
                 "unit": "billion/unit",
                 "source_ref": "contract", "source_dataset": "contract annex", "source_table": "deployment",
                 "source_edition": "2024", "source_year": 2024, "source_url": "https://example.org/acme/contract",
                 "confidence": "high"}]}

US_DEFAULT = "US"
RESULTS = {}


def compute():
    pue_o, wue_o = prov("openai")
    pue_a, wue_a = prov("anthropic")
    pue_m, wue_m = prov("mistralai")
    pue_h, wue_h = prov("huggingface_hub")
    a, t = params("gpt-4o")
    RESULTS["resp-001"] = llm(350, a, t, pue_o, wue_o, "US")
    RESULTS["resp-002"] = llm(500, a, t, pue_o, wue_o, "US")
    RESULTS["resp-009"] = llm(400, a, t, pue_o, wue_o, "US")
    a, t = params("gpt-4o-mini")
    RESULTS["resp-003"] = llm(180, a, t, pue_o, wue_o, "US")
    RESULTS["resp-004"] = llm(600, a, t, pue_o, wue_o, "US")
    a, t = params("claude-sonnet-4-20250514")
    RESULTS["resp-005"] = llm(900, a, t, pue_a, wue_a, "US")
    RESULTS["resp-012"] = llm(650, a, t, pue_a, wue_a, "DE")
    a, t = params("claude-haiku-4-5")
    RESULTS["resp-006"] = llm(120, a, t, pue_a, wue_a, "US")
    a, t = params("mistral-large-latest")
    RESULTS["resp-007"] = llm(700, a, t, pue_m, wue_m, "SE")
    a, t = params("mistral-small-latest")
    RESULTS["resp-008"] = llm(250, a, t, pue_m, wue_m, "SE")
    a, t = cls("unknown")
    RESULTS["resp-010"] = llm(800, a, t, SITE["iad-gpu-1"][0], SITE["iad-gpu-1"][1], "US")
    a, t = params("meta-llama:meta-llama-3.1-8b-instruct")
    RESULTS["resp-011"] = llm(300, a, t, pue_h, wue_h, "US")
    h100 = mul(v("nvidia.h100-sxm.tdp"), D("0.001"))
    host = mul(v("ecologits.h100-sxm.host_power"), D("0.001"))
    m_h100 = v("ecologits.h100-sxm.embodied_per_gpu_hour")
    RESULTS["job-101"] = job(28800, h100, host, m_h100, *SITE["iad-gpu-1"], "US")
    RESULTS["job-102"] = job(14400, None, None, m_h100, *SITE["iad-gpu-1"], "US", measured=D("3.1"))
    a100 = mul(v("nvidia.a100-sxm.tdp"), D("0.001"))
    RESULTS["job-103"] = job(7200, a100, D(0), None, *SITE["sto-gpu-2"], "SE")
    a, t = cls("unknown")
    RESULTS["resp-unknown"] = llm(100, a, t, pue_o, wue_o, "US")
    # the override wins over the pack's 44/88/132 billion range: a point value, 100 billion active, 440 total
    RESULTS["resp-override"] = llm(500, point(mul(D(100), BILLION)), point(mul(D(440), BILLION)), pue_o, wue_o, "US")


PARTS = [("energy", "usage.energy_kwh"), ("water", "usage.water_l"), ("carbon", "usage.carbon_kgco2e"),
         ("op", "usage.carbon_operational_kgco2e"), ("emb", "usage.carbon_embodied_kgco2e")]


def totals(ids):
    out = {}
    for part, mid in PARTS:
        vals = [RESULTS[i][part] for i in ids]
        if any(x[0] is None for x in vals):
            continue
        for b, suffix in ((0, "_low"), (1, ""), (2, "_high")):
            out[mid + suffix] = s(add(*[x[b] for x in vals]))
    return out


def counts(events):
    return {"usage.events": str(len(events)),
            "usage.calls": str(sum(1 for e in events if e["kind"] == "llm_call")),
            "usage.gpu_jobs": str(sum(1 for e in events if e["kind"] == "gpu_job")),
            "usage.tokens_in": str(sum(e.get("tokens_in", 0) for e in events)),
            "usage.tokens_out": str(sum(e.get("tokens_out", 0) for e in events)),
            "usage.gpu_seconds": s(add(*[D(e.get("gpu_seconds", "0")) for e in events]))}


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def show(i):
    r = RESULTS[i]
    lines = [f"{i}:"]
    if "n" in r:
        lines.append(f"  GPUs {r['n'][0]} / {r['n'][1]} / {r['n'][2]}")
    for part, mid in PARTS:
        if r[part][0] is None:
            lines.append(f"  {mid}: not computable")
        else:
            lines.append(f"  {mid}: low {s(r[part][0])}  central {s(r[part][1])}  high {s(r[part][2])}")
    return "\n".join(lines)


def main():
    compute()
    with open(os.path.join(HERE, "usage-events.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for e in EVENTS:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    write_json(os.path.join(HERE, "factor-packs", "acme-sites-1.0.0.json"), seal(ACME))

    print("# Expected values of examples/data/usage-events.jsonl (written by usage_generate.py; do not edit)")
    print(f"# grid kgCO2e/kWh: US {s(EF['US'])}  SE {s(EF['SE'])}  DE {s(EF['DE'])}")
    for e in EVENTS:
        print(show(e["external_event_id"]))
    ids = [e["external_event_id"] for e in EVENTS]
    print("TOTAL (15 events):")
    for k, x in sorted({**counts(EVENTS), **totals(ids)}.items()):
        print(f"  {k} = {x}")
    by_model = {}
    for e in EVENTS:
        by_model.setdefault(e.get("model"), []).append(e)
    print("BY MODEL (day 2024-11-12):")
    for model in sorted(by_model, key=lambda m: (m is not None, m or "")):
        es = by_model[model]
        t = totals([e["external_event_id"] for e in es])
        print(f"  {model}: events {len(es)}, energy {t.get('usage.energy_kwh', 'n/a')} kWh,"
              f" water {t.get('usage.water_l', 'n/a')} L, carbon {t.get('usage.carbon_kgco2e', 'n/a')} kg")

    for k in ("resp-unknown", "resp-override"):
        print(show(k))


if __name__ == "__main__":
    main()
