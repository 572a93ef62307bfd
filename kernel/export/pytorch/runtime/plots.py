# plots.py: the ``plot`` namespace, actnb's plot functions (kernel/plots) under PyTorch. Each
# returns a Chart (plot.image an Image) whose Vega-Lite spec and text fallback equal what actnb's
# function gives for the same numbers; names are actnb's in snake_case, options keyword arguments
# (xTitle → x_title). The functions are in the plot_*.py files before this one.
from types import SimpleNamespace

plot = SimpleNamespace(
    **{f.__name__: f for f in (activation_plot, gradient_table, loss_curve, LossCurve, dead_units_chart, histogram, image, Image,
                               confusion_matrix, training_curves, Chart)},
    VEGA_LITE_SCHEMA=VEGA_LITE_SCHEMA,
)
"""actnb's ``plot`` namespace: ``plot.activation_plot("gelu", derivative=True)`` and the rest."""
