"""A car market for Gale's customer value analysis (notebook 02).

Five brands compete in one segment of the car market; the business we
analyse is **Aurora**.  One latent "truth" drives every data set:

- each brand's mean rating on six quality and four price-satisfaction
  attributes (Aurora: reliable and well serviced, priced a little above the
  market; Borealis: premium and expensive; Cometa: cheap and basic; Draco:
  average quality at a high price; Equinox: good quality at a fair price);
- dated key events (launches, a price cut, a recall, a finance offer) that
  move some of those means from the quarter they happen in;
- eight quarters, 2023Q1-2024Q4.

From it: the attribute list with focus-group weights, the brands' list
prices and shares, a respondent-level survey (fielded in 2024Q4), quarterly
tracking means, the events themselves, and Aurora's won and lost deals.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import SyntheticData

BRANDS = ["Aurora", "Borealis", "Cometa", "Draco", "Equinox"]
QUARTERS = [f"{y}Q{q}" for y in (2023, 2024) for q in (1, 2, 3, 4)]

# attribute, kind, weight (focus group, sums to 100 within kind), English label, Chinese label
ATTRIBUTES = [
    ("reliability", "quality", 25, "reliability", "可靠性"),
    ("performance", "quality", 20, "performance", "性能"),
    ("comfort", "quality", 15, "comfort", "舒适性"),
    ("safety", "quality", 15, "safety", "安全性"),
    ("styling", "quality", 10, "styling", "外观设计"),
    ("dealer_service", "quality", 15, "dealer service", "经销商服务"),
    ("purchase_price", "price", 50, "purchase price", "购买价格"),
    ("trade_in", "price", 15, "trade-in allowance", "旧车折价"),
    ("resale_value", "price", 20, "resale value", "转售价值"),
    ("finance_rate", "price", 15, "finance rate", "贷款利率"),
]
ATTR = [a[0] for a in ATTRIBUTES]
QUALITY = [a[0] for a in ATTRIBUTES if a[1] == "quality"]
PRICE = [a[0] for a in ATTRIBUTES if a[1] == "price"]

# latent mean ratings (1-10) at the start of 2023, brand x attribute (ATTR order);
# price attributes are price *satisfaction* (high = the customer finds the price good)
_BASE = {
    "Aurora":   [8.0, 6.6, 7.0, 7.8, 6.3, 7.8, 6.4, 6.8, 7.4, 6.2],
    "Borealis": [7.6, 8.3, 8.2, 8.0, 8.1, 7.2, 4.9, 6.0, 7.6, 6.0],
    "Cometa":   [6.3, 5.9, 6.0, 6.4, 6.0, 6.1, 8.3, 6.6, 5.7, 7.0],
    "Draco":    [6.7, 6.8, 6.8, 6.9, 6.7, 6.5, 5.6, 6.2, 6.2, 6.3],
    "Equinox":  [7.4, 7.0, 7.4, 7.5, 7.0, 7.0, 6.9, 6.6, 7.0, 6.6],
}

# date, brand, kind, event, {attribute: shift of the mean rating from that quarter on},
# and how many quarters a temporary shock lasts (0 = permanent)
EVENTS = [
    ("2023-05-15", "Aurora", "launch", "Aurora S model launch", {"performance": 0.6, "styling": 0.8}, 0),
    ("2023-08-20", "Borealis", "price change", "Borealis cuts list prices 8%", {"purchase_price": 0.9}, 0),
    ("2023-11-10", "Aurora", "service", "Aurora dealer service programme", {"dealer_service": 0.5}, 0),
    ("2024-03-05", "Aurora", "service failure", "Aurora brake recall",
     {"reliability": -1.0, "safety": -0.8}, 2),
    ("2024-06-18", "Cometa", "launch", "Cometa redesigned model", {"comfort": 0.5, "styling": 0.7}, 0),
    ("2024-09-01", "Aurora", "price change", "Aurora 0.99% finance offer", {"finance_rate": 1.1}, 0),
    ("2024-10-20", "Equinox", "price change", "Equinox raises list prices 5%", {"purchase_price": -0.6}, 0),
]


def _means(quarter_index: int) -> pd.DataFrame:
    """Latent mean ratings (brand x attribute) in a quarter, after the events so far."""
    m = pd.DataFrame(_BASE, index=ATTR).T.astype(float)
    for date, brand, _, _, shifts, lasts in EVENTS:
        q = QUARTERS.index(str(pd.Period(date, freq="Q")))
        age = quarter_index - q
        if age < 0:
            continue
        if lasts:
            if age > lasts:
                continue
            factor = 1.0 - age / (lasts + 1)  # a shock that fades out
        else:
            factor = 1.0
        for a, s in shifts.items():
            m.loc[brand, a] += s * factor
    return m.clip(1.0, 10.0)


def car_attributes() -> pd.DataFrame:
    """The ten attributes of the car market with their focus-group importance weights."""
    out = pd.DataFrame(ATTRIBUTES, columns=["attribute", "kind", "weight", "label", "label_zh"])
    out["kind"] = pd.Categorical(out["kind"], categories=["quality", "price"])
    return out


def car_brands() -> pd.DataFrame:
    """List prices (2024Q4) and unit market shares of the five brands."""
    out = pd.DataFrame({
        "brand": BRANDS,
        "positioning": ["reliable mainstream", "premium", "budget", "mainstream", "value"],
        "list_price": [215_000, 268_000, 142_000, 205_000, 188_000],
        "market_share": [0.22, 0.15, 0.25, 0.18, 0.20],
    })
    return out


def car_survey(seed: int = 3) -> pd.DataFrame:
    """Respondent-level ratings, fielded in 2024Q4: each respondent rates 2-3 brands.

    Every respondent rates the brand they own and one or two they considered
    (chosen in proportion to market share).  A rating is the brand's latent
    mean + the respondent's halo (a personal leniency, sd 0.7) + a segment
    shift + noise (sd 1.1; owners rate their own brand 0.3 higher), rounded and
    clipped to 1-10.  Missing answers: finance_rate is skipped by the 25% who
    paid cash, dealer_service by 15% of non-owners (no dealer contact), any
    other item 2% at random.
    """
    rng = np.random.default_rng(seed)
    means = _means(len(QUARTERS) - 1)
    share = car_brands()["market_share"].to_numpy()
    n = 640
    segments = rng.choice(["family", "young professional", "executive"], size=n, p=[0.45, 0.35, 0.2])
    seg_shift = {
        "family": np.where(np.isin(ATTR, ["safety", "comfort"]), -0.2, 0.0),
        "young professional": np.where(np.isin(ATTR, ["styling", "performance"]), -0.3, 0.0)
        + np.where(np.isin(ATTR, PRICE), -0.2, 0.0),
        "executive": np.where(np.isin(ATTR, ["dealer_service"]), -0.4, 0.0)
        + np.where(np.isin(ATTR, PRICE), 0.3, 0.0),
    }
    rows = []
    for i in range(n):
        owned = rng.choice(len(BRANDS), p=share)
        others = [b for b in range(len(BRANDS)) if b != owned]
        p = share[others] / share[others].sum()
        k = rng.choice([1, 2], p=[0.55, 0.45])
        considered = rng.choice(others, size=k, replace=False, p=p)
        halo = rng.normal(0.0, 0.7)
        cash = rng.random() < 0.25
        for j, b in enumerate([owned, *considered]):
            mu = means.iloc[b].to_numpy() + halo + seg_shift[segments[i]] + (0.3 if j == 0 else 0.0)
            x = np.clip(np.rint(mu + rng.normal(0.0, 1.1, size=len(ATTR))), 1, 10)
            miss = rng.random(len(ATTR)) < 0.02
            if cash:
                miss[ATTR.index("finance_rate")] = True
            if j > 0 and rng.random() < 0.15:
                miss[ATTR.index("dealer_service")] = True
            x = np.where(miss, np.nan, x)
            rows.append([f"R{i + 1:04d}", segments[i], BRANDS[b], j == 0, *x])
    out = pd.DataFrame(rows, columns=["respondent_id", "segment", "brand", "owner", *ATTR])
    for a in ATTR:
        out[a] = out[a].astype(float)
    out["segment"] = pd.Categorical(out["segment"], categories=["family", "young professional", "executive"])
    out["brand"] = pd.Categorical(out["brand"], categories=BRANDS)
    return out


def car_tracking(seed: int = 4) -> pd.DataFrame:
    """Quarterly tracking survey: mean rating per quarter, brand and attribute (2023Q1-2024Q4).

    The latent means (with the key events) plus sampling noise of a mean of n
    answers (sd 1.6 / sqrt(n)), n about 120 per brand and quarter.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for qi, quarter in enumerate(QUARTERS):
        m = _means(qi)
        for b in BRANDS:
            n = int(rng.integers(95, 150))
            for a in ATTR:
                r = m.loc[b, a] + rng.normal(0.0, 1.6 / np.sqrt(n))
                rows.append((quarter, b, a, round(float(np.clip(r, 1, 10)), 2), n))
    out = pd.DataFrame(rows, columns=["quarter", "brand", "attribute", "rating", "n"])
    out["brand"] = pd.Categorical(out["brand"], categories=BRANDS)
    return out


def car_events() -> pd.DataFrame:
    """The key events of the car market, 2023-2024."""
    out = pd.DataFrame([(pd.Timestamp(d), b, k, e, ", ".join(f"{a} {s:+.1f}" for a, s in sh.items())
                         + (f" (fades over {lasts} quarters)" if lasts else ""))
                        for d, b, k, e, sh, lasts in EVENTS],
                       columns=["date", "brand", "kind", "event", "effect"])
    out["kind"] = pd.Categorical(out["kind"], categories=["launch", "price change", "service", "service failure"])
    return out


def car_deals(seed: int = 5) -> pd.DataFrame:
    """Aurora's won and lost deals, 2023Q1-2024Q4, with the buyer's ratings of Aurora and the rival.

    The rival in each deal is drawn in proportion to market share.  The
    buyer rates both cars on five attributes (latent quarter means + the
    buyer's own noise, sd 1.0, rounded to 1-10).  Aurora wins with
    probability logistic(0.1 + 0.45 g_price + 0.5 g_reliability + 0.35
    g_service + 0.25 g_performance + 0.05 g_comfort), g = Aurora - rival
    rating gap.  The reason recorded is the attribute with the largest
    weighted gap in the deal's direction (the rival's edge for a loss,
    Aurora's for a win), as a sales rep would note it.  About 2% of the
    ratings are missing.
    """
    rng = np.random.default_rng(seed)
    attrs = ["reliability", "performance", "comfort", "dealer_service", "purchase_price"]
    beta = np.array([0.5, 0.25, 0.05, 0.35, 0.45])
    rivals = BRANDS[1:]
    share = car_brands().set_index("brand").loc[rivals, "market_share"].to_numpy()
    rows = []
    k = 0
    for qi, quarter in enumerate(QUARTERS):
        m = _means(qi)
        n = int(rng.integers(52, 68))
        period = pd.Period(quarter, freq="Q")
        days = (period.end_time.normalize() - period.start_time).days + 1
        for _ in range(n):
            k += 1
            rival = rivals[rng.choice(len(rivals), p=share / share.sum())]
            halo = rng.normal(0.0, 0.5)
            ours = np.clip(np.rint(m.loc["Aurora", attrs].to_numpy(float) + halo + rng.normal(0, 1.0, 5)), 1, 10)
            theirs = np.clip(np.rint(m.loc[rival, attrs].to_numpy(float) + halo + rng.normal(0, 1.0, 5)), 1, 10)
            gap = ours - theirs
            p = 1.0 / (1.0 + np.exp(-(0.1 + gap @ beta)))
            won = int(rng.random() < p)
            sign = 1.0 if won else -1.0
            pull = sign * gap * beta + rng.normal(0, 0.15, 5)
            reason = attrs[int(np.argmax(pull))]
            date = period.start_time + pd.Timedelta(days=int(rng.integers(0, days)))
            o = np.where(rng.random(5) < 0.02, np.nan, ours)
            t = np.where(rng.random(5) < 0.02, np.nan, theirs)
            rows.append([f"D{k:04d}", date, quarter, rival, won, reason, *o, *t])
    cols = ["deal_id", "date", "quarter", "competitor", "won", "reason"]
    cols += [f"{a}_ours" for a in attrs] + [f"{a}_rival" for a in attrs]
    out = pd.DataFrame(rows, columns=cols)
    for c in cols[6:]:
        out[c] = out[c].astype(float)
    out["competitor"] = pd.Categorical(out["competitor"], categories=rivals)
    return out.sort_values(["date", "deal_id"], kind="stable").reset_index(drop=True)


_RATING = "rating on a 1-10 scale (10 = best; for price attributes 10 = most satisfied with the price)"

DATASETS = [
    SyntheticData(
        name="cva_car_attributes",
        generate=car_attributes,
        description="Attributes of the car market for Gale's customer value analysis, with focus-group importance weights",
        categories=("kind",),
        notebook="02_customer_value_analysis",
        columns={
            "attribute": "attribute key, the column name in the survey, tracking and deals tables",
            "kind": "quality (non-price attribute) or price (price-satisfaction attribute)",
            "weight": "importance weight from a focus group, points out of 100 within each kind",
            "label": "English label",
            "label_zh": "Chinese label",
        },
    ),
    SyntheticData(
        name="cva_car_brands",
        generate=car_brands,
        description="The five car brands: positioning, list price (CNY) and unit market share in 2024Q4",
        notebook="02_customer_value_analysis",
        columns={
            "brand": "brand name; Aurora is the business analysed",
            "positioning": "how the brand positions itself (fixed, not random)",
            "list_price": "list price of the brand's best-selling model in CNY (fixed)",
            "market_share": "share of unit sales in the segment (fixed; sums to 1)",
        },
    ),
    SyntheticData(
        name="cva_car_survey",
        generate=car_survey,
        description="Respondent-level customer value survey of the car market (2024Q4): 640 respondents rate "
                    "the brand they own and one or two they considered on 10 attributes",
        categories=("segment", "brand"),
        notebook="02_customer_value_analysis",
        columns={
            "respondent_id": "respondent code R0001-R0640",
            "segment": "family (45%), young professional (35%) or executive (20%); young professionals rate "
                       "styling, performance and prices 0.2-0.3 lower, executives rate dealer service 0.4 "
                       "lower and prices 0.3 higher, families rate safety and comfort 0.2 lower",
            "brand": "the brand rated; each respondent rates 2-3 brands, owned brand drawn by market share",
            "owner": "True for the respondent's own brand (rated 0.3 higher on average), False for a brand considered",
            **{a: f"{lab} ({kind}): {_RATING}; latent brand mean in 2024Q4 + respondent halo (sd 0.7) + "
                  f"noise (sd 1.1), rounded"
               + ("; missing for the 25% who paid cash" if a == "finance_rate" else "")
               + ("; missing for 15% of non-owners" if a == "dealer_service" else "")
               + "; 2% missing at random"
               for a, kind, _, lab, _ in ATTRIBUTES},
        },
    ),
    SyntheticData(
        name="cva_car_tracking",
        generate=car_tracking,
        description="Quarterly tracking of mean ratings per brand and attribute, 2023Q1-2024Q4 (8 quarters)",
        categories=("brand",),
        notebook="02_customer_value_analysis",
        columns={
            "quarter": "survey quarter, '2023Q1' to '2024Q4' (wave closes at the end of the quarter)",
            "brand": "brand rated",
            "attribute": "attribute key (see cva_car_attributes)",
            "rating": "mean rating of the wave, 2 decimals: latent mean after the key events so far + "
                      "sampling noise sd 1.6/sqrt(n)",
            "n": "respondents rating the brand in the wave (95-149, uniform)",
        },
    ),
    SyntheticData(
        name="cva_car_events",
        generate=car_events,
        description="Key events of the car market 2023-2024: launches, price changes, a service programme, a recall",
        dates=("date",),
        categories=("kind",),
        notebook="02_customer_value_analysis",
        columns={
            "date": "date of the event",
            "brand": "brand concerned",
            "kind": "launch, price change, service or service failure",
            "event": "what happened",
            "effect": "the shift of the latent mean ratings that the generator applies from the event's "
                      "quarter on (the 'truth' a student should recover from the tracking data)",
        },
    ),
    SyntheticData(
        name="cva_car_deals",
        generate=car_deals,
        description="Aurora's won and lost deals 2023-2024 with the rival and the buyer's ratings of both cars",
        dates=("date",),
        categories=("competitor",),
        notebook="02_customer_value_analysis",
        columns={
            "deal_id": "deal code D0001-",
            "date": "date the deal closed (uniform within its quarter)",
            "quarter": "quarter of the deal, '2023Q1' to '2024Q4'",
            "competitor": "the rival brand in the deal, drawn by market share",
            "won": "1 if Aurora won the deal, 0 if lost; logistic in the rating gaps (coefficients "
                   "price 0.45, reliability 0.5, dealer service 0.35, performance 0.25, comfort 0.05)",
            "reason": "main reason noted by the sales rep: the attribute with the largest weighted gap in "
                      "the deal's direction",
            **{f"{a}_{side}": f"buyer's {_RATING.split(' (')[0]} of {'Aurora' if side == 'ours' else 'the rival'} "
                              f"on {a.replace('_', ' ')}: latent quarter mean + shared buyer halo (sd 0.5) + "
                              f"noise (sd 1.0), rounded; 2% missing"
               for side in ("ours", "rival")
               for a in ["reliability", "performance", "comfort", "dealer_service", "purchase_price"]},
        },
    ),
]
