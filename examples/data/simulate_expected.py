#!/usr/bin/env python3
"""Recomputes, independently of ecocalc, the headline numbers of `ecocalc simulate` on the benchmark
week (report with --assets assets.json) and scenario.json, from the week's totals in README.md and
the formulas of docs/methodology.md ("What-if simulator"). Divisions and compounding steps are
rounded once to 34 digits, half-even (decimal128), as ecocalc does; products and sums are exact."""
from decimal import Decimal as D, Context, ROUND_HALF_EVEN, getcontext

getcontext().prec = 200                      # products and sums: exact
C = Context(prec=34, rounding=ROUND_HALF_EVEN)  # one rounding per division
def div(a, b): return C.divide(a, b)
def rnd(a): return C.plus(a)

YEAR, WEEK = D(31536000), D(604800)
def annual(x): return div(x * YEAR, WEEK)

# Week totals (README.md, "Both facilities" and "Carbon"; embodied with assets.json).
it, fac = annual(D(355600)), annual(D(425880))
grid = annual(D(210840) + D(211680))            # fra-1 grid import + sto-1 facility − solar
water = annual(D(397600))
s1 = annual(D("5834.541375") + D("1.096"))
loc = annual(D("66598") + D("7582.3776"))
mkt = annual(D("36279.2388"))
emb = annual(C.divide(D(96 * 7012 * 168), D(35040)) + C.divide(D(128 * 7012 * 168), D(35040)))
u0 = div(D(72.5) * 129024 + D("60.83333333333333333333333333333333") * 172032, D(301056))
pe, pc, pw = D("0.15"), D("85"), D("2.5")

def cost(e_grid, s1_, s2, w):
    return e_grid * pe + (s1_ + s2) * pc / 1000 + w * pw / 1000

print("annual: facility", fac, "IT", it, "grid", grid, "water", water)
print("annual: S1", s1, "S2 loc", loc, "S2 mkt", mkt, "embodied", emb)
print("baseline year 0 cost", cost(grid, s1, loc, water))
w = D(1)
for y in range(1, 4):
    w = rnd(w * D("1.05"))
print("baseline year 3: w", w, "S2 loc", loc * w, "cost", rnd(cost(grid * w, s1 * w, loc * w, water * w)))

# efficiency, year 3: PUE 1.15 reached; WUE 0.5 held since year 2.
e_it3 = it * w
e_fac3 = e_it3 * D("1.15")
g3 = div(grid * e_fac3, fac)
l3 = div(loc * e_fac3, fac)
w3 = e_it3 * D("0.5")
print("efficiency year 3: facility", e_fac3, "S2 loc", l3, "water", w3, "cost", rnd(cost(g3, s1 * w, l3, w3)))

# clean-power, year 1: τ = 0.95; ρ = 0.8 + 0.2 × (24 × 8 × 0.29) / (8 × Σ) with Σ = 8×0.31 + 12×0.29 + 4×0.41.
tou_sum = 8 * D("0.31") + 12 * D("0.29") + 4 * D("0.41")
rho = D("0.8") + D("0.2") * div(D(24) * (8 * D("0.29")), D(8) * tou_sum)
w1 = D("1.05")
l1 = loc * w1 * D("0.95") * rho
print("clean-power year 1: rho", rho, "S2 loc", l1, "S2 mkt 0", "cost", rnd(cost(grid * w1, s1 * w1, l1, water * w1)))

# refresh, year 2: growth 10 % (w = 1.21), utilisation u0 → 80 % with 30 % idle power, IT −30 % from year 2.
rho_u = div(u0, D(80))
f_e = D("0.3") * rho_u + D("0.7")
a2 = D("1.21") * f_e * D("0.7")
emb2 = div(D(1570688), D(4)) * D("1.21") * rho_u
print("refresh year 2: rho_u", rho_u, "facility", fac * a2, "S2 loc", loc * a2, "embodied", emb2,
      "cost", rnd(cost(grid * a2, s1 * D("1.21"), loc * a2, water * a2)))
