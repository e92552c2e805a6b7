#!/usr/bin/env python3
"""Writes sensors.jsonl and recomputes, independently of ecocalc, the alerts it should raise with
the default alert settings (docs/alerts.md): N = 3 breaches in a row, clear after 3 good values,
5 % hysteresis, drift baseline 24 / recent 6 samples, k = 3. Exact fractions, square roots with
Python's decimal module (34 digits, half-even = decimal128)."""
from decimal import Decimal, Context, ROUND_HALF_EVEN
from fractions import Fraction
import datetime, json

D128 = Context(prec=34, rounding=ROUND_HALF_EVEN)
T0 = datetime.datetime(2026, 3, 2, tzinfo=datetime.timezone.utc)

def at(i):
    return (T0 + datetime.timedelta(minutes=10 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")

co2 = ["620", "640", "655", "980", "1040", "1120", "1180", "1090", "960", "940", "900", "880"]
inlet_f = ["75.2", "77", "78.8", "80.6", "82.4", "84.2", "86", "84.2", "80.6", "78.8", "77", "75.2"]
dp = ["100.0" if i % 2 == 0 else "100.2" for i in range(24)] + ["101.0"] * 8

lines = []
for i, v in enumerate(co2):
    lines.append({"sensor_id": "fra-1-co2-hall-a", "facility_id": "fra-1", "observed_at": at(i), "kind": "co2",
                  "value": v, "unit": "ppm", "location": "hall A"})
for i, v in enumerate(inlet_f):
    lines.append({"sensor_id": "fra-1-inlet-r12", "facility_id": "fra-1", "observed_at": at(i), "kind": "temperature",
                  "value": v, "unit": "degF", "location": "hall A, row 12, cold aisle"})
for i, v in enumerate(dp):
    lines.append({"sensor_id": "fra-1-dp-chw", "facility_id": "fra-1", "observed_at": at(i), "kind": "other",
                  "value": v, "unit": "kPa", "location": "chilled-water loop"})
with open("sensors.jsonl", "w", newline="\n") as f:
    for l in lines:
        f.write(json.dumps(l, ensure_ascii=False) + "\n")

def run(values, breach, good, n=3, m=3):
    """Indices where an alert is raised, with the N-in-a-row / clear-after-M machine."""
    out, run_, active, goods = [], [], False, 0
    for i, v in enumerate(values):
        if v is None:
            run_, goods = [], 0
            continue
        if not active:
            if breach(v):
                run_.append(i)
                if len(run_) == n:
                    out.append(list(run_)); run_ = []; active = True; goods = 0
            else:
                run_ = []
        elif good(v):
            goods += 1
            if goods >= m:
                active = False; goods = 0
        else:
            goods = 0
    return out

# CO2, rule room_co2_max 1000 ppm (clear level 1000 − 50 = 950).
c = [Fraction(v) for v in co2]
print("co2 room_co2_max:", run(c, lambda v: v > 1000, lambda v: v <= 950))
# Inlet temperature in °C: (F − 32) × 5 / 9; room_temperature_max 27 (clear 25.65), critical 32, min 18.
t = [(Fraction(v) - 32) * 5 / 9 for v in inlet_f]
print("inlet °C:", [str(x) for x in t])
print("inlet room_temperature_max:", run(t, lambda v: v > 27, lambda v: v <= Fraction("25.65")))
print("inlet critical:", run(t, lambda v: v > 32, lambda v: v <= Fraction("30.4")))
# Drift of the chilled-water differential pressure: Δ² = (B·S_r − R·S_b)² (B − 1) / (R² B (B·Q_b − S_b²)).
B, R = 24, 6
x = [Fraction(v) for v in dp]
deltas = [None] * len(x)
for end in range(B + R, len(x) + 1):
    base, rec = x[end - B - R:end - R], x[end - R:end]
    sb, qb, sr = sum(base), sum(v * v for v in base), sum(rec)
    num = (B * sr - R * sb) ** 2 * (B - 1)
    den = R * R * B * (B * qb - sb * sb)
    deltas[end - 1] = num / den
for i, d2 in enumerate(deltas):
    if d2 is not None:
        dd = D128.divide(Decimal(d2.numerator), Decimal(d2.denominator))
        print("dp position", i, at(i), "Δ =", D128.sqrt(dd), "baseline mean =",
              D128.divide(Decimal(sum(x[i + 1 - B - R:i + 1 - R]).numerator), Decimal(sum(x[i + 1 - B - R:i + 1 - R]).denominator) * B))
print("dp sensor_drift:", run(deltas, lambda v: v > 9, lambda v: v <= Fraction("2.85") ** 2))
