"""Synthetic data for notebook 04 (customer classification): a retail transaction log,
a B2B account table and a B2B sales pipeline."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import SyntheticData

START, END = "2023-01-01", "2024-12-31"
# seasonality: relative purchase intensity by month (January .. December)
MONTH_WEIGHT = np.array([0.75, 0.8, 0.95, 1.0, 1.0, 1.05, 0.95, 0.95, 1.0, 1.05, 1.35, 1.6])


def retail_transactions(seed: int = 404) -> pd.DataFrame:
    """Two years of purchases of 5,000 customers of a retailer with stores and a web shop.

    Each customer joins on a date spread over the two years (a third were
    already customers on 2023-01-01), buys at a gamma-distributed rate (most
    rarely, a few very often) until churning after an exponential lifetime,
    with a log-normal typical basket, a personal gross-margin rate and a
    preferred channel; purchase dates follow the monthly seasonality
    ``MONTH_WEIGHT`` (November and December peaks).
    """
    rng = np.random.default_rng(seed)
    n = 5_000
    days = pd.date_range(START, END, freq="D")
    horizon = len(days)
    season = MONTH_WEIGHT[days.month - 1]
    existing = rng.random(n) < 1 / 3
    join = np.where(existing, 0, rng.integers(0, horizon - 14, n))
    lifetime = rng.exponential(600.0, n)
    end = np.minimum(join + lifetime, horizon - 1).astype(int)
    rate = rng.gamma(1.0, 11.0, n) + 0.5                       # purchases per year
    basket = rng.lognormal(4.0, 0.75, n)                       # typical basket, CNY
    margin_rate = np.clip(rng.beta(5, 12, n), 0.05, 0.6)       # gross margin rate
    fussy = rng.lognormal(0.0, 1.0, n)                         # propensity to need service
    online = rng.random(n) < np.clip(0.25 + 0.4 * (basket < 50), 0, 1)
    cum = np.concatenate([[0.0], np.cumsum(season)])
    parts = []
    for i in range(n):
        a, b = join[i], end[i]
        expected = rate[i] * (cum[b + 1] - cum[a]) / 365.0
        k = 1 + rng.poisson(max(expected - 1, 0.0))
        w = season[a:b + 1]
        # a new customer's first purchase is its join date; an existing one's is random
        m = k - 1 if not existing[i] else k
        others = rng.choice(np.arange(a, b + 1), size=m, p=w / w.sum())
        first = [] if existing[i] else [a]
        when = np.sort(np.concatenate([first, others])).astype(int)
        amount = basket[i] * rng.gamma(4.0, 0.25, k)
        channel_online = np.where(rng.random(k) < 0.85, online[i], ~online[i])
        parts.append((np.full(k, i), when, amount, channel_online))
    idx, day, raw, onl = (np.concatenate(a) for a in zip(*parts, strict=True))
    amt = np.round(np.maximum(raw, 1.0), 2)
    margin = np.round(amt * np.clip(margin_rate[idx] + rng.normal(0, 0.03, len(idx)), 0.0, 0.8), 2)
    onl = onl.astype(bool)
    case = rng.random(len(idx)) < np.minimum(0.04 * fussy[idx], 0.6)
    service = np.where(case, rng.gamma(2.0, 25.0, len(idx)), 0.0)
    cost = np.where(onl, 12.0 + 0.05 * amt, 2.5 + 0.01 * amt) + service
    out = pd.DataFrame({
        "customer_id": [f"C{i + 1:04d}" for i in idx],
        "date": days[day],
        "channel": pd.Categorical(np.where(onl, "online", "store"),
                                  categories=["store", "online"]),
        "amount": amt,
        "gross_margin": margin,
        "cost_to_serve": np.round(cost, 2),
    })
    return out.sort_values(["date", "customer_id"], kind="stable").reset_index(drop=True)


INDUSTRIES = ["manufacturing", "construction", "retail", "IT services", "healthcare"]


def b2b_accounts(seed: int = 405) -> pd.DataFrame:
    """400 business accounts of an industrial supplier, one row per account, last 12 months.

    Revenue is log-normal (median about 0.7 million CNY, a few accounts above
    5 million); margin rate, cost to serve and growth potential vary by
    account; the key contact's social style was rated on two 1-7 scales.
    """
    rng = np.random.default_rng(seed)
    n = 400
    industry = rng.choice(INDUSTRIES, size=n, p=[0.35, 0.2, 0.2, 0.15, 0.1])
    revenue = np.round(rng.lognormal(np.log(700_000), 1.2, n), -2)
    margin_rate = np.clip(rng.normal(0.28, 0.07, n) - 0.02 * (revenue > 3e6), 0.05, 0.55)
    gross_margin = np.round(revenue * margin_rate, -2)
    intensity = rng.lognormal(0.0, 0.6, n)                       # service intensity
    cost = np.round(15_000 * intensity + 0.06 * revenue * intensity ** 1.5, -2)
    wallet_share = 0.1 + 0.85 * rng.beta(2.0, 2.5, n)
    potential = np.round(revenue / wallet_share - revenue, -2)  # revenue still with competitors
    years = np.round(np.clip(rng.gamma(2.0, 3.0, n), 0.3, 30), 1)
    orders = 1 + rng.poisson(4 + 20 * (revenue / revenue.max()) ** 0.5 + years / 2)
    response = np.round(rng.beta(2, 6, n), 2)
    assertive = np.clip(np.round(rng.normal(4.0, 1.2, n), 1), 1, 7)
    responsive = np.clip(np.round(rng.normal(4.2, 1.2, n), 1), 1, 7)
    assertive[rng.random(n) < 0.05] = np.nan                    # survey not answered
    responsive[rng.random(n) < 0.05] = np.nan
    return pd.DataFrame({
        "account_id": [f"K{i + 1:03d}" for i in range(n)],
        "industry": pd.Categorical(industry, categories=INDUSTRIES),
        "revenue": revenue,
        "gross_margin": gross_margin,
        "cost_to_serve": cost,
        "potential_value": potential,
        "years_as_customer": years,
        "orders": orders.astype("int64"),
        "campaign_response": response,
        "assertiveness": assertive,
        "responsiveness": responsive,
    })


SOURCES = ["trade fair", "referral", "website", "cold call"]


def b2b_pipeline(seed: int = 406) -> pd.DataFrame:
    """1,500 leads of the same supplier over three years: furthest pipeline and development stage.

    A lead passes each pipeline stage with a probability that depends on its
    source (referrals convert best, cold calls worst); leads that signed a
    contract develop into repeat customers, clients and advocates with
    falling probabilities, and some lapse after a contract expires.
    """
    rng = np.random.default_rng(seed)
    n = 1_500
    source = rng.choice(SOURCES, size=n, p=[0.25, 0.15, 0.35, 0.25])
    lift = pd.Series(source).map({"trade fair": 0.0, "referral": 0.12, "website": -0.03,
                                  "cold call": -0.12}).to_numpy()
    # probability of passing from stage k to k + 1, k = 0..6
    step = np.array([0.75, 0.7, 0.65, 0.7, 0.65, 0.9, 0.55])
    stage = np.zeros(n, dtype=np.int64)
    alive = np.ones(n, dtype=bool)
    for k, p in enumerate(step):
        passed = alive & (rng.random(n) < np.clip(p + lift, 0.02, 0.98))
        stage[passed] = k + 1
        alive = passed
    dev = np.where(stage == 0, 0, np.where(stage < 6, 1, 2))
    for level, p in ((3, 0.6), (4, 0.5), (5, 0.35)):
        up = (dev == level - 1) & (rng.random(n) < p)
        dev[up] = level
    lapsed = (stage == 7) & (rng.random(n) < np.where(dev <= 2, 0.6, 0.2))
    # advocates who become partners, and prospects found not to qualify (file 002's exits)
    dev[(dev == 5) & (rng.random(n) < 0.3)] = 6
    disqualified = (dev == 1) & (rng.random(n) < 0.25)
    dev_names = np.array(["suspect", "prospect", "first-time customer", "repeat customer",
                          "client", "advocate", "partner"])
    return pd.DataFrame({
        "lead_id": [f"L{i + 1:04d}" for i in range(n)],
        "source": pd.Categorical(source, categories=SOURCES),
        "pipeline_stage": stage,
        "development_stage": pd.Categorical(dev_names[dev], categories=list(dev_names),
                                            ordered=True),
        "lapsed": lapsed,
        "disqualified": disqualified,
    })


DATASETS = [
    SyntheticData(
        name="retail_transactions",
        generate=retail_transactions,
        description=("Two years (2023-2024) of purchases of 5,000 customers of a retailer with "
                     "stores and a web shop, with gross margin and cost to serve (CNY)"),
        dates=("date",),
        categories=("channel",),
        notebook="04_customer_classification",
        columns={
            "customer_id": "customer code C0001-C5000",
            "date": "purchase date, 2023-01-01 to 2024-12-31; a customer's first date is its "
                    "join date (a third of customers already active on 2023-01-01, the rest "
                    "joining uniformly); purchases stop after an exponential lifetime (mean 600 "
                    "days, churn); dates weighted by month (Nov x1.35, Dec x1.6, Jan x0.75)",
            "channel": "store or online; each customer has a preferred channel (online more "
                       "likely for small baskets) used for 85% of purchases",
            "amount": "amount paid in CNY, 2 decimals, at least 1: the customer's log-normal "
                      "typical basket (median about 55) times a gamma(4, 1/4) visit factor; "
                      "rates of purchase gamma(1, 11)+0.5 per year, so spend is very skewed. "
                      "No returns (all amounts positive)",
            "gross_margin": "gross margin of the purchase in CNY, 2 decimals: amount times the "
                            "customer's margin rate (beta(6, 12), about 0.33) plus noise sd 0.03",
            "cost_to_serve": "cost of serving the purchase in CNY, 2 decimals: online 11 + 4% of "
                             "amount (delivery), store 2.5 + 1%, plus a service case (gamma, mean "
                             "40) on 3% of purchases; small online buyers lose money",
        },
    ),
    SyntheticData(
        name="b2b_accounts",
        generate=b2b_accounts,
        description="400 business accounts of an industrial supplier: revenue, margin, cost to "
                    "serve, growth potential, loyalty and the key contact's social style",
        categories=("industry",),
        notebook="04_customer_classification",
        columns={
            "account_id": "account code K001-K400",
            "industry": "the account's industry (manufacturing 35%, construction, retail 20% "
                        "each, IT services 15%, healthcare 10%)",
            "revenue": "sales to the account in the last 12 months, CNY, rounded to 100: "
                       "log-normal, median 700,000, sigma 1.2 (a few accounts above 5 million)",
            "gross_margin": "gross margin on those sales, CNY (rounded to 100): revenue times a "
                            "normal margin rate (mean 0.28, sd 0.07, 2 points lower above 3 "
                            "million)",
            "cost_to_serve": "annual cost of serving the account, CNY (rounded to 100): 15,000 "
                             "times a log-normal service intensity plus 6% of revenue times "
                             "intensity^1.5 (sales calls, customisation, logistics)",
            "potential_value": "estimated extra annual revenue the account spends with "
                               "competitors, CNY: revenue / share of wallet - revenue, share of "
                               "wallet beta(2, 2.5)",
            "years_as_customer": "years since the account's first order (gamma(2, 3), 1 decimal)",
            "orders": "orders in the last 12 months (1 + Poisson, more for larger, older accounts)",
            "campaign_response": "share of the supplier's campaigns the account responded to in "
                                 "the last year (beta(2, 6), 2 decimals)",
            "assertiveness": "key contact's assertiveness rated by the account manager, mean of "
                             "a 1-7 scale (normal, mean 4.0, sd 1.2, 1 decimal); 5% not rated "
                             "(missing)",
            "responsiveness": "key contact's emotional responsiveness, 1-7 (mean 4.2, sd 1.2, 1 "
                              "decimal); 5% not rated (missing)",
        },
    ),
    SyntheticData(
        name="b2b_pipeline",
        generate=b2b_pipeline,
        description="1,500 leads of the industrial supplier: source, furthest sales-pipeline "
                    "stage (0-7), furthest customer development stage, whether it lapsed "
                    "or was disqualified",
        categories=("source", "development_stage"),
        notebook="04_customer_classification",
        columns={
            "lead_id": "lead code L0001-L1500",
            "source": "where the lead came from: trade fair 25%, referral 15%, website 35%, "
                      "cold call 25%",
            "pipeline_stage": "furthest sales-progress stage reached (course file 000): 0 not "
                              "yet reached, 1 newly assigned, 2 contacted, 3 needs discussed (2 "
                              "and 3 reconstructed), 4 intends to choose us, 5 contract sent, 6 "
                              "under contract, 7 contract expired; each step passed "
                              "with probability 0.75, 0.7, 0.65, 0.7, 0.65, 0.9, 0.55, plus 0.12 "
                              "for referrals, -0.03 website, -0.12 cold calls",
            "development_stage": "furthest stage of the customer development process (course "
                                 "file 002): suspect (stage 0), prospect (1-5), first-time "
                                 "customer (under contract, 6-7), then repeat customer (p 0.6), "
                                 "client (0.5), advocate (0.35), partner (0.3)",
            "lapsed": "True if the customer left after its contract expired (60% of expired "
                      "first-time customers, 20% of the others)",
            "disqualified": "True for prospects found not to qualify (25% of the prospects)",
        },
    ),
]
