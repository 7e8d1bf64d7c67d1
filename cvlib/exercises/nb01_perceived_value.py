"""Exercises of notebooks/01_perceived_value: value pricing, survey value, choice, PERVAL, hierarchy, Holbrook."""

from ..datasets import load
from . import Exercise

BENEFITS = ["product", "service", "personnel", "image"]
COSTS = ["price", "time", "energy", "psychic"]
#: importance weights of the young segment (exercise 01.3; the weights the synthetic survey used)
YOUNG_BENEFIT_WEIGHTS = {"product": 25, "service": 15, "personnel": 10, "image": 50}
YOUNG_COST_WEIGHTS = {"price": 60, "time": 10, "energy": 10, "psychic": 20}
#: Kotler & Keller's Caterpillar premiums (durability, reliability, service, parts warranty)
CATERPILLAR_PREMIUMS = {"durability": 7_000, "reliability": 6_000, "service": 5_000,
                        "warranty": 2_000}


def _ratio_share_of_c() -> float:
    from ..value import perceived_value_scores, value_choice

    scores = perceived_value_scores(load("car_value_survey"), BENEFITS, COSTS, missing="available")
    shares = value_choice(scores, value="value_ratio").shares
    return float(shares.set_index("brand").loc["C", "share"])


def _young_share_of_c() -> float:
    from ..value import perceived_value_scores, value_choice

    survey = load("car_value_survey")
    young = survey[survey["segment"] == "young"]
    scores = perceived_value_scores(young, YOUNG_BENEFIT_WEIGHTS, YOUNG_COST_WEIGHTS,
                                    missing="available")
    return float(value_choice(scores).shares.set_index("brand").loc["C", "share"])


def _holbrook_means():
    from ..datasets import trade_fair_holbrook_example
    from ..value import holbrook_scores

    return holbrook_scores(trade_fair_holbrook_example()).values.set_index("value")


def _intrinsic_share_without_spirituality(drop_from_total: bool = True) -> float:
    v = _holbrook_means()
    kept = v.drop(index="spirituality")
    intrinsic = kept.loc[kept["orientation"] == "intrinsic", "mean"].sum()
    total = (kept if drop_from_total else v)["mean"].sum()
    return float(intrinsic / total)


def _intrinsic_share_all_eight() -> float:
    v = _holbrook_means()
    return float(v.loc[v["orientation"] == "intrinsic", "mean"].sum() / v["mean"].sum())


def _price_alpha_not_reversed() -> float:
    from ..value import perval_scores

    r = perval_scores(load("car_perval"), reverse=["quality_4"], missing="available")
    return float(r.reliability.set_index("dimension").loc["price", "alpha"])


EXERCISES = [
    Exercise(
        id="01.1",
        title="Caterpillar for a quarry that gives superior service no value: the customer's gain "
              "at a price of 97,000",
        # Kotler & Keller's premiums without the service premium: value 90,000 + 7,000 + 6,000
        # + 2,000 = 105,000; gain = 105,000 - 97,000 (the worked example's gain is 10,000)
        expected=8_000,
        kind="number",
        tol=0.5,
        hint="value is what THIS customer perceives: leave out (or set to 0) the premium the quarry "
             "does not value, build its value-based price, then subtract the 97,000 charged; the "
             "premium paid over the competitor is a different number",
        mistakes=(
            (10_000, "10,000 is the customer gain of the worked example (cat.customer_gain), whose "
                     "customer values every premium and pays 100,000; the quarry differs in both"),
            (13_000, "that keeps the 5,000 service premium the quarry does not value: "
                     "110,000 - 97,000"),
            (7_000, "that is the premium paid over the competitor-equivalent price (97,000 - 90,000), "
                    "not the value the customer gets net of the price"),
        ),
    ),
    Exercise(
        id="01.2",
        title="share of respondents picking brand C when they maximise the value ratio "
              "(equal weights)",
        expected=_ratio_share_of_c,
        kind="number",
        tol=5e-3,
        hint="value_choice picks, for each respondent, the brand with the largest value in the "
             "column named by its value= argument; the scores table has a value_ratio column. "
             "Give the share as a fraction (0 to 1) of all 450 respondents",
    ),
    Exercise(
        id="01.3",
        title="share of the young buyers picking brand C with the young segment's own weights",
        expected=_young_share_of_c,
        kind="number",
        tol=5e-3,
        hint="score only the rows of segment 'young', with the weights as two dicts (benefits, "
             "costs), then read brand C's share from value_choice(...).shares; the equal-weight "
             "share of section 4.2 is not the answer",
    ),
    Exercise(
        id="01.4",
        title="Cronbach's alpha of the PERVAL price dimension when price_4 is NOT reverse coded",
        expected=_price_alpha_not_reversed,
        kind="number",
        tol=5e-3,
        hint="perval_scores reverse codes quality_4 and price_4 unless you pass reverse= yourself; "
             "give a list that leaves price_4 as answered, and read the price row of .reliability",
    ),
    Exercise(
        id="01.5",
        title="the value-hierarchy level of the anniversary surprise once every dealer offers it",
        expected="expected",  # the notebook's section 6.1: copied surprises become expected value
        kind="choice",
        hint="answer with one word: basic, expected, desired or unexpected; reread the sentence "
             "that follows the four levels in section 6.1",
    ),
    Exercise(
        id="01.6",
        title="the intrinsic values' share of the trade-fair visitors' summed mean ratings, "
              "spirituality left out (Holbrook's typology)",
        expected=_intrinsic_share_without_spirituality,
        kind="number",
        tol=5e-4,
        hint="holbrook_scores(trade_fair_holbrook_example()).values has one row per value with its "
             "orientation and mean rating; drop the spirituality row, then divide the summed means "
             "of the remaining intrinsic values (play, aesthetics, ethics) by the summed means of "
             "all seven remaining values",
        mistakes=(
            (_intrinsic_share_all_eight, "that is the intrinsic share with spirituality included "
                                         "(the .dimensions table); leave spirituality out"),
            (lambda: _intrinsic_share_without_spirituality(drop_from_total=False),
             "you left spirituality out of the intrinsic values but kept it in the total: divide "
             "by the seven remaining values' summed means"),
            (lambda: 1 - _intrinsic_share_without_spirituality(),
             "that is the extrinsic values' share; the question asks for the intrinsic ones"),
        ),
    ),
]
