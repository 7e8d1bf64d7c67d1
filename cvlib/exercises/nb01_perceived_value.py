"""Exercises of notebooks/01_perceived_value: delivered value, value pricing, survey value, PERVAL."""

from ..datasets import load
from . import Exercise

BENEFITS = ["product", "service", "personnel", "image"]
COSTS = ["price", "time", "energy", "psychic"]
#: importance weights stated by the young segment (exercise 01.3)
YOUNG_BENEFIT_WEIGHTS = {"product": 25, "service": 15, "personnel": 10, "image": 50}
YOUNG_COST_WEIGHTS = {"price": 60, "time": 10, "energy": 10, "psychic": 20}


def _mean_value_of_c() -> float:
    from ..value import perceived_value_scores

    scores = perceived_value_scores(load("car_value_survey"), BENEFITS, COSTS, missing="available")
    return float(scores.loc[scores["brand"] == "C", "value"].mean())


def _young_choice() -> str:
    from ..value import perceived_value_scores, value_choice

    survey = load("car_value_survey")
    young = survey[survey["segment"] == "young"]
    scores = perceived_value_scores(young, YOUNG_BENEFIT_WEIGHTS, YOUNG_COST_WEIGHTS,
                                    missing="available")
    shares = value_choice(scores).shares
    return str(shares.loc[shares["share"].idxmax(), "brand"])


def _price_alpha() -> float:
    from ..value import perval_scores

    r = perval_scores(load("car_perval"), missing="available")
    return float(r.reliability.set_index("dimension").loc["price", "alpha"])


EXERCISES = [
    Exercise(
        id="01.1",
        title="Caterpillar: the premium the customer pays over the competitor-equivalent tractor",
        expected=10_000,  # Kotler & Keller: price 100,000 - competitor-equivalent 90,000
        kind="number",
        tol=0.5,
        hint="build the price with value_based_price(base, premiums, discount) and read premium_paid "
             "(price charged minus the competitor-equivalent price), not the extra value",
    ),
    Exercise(
        id="01.2",
        title="mean perceived value (benefit - cost, equal weights) of brand C in the car survey",
        expected=_mean_value_of_c,
        kind="number",
        tol=5e-3,
        hint="perceived_value_scores(survey, benefits, costs, missing='available'), then the mean "
             "of 'value' over the rows where brand == 'C'",
    ),
    Exercise(
        id="01.3",
        title="the brand most young buyers pick when they weigh attributes with their own weights",
        expected=_young_choice,
        kind="choice",
        hint="keep only segment == 'young', score with the young weights (dicts summing to 100), "
             "then value_choice(scores).shares and take the brand with the largest share",
    ),
    Exercise(
        id="01.4",
        title="Cronbach's alpha of the PERVAL price dimension (after reverse coding price_4)",
        expected=_price_alpha,
        kind="number",
        tol=5e-3,
        hint="perval_scores(perval, missing='available').reliability; if your alpha is much lower, "
             "the negatively worded item price_4 was not reverse coded",
    ),
    Exercise(
        id="01.5",
        title="the value-hierarchy level of a service nobody asked for that delights the buyer",
        expected="unexpected",
        kind="choice",
        hint="the four levels are basic, expected, desired and unexpected; which one goes beyond "
             "what the customer wishes for?",
    ),
]
