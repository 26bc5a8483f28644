"""techapproval: staff requests for technology resources under CT policy 3520.13."""

__version__ = "0.1.0"
