"""zhifa-logic — a formal model of 常州市行政执法过错责任追究办法 (2008).

Layers, each importing only the ones above it in this list: ``syntax`` (Lark),
``model`` (the resolved IR), ``chain`` (networkx), ``encode``/``reason`` (Z3),
``render``, ``cli``.
"""

__version__ = "0.1.0"
