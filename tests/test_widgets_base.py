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
