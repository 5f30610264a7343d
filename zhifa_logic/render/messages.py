"""Words of the output, in Chinese and English."""

from __future__ import annotations

from ..model.citation import Citation

OUTCOME = {
    "zh": {"liable": "有人承担责任", "none": "无人承担责任", "no_fault": "不属于执法过错",
           "exempt": "不承担过错责任（免责事由成立）", "gap": "规则未分配（漏洞）", "conflict": "规则冲突"},
    "en": {"liable": "liable", "none": "nobody liable", "no_fault": "no fault",
           "exempt": "exempt (a ground of exemption holds)", "gap": "gap: no clause allocates", "conflict": "conflict"},
}
CATEGORY = {
    "zh": {"direct": "直接责任", "leading": "领导责任", "agency": "机关责任", None: "—"},
    "en": {"direct": "direct", "leading": "leading", "agency": "agency", None: "—"},
}
MODE = {
    "zh": {"all": "全部", "by_degree": "按责任大小", "main": "主要", "corresponding": "相应",
           "joint": "共同", None: "—"},
    "en": {"all": "all", "by_degree": "by degree", "main": "main", "corresponding": "corresponding",
           "joint": "joint", None: "—"},
}
ADJUST = {
    "zh": {"mitigate": "可以从轻、减轻", "may_exempt": "可以免予追究", "aggravate": "应当从重"},
    "en": {"mitigate": "may mitigate", "may_exempt": "may waive", "aggravate": "aggravate"},
}
WORDS = {
    "zh": {"case": "案件", "outcome": "结论", "party": "当事方", "liable": "承担",
           "category": "类别", "mode": "方式", "basis": "依据", "adjust": "情节",
           "yes": "是", "no": "否", "conflicts": "冲突", "findings": "提示", "readings": "读法",
           "person": "人员", "agency": "机关", "error": "错误", "expected": "应为",
           "suggestion": "建议", "clause": "条款", "reaches": "分配",
           "not_liable": "不承担"},
    "en": {"case": "case", "outcome": "outcome", "party": "party", "liable": "liable",
           "category": "category", "mode": "mode", "basis": "basis", "adjust": "adjust",
           "yes": "yes", "no": "no", "conflicts": "conflicts", "findings": "findings",
           "readings": "readings", "person": "person", "agency": "agency", "error": "error",
           "expected": "expected", "suggestion": "suggestion", "clause": "clause",
           "reaches": "allocates", "not_liable": "not liable"},
}


def cite(c: Citation, lang: str, source_names: dict[str, tuple[str, ...]] | None = None,
         own: str = "") -> str:
    name = ""
    if c.source and c.source != own and source_names and c.source in source_names:
        names = source_names[c.source]
        zh = next((x for x in names[1:] if any("\u4e00" <= ch <= "\u9fff" for ch in x)), names[0])
        en = next((x for x in names[1:] if x.isascii()), names[0])
        name = zh if lang == "zh" else en
    return c.zh(name) if lang == "zh" else c.en(name)
