"""The Explorer mechanism: controls drive a pure function; what it shows lands in the Output."""

import ipywidgets as w

from cvlib.widgets._base import Explorer


def _add(a, b):
    if a == 7:
        raise ValueError("a must not be 7")
    return a + b


def _explorer():
    return Explorer({"a": w.IntSlider(value=1), "b": w.IntSlider(value=2)}, compute=_add,
                    show=lambda total: print(f"total = {total}"), title="sum")


def test_result_and_output_follow_the_controls():
    e = _explorer()
    assert e.result == 3 and e.error is None
    assert e.output.outputs == ({"output_type": "stream", "name": "stdout", "text": "total = 3\n"},)
    e.controls["b"].value = 10
    assert e.result == 11
    assert e.output.outputs[0]["text"] == "total = 11\n"
    assert e.values() == {"a": 1, "b": 10}


def test_errors_are_shown_not_raised():
    e = _explorer()
    e.controls["a"].value = 7
    assert e.result is None and e.error == "a must not be 7"
    assert "a must not be 7" in e.output.outputs[0]["text"]
    e.controls["a"].value = 2
    assert e.error is None and e.result == 4


def test_displayed_objects_are_captured():
    import pandas as pd
    from IPython.display import display

    e = Explorer({"n": w.IntSlider(value=2)}, compute=lambda n: pd.DataFrame({"x": range(n)}),
                 show=display)
    [out] = e.output.outputs
    # outside a kernel display() prints the repr; in a kernel it is a display_data bundle
    text = out["text"] if out["output_type"] == "stream" else out["data"]["text/plain"]
    assert text.split() == ["x", "0", "0", "1", "1"]


import pytest  # noqa: E402


def test_printed_and_displayed_outputs_keep_their_order(kernel_display):
    import pandas as pd
    from IPython.display import display

    def show(n):
        print("before the table")
        display(pd.DataFrame({"x": range(n)}))
        print("verdict below the table")

    e = Explorer({"n": w.IntSlider(value=2)}, compute=lambda n: n, show=show)
    kinds = [(o["output_type"], o.get("text", "").strip()) for o in e.output.outputs]
    assert kinds == [("stream", "before the table"), ("display_data", ""),
                     ("stream", "verdict below the table")]
    assert "text/html" in e.output.outputs[1]["data"]


def test_offer_verdict_is_below_its_table(kernel_display):
    from cvlib.widgets.value import delivered_value_explorer

    e = delivered_value_explorer()
    kinds = [o["output_type"] for o in e.output.outputs]
    assert kinds == ["display_data", "stream"], kinds
    assert e.output.outputs[1]["text"].startswith("A value-maximising customer picks:")


def test_capture_restores_streams_and_publisher(kernel_display):
    import sys

    from cvlib.widgets._base import capture_in_order

    out, pub = sys.stdout, kernel_display.display_pub
    with pytest.raises(RuntimeError), capture_in_order():
        raise RuntimeError("boom")
    assert sys.stdout is out and kernel_display.display_pub is pub


def test_error_messages_name_the_controls_the_user_sees():
    from cvlib.widgets._base import control_wording

    box = w.Checkbox(description="normalize weights")
    slider = w.FloatSlider(description="discount rate")
    assert control_wording("pass normalize=True to rescale", {"normalize": box}) == (
        "tick the 'normalize weights' box to rescale")
    assert control_wording("or pass normalize=False", {"normalize": box}) == (
        "or untick the 'normalize weights' box")
    assert control_wording("discount_rate=10 looks like a percentage; pass discount_rate=0.1",
                           {"discount_rate": slider}) == (
        "'discount rate' = 10 looks like a percentage; set 'discount rate' to 0.1")
    # names inside other words or attributes are left alone
    assert control_wording("the_normalize=True x.normalize=True", {"normalize": box}) == (
        "the_normalize=True x.normalize=True")
    # a control without a description is called by its argument name
    assert control_wording("pass k=3", {"k": w.IntSlider()}) == "set 'k' to 3"


def test_explorer_shows_errors_in_control_words():
    from cvlib._validate import require_weights

    controls = {"a": w.IntSlider(value=50, description="weight A"),
                "b": w.IntSlider(value=50, description="weight B"),
                "normalize": w.Checkbox(value=False, description="normalize weights")}
    e = Explorer(controls, compute=lambda a, b, normalize: require_weights(
        [a, b], ["A", "B"], normalize=normalize), show=print)
    assert e.error is None
    controls["a"].value = 40
    assert "tick the 'normalize weights' box" in e.error
    assert "normalize=True" not in e.error and "normalize=True" not in e.output.outputs[0]["text"]
    controls["normalize"].value = True
    assert e.error is None


def test_wording_maps_names_that_are_not_controls():
    def compute(rate):
        raise ValueError(f"discount_rate={rate} is not a fraction; pass discount_rate=0.1")

    e = Explorer({"rate": w.IntSlider(value=10, description="rate %")}, compute=compute, show=print,
                 wording={"discount_rate": "discount rate (%)"})
    assert e.error == "'discount rate (%)' = 10 is not a fraction; set 'discount rate (%)' to 0.1"


def test_key_errors_are_shown_without_quotes():
    def compute(col):
        raise KeyError("no column 'x'; expected one of ['a']")

    e = Explorer({"col": w.Dropdown(options=["x"])}, compute=compute, show=print)
    assert e.error == "no column 'x'; expected one of ['a']"
