"""Explorer for PLS path models of satisfaction indices (notebook 03).

* :func:`pls_explorer`: choose the model (ECSI or ACSI on the mobi survey,
  the plspm bank model, or your own), the inner weighting scheme, which
  blocks are formative (mode B), standardised or not, and the iteration
  limit; see the path diagram, the path coefficients and R^2
  (:func:`cvlib.pls.estimate`).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..language import say
from ..pls import PRESETS, estimate
from ._base import Explorer

__all__ = ["pls_explorer", "pls_from_controls", "pls_preset_models"]


def _zh() -> bool:
    from ..language import get_language

    return get_language() != "en"


def pls_preset_models() -> dict[str, tuple]:
    """The preset models with their published data: name -> (data, paths, blocks).

    Uses :func:`cvlib.datasets.fetch_mobi` and
    :func:`cvlib.datasets.fetch_bank_satisfaction` (set ``CVLIB_DATA_HOME``).
    """
    from .. import datasets

    cache: dict[str, object] = {}
    out = {}
    for name, (fetcher, paths, blocks) in PRESETS.items():
        if fetcher not in cache:
            cache[fetcher] = getattr(datasets, fetcher)()
        out[name] = (cache[fetcher], paths, blocks)
    return out


def pls_from_controls(models: Mapping, *, model: str, scheme: str = "path",
                      formative=(), standardized: bool = True, max_iter: int = 300):
    """Fit the chosen model as the explorer does; blocks named in ``formative`` get mode B.

    Names in ``formative`` that are not blocks of the chosen model are ignored
    (the control lists the blocks of every model).

    Examples
    --------
    >>> from cvlib import datasets
    >>> from cvlib.pls import ECSI_PATHS
    >>> from cvlib.synthetic.satisfaction import ACSI_SURVEY_BLOCKS
    >>> models = {"survey": (datasets.load("acsi_survey").dropna(), ECSI_PATHS, ACSI_SURVEY_BLOCKS)}
    >>> res = pls_from_controls(models, model="survey", formative=["Image", "Delight"])
    >>> res.modes["Image"], res.modes["Loyalty"]
    ('B', 'A')
    """
    data, paths, blocks = models[model]
    modes = {b: "B" for b in formative if b in blocks}
    return estimate(data, paths, blocks, modes=modes, scheme=scheme,
                    standardized=bool(standardized), max_iter=int(max_iter))


# the preset models' names as a Chinese reader sees them (the values stay the English names)
_MODEL_ZH = {"ECSI (mobi)": "ECSI（mobi 手机用户数据）", "ACSI (mobi, no Image)": "ACSI（mobi 数据，无企业形象）",
             "ECSI (plspm bank)": "ECSI（plspm 银行数据）"}


def pls_explorer(models: Mapping | None = None, *, model: str | None = None,
                 scheme: str = "path") -> Explorer:
    """Choose a satisfaction-index model and its estimation settings; see paths and R^2.

    Parameters
    ----------
    models : dict, optional
        name -> ``(data, paths, blocks)``; default :func:`pls_preset_models`
        (ECSI and ACSI on mobi, the plspm bank model).  Pass your own survey
        here, e.g. ``{"my survey": (df, ACSI_PATHS, my_blocks)}``.
    model : str, optional
        The model shown first (default: the first one).
    scheme : {'path', 'centroid', 'factorial'}
        The inner weighting scheme shown first.

    Returns
    -------
    Explorer
        Controls ``model`` (dropdown), ``scheme`` (dropdown), ``formative``
        (blocks estimated in mode B), ``standardized`` (checkbox) and
        ``max_iter`` (slider; set it to 1 or 2 to see a convergence failure);
        unticking ``standardized`` estimates on the centred raw items
        (plspm's ``scaled=FALSE``) and also shows the unstandardised
        ``index_effects``;
        ``.result`` is the :class:`cvlib.pls.PLSResult` of
        :func:`pls_from_controls`.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from cvlib import datasets
    >>> from cvlib.pls import ECSI_PATHS
    >>> from cvlib.synthetic.satisfaction import ACSI_SURVEY_BLOCKS
    >>> models = {"survey": (datasets.load("acsi_survey").dropna(), ECSI_PATHS, ACSI_SURVEY_BLOCKS)}
    >>> w = pls_explorer(models)
    >>> w.controls["scheme"].value = "centroid"
    >>> w.result.scheme
    'centroid'
    >>> w.controls["max_iter"].value = 1
    >>> w.result is None and "did not converge" in w.error
    True
    """
    import ipywidgets as w
    from IPython.display import display

    models = dict(pls_preset_models() if models is None else models)
    if not models:
        raise ValueError("models is empty: give name -> (data, paths, blocks)")
    names = list(models)
    if model is not None and model not in models:
        raise ValueError(f"model must be one of {names}, got {model!r}")
    blocks = []
    for _, _, bl in models.values():
        blocks += [b for b in bl if b not in blocks]
    controls = {
        "model": w.Dropdown(options=[(say(n, _MODEL_ZH[n]) if n in _MODEL_ZH else n, n) for n in names],
                            value=model or names[0], description=say("model", "模型")),
        "scheme": w.Dropdown(options=[(say("path", "路径加权"), "path"),
                                      (say("centroid", "重心加权"), "centroid"),
                                      (say("factorial", "因子加权"), "factorial")],
                             value=scheme, description=say("scheme", "内部权重方案"),
                             style={"description_width": "initial"} if _zh() else {}),
        "formative": w.SelectMultiple(options=blocks, value=(), rows=min(7, len(blocks)),
                                      description=say("mode B", "形成型（B）")),
        "standardized": w.Checkbox(value=True, description=say("standardized", "标准化")),
        "max_iter": w.IntSlider(value=300, min=1, max=300,
                                description=say("max_iter", "最大迭代次数"),
                                style={"description_width": "initial"} if _zh() else {},
                                continuous_update=False),
    }

    def compute(**values):
        return pls_from_controls(models, **values)

    def show(res):
        import matplotlib.pyplot as plt
        import pandas as pd

        from ..plots.pls import plot_pls_paths

        plot_pls_paths(res)
        plt.show()
        r2 = res.r_squared.rename("R²").to_frame().T
        print(say("standardised path coefficients (as plspm, SmartPLS and seminr report them)",
                  "标准化路径系数（与 plspm、SmartPLS 和 seminr 的报告一致）"))
        display(res.paths.round(4))
        display(pd.DataFrame(r2).round(3))
        if not res.standardized:
            print(say("unstandardised (ACSI-style) effects: change of the target score per point "
                      "of the source score, on the items' scale",
                      "非标准化效应（ACSI 的口径）：源潜变量得分每增加 1 分，目标潜变量得分的变化"
                      "（题项量表的单位）"))
            display(res.index_effects.round(4))
        print(say(f"{res.iterations} iterations, GoF = {res.gof:.3f}",
                  f"迭代 {res.iterations} 次，拟合优度 GoF = {res.gof:.3f}"))

    return Explorer(controls, compute, show,
                    title=say("PLS path model: model, inner weighting scheme and block modes",
                              "PLS 路径模型：选择模型、内部权重方案和各潜变量的测量模式"))
