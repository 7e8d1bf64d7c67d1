"""Bilingual glossary of the course (客户价值分类管理): English, 中文, definitions, notebook.

Every term has an English name, a Chinese name (the course material's or a
mainland textbook's), aliases (synonyms used by other textbooks, in either
language), an English definition and a Chinese definition (释义).

>>> from cvlib.glossary import lookup, name
>>> lookup("顾客让渡价值").english
'customer delivered value'
>>> lookup("customer delivered value").chinese
'顾客让渡价值'
>>> from cvlib import language
>>> with language.use("zh"):
...     name("retention rate")
'客户保持率'

``terms()`` returns the whole table as a DataFrame; ``name(term)`` gives the
term's name in the current language (:func:`cvlib.set_language`), for plot
labels and widget controls; ``label(term)`` the bilingual label
("customer delivered value / 顾客让渡价值"); ``search(text)`` finds terms by
any name or definition, and ``close_matches(text)`` suggests terms for a
misspelt or unlisted word.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import pandas as pd

from .language import get_language, say

__all__ = ["Term", "TERMS", "lookup", "label", "name", "search", "close_matches", "terms"]


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes
    ----------
    english, chinese : str
        The term's names; the Chinese one is the course material's where it
        has one.
    definition : str
        English definition.
    notebook : str
        The notebook that teaches the term.
    aliases : tuple of str
        Other names that resolve to the term (either language).
    definition_zh : str
        Chinese definition, written as a Chinese textbook defines the term.
    """

    english: str
    chinese: str
    definition: str
    notebook: str
    aliases: tuple[str, ...] = ()
    definition_zh: str = ""

    def __str__(self) -> str:
        """The entry in the current language (:func:`cvlib.set_language`)."""
        en = f"{self.english} / {self.chinese}: {self.definition} (notebook {self.notebook})"
        zh = f"{self.chinese}（{self.english}）：{self.definition_zh}（见笔记本 {self.notebook}）"
        lang = get_language()
        if lang == "zh":
            return zh
        if lang == "en+zh":
            return f"{en}\n{self.chinese}：{self.definition_zh}"
        return en


_V, _C, _S, _K, _L, _0 = (
    "01_perceived_value",
    "02_customer_value_analysis",
    "03_satisfaction",
    "04_customer_classification",
    "05_lifetime_value",
    "00_start_here",
)

TERMS: tuple[Term, ...] = (
    # 00 the course and its vocabulary
    Term("customer value", "客户价值", "The value a customer perceives in an offer, and, seen from the firm, the value a customer brings to it; the course studies both.", _0,
         definition_zh="顾客从企业的产品或服务中感知到的价值；从企业一方看，也指客户为企业带来的价值。本课程两方面都研究。"),
    Term("customer relationship management", "客户关系管理", "Managing the relationships with customers to acquire, keep and grow the profitable ones (CRM).", _0, ("crm",),
         definition_zh="企业通过识别、获取、保持和发展有价值的客户，管理与客户之间关系的理念、流程和技术（CRM）。"),
    Term("customer value classification management", "客户价值分类管理", "Grouping customers by the value they bring and managing each group differently.", _K,
         definition_zh="按客户为企业带来的价值把客户分成不同类别，并对各类客户采取不同的资源投入和管理策略。"),
    # 01 perceived value
    Term("customer delivered value", "顾客让渡价值", "Total customer value minus total customer cost (Kotler): what the customer gains from an offer net of what it costs.", _V, ("delivered value",),
         definition_zh="顾客整体价值与顾客整体成本之差（科特勒），即顾客从一项供给中得到的净收益。"),
    Term("total customer value", "顾客整体价值", "The bundle of benefits a customer expects from an offer: product, service, personnel and image value.", _V, ("顾客总价值", "客户总价值"),
         definition_zh="顾客从某一产品或服务中期望获得的全部利益，由产品价值、服务价值、人员价值和形象价值构成。"),
    Term("total customer cost", "顾客整体成本", "Everything a customer gives up to obtain an offer: monetary, time, energy and psychic cost.", _V, ("顾客总成本", "客户总成本"),
         definition_zh="顾客为获得某一产品或服务所付出的全部代价，包括货币成本、时间成本、精力成本和精神成本。"),
    Term("product value", "产品价值", "Value from the product's features, quality, design and performance.", _V,
         definition_zh="由产品的功能、特性、质量、款式和性能等带给顾客的价值。"),
    Term("service value", "服务价值", "Value from delivery, installation, training, repair and other services attached to the product.", _V,
         definition_zh="伴随产品提供的送货、安装、培训、维修等各种服务带给顾客的价值。"),
    Term("personnel value", "人员价值", "Value from the knowledge, responsiveness and courtesy of the firm's staff.", _V,
         definition_zh="企业员工的知识、业务能力、响应速度和服务态度带给顾客的价值。"),
    Term("image value", "形象价值", "Value from the brand's and the firm's reputation in the customer's eyes.", _V,
         definition_zh="企业及其品牌在顾客心目中的形象和声誉带给顾客的价值。"),
    Term("monetary cost", "货币成本", "The price paid, plus any other money spent to obtain and use the offer.", _V,
         definition_zh="顾客购买和使用产品所支付的价格及其他货币支出。"),
    Term("time cost", "时间成本", "Time the customer spends searching, buying, waiting and using.", _V,
         definition_zh="顾客在搜寻、购买、等待和使用产品过程中花费的时间。"),
    Term("energy cost", "精力成本", "Physical effort the customer spends to obtain and use the offer.", _V, ("体力成本",),
         definition_zh="顾客为获得和使用产品所耗费的体力（又称体力成本）。"),
    Term("psychic cost", "精神成本", "Mental effort, stress and risk the customer bears in the purchase.", _V,
         definition_zh="顾客在购买过程中承受的精神负担、心理压力和风险。"),
    Term("sensory burden", "感观负担", "The fourth cost in the course material's list (file 004), where Kotler's Chinese editions name psychic cost; cvlib accepts either.", _V,
         definition_zh="课程讲义（004）所列的第四种成本，科特勒教材中文版称为精神成本；cvlib 两种名称都接受。"),
    Term("use value", "使用价值", "Woodruff's value a customer gets from using a product, as opposed to owning it.", _V,
         definition_zh="伍德拉夫（Woodruff）提出的、顾客在使用产品过程中获得的价值，与拥有价值相对。"),
    Term("possession value", "拥有价值", "Woodruff's value a customer gets from owning a product (status, collection, security), as opposed to using it.", _V,
         definition_zh="伍德拉夫提出的、顾客因拥有产品而获得的价值（如身份、收藏、安全感），与使用价值相对。"),
    Term("perceived value", "感知价值", "The customer's overall judgement of an offer's utility, weighing perceived benefits against perceived sacrifices (Zeithaml 1988).", _V,
         definition_zh="顾客权衡感知到的利得与付出之后，对产品或服务效用的总体评价（Zeithaml 1988）。"),
    Term("perceived benefit", "感知利得", "The benefits a customer believes an offer gives (Meehan's Fc).", _V,
         definition_zh="顾客认为一项供给能给自己带来的各种利益（Meehan 模型中的 Fc）。"),
    Term("perceived sacrifice", "感知利失", "The costs a customer believes an offer imposes (Meehan's Cc).", _V, ("perceived cost",),
         definition_zh="顾客认为获得一项供给所必须付出的各种代价（Meehan 模型中的 Cc）。"),
    Term("value-to-cost ratio", "价值成本比", "Total customer value divided by total customer cost; above 1 the offer gives more than it takes.", _V, ("value ratio",),
         definition_zh="顾客整体价值与顾客整体成本之比；大于 1 表示顾客得到的多于付出的。"),
    Term("perceived-value pricing", "感知价值定价", "Setting the price from the value the customer perceives rather than from cost (Kotler's Caterpillar example).", _V,
         definition_zh="以顾客感知到的价值而不是以成本为依据来制定价格（如科特勒书中卡特彼勒的例子）。"),
    Term("consumption value", "消费价值", "Sheth, Newman & Gross's five values driving choice: functional, social, emotional, epistemic and conditional.", _V,
         definition_zh="谢斯（Sheth）、纽曼和格罗斯提出的影响消费选择的五种价值：功能性、社交性、情感性、认知性和条件性价值。"),
    Term("functional value", "功能性价值", "Utility from an offer's functional, utilitarian or physical performance.", _V, ("功能价值",),
         definition_zh="产品在功能、效用或物理性能方面带给顾客的效用。"),
    Term("social value", "社交性价值", "Utility from an offer's association with social groups.", _V, ("社会价值",),
         definition_zh="产品因与某些社会群体相联系而带给顾客的效用。"),
    Term("emotional value", "情感性价值", "Utility from the feelings or affective states an offer arouses.", _V, ("情感价值",),
         definition_zh="产品唤起顾客的情感或情绪状态而带来的效用。"),
    Term("epistemic value", "认知性价值", "Utility from an offer's capacity to arouse curiosity, novelty or knowledge.", _V, ("认知价值",),
         definition_zh="产品激发好奇心、满足求新求知欲望而带来的效用。"),
    Term("conditional value", "条件性价值", "Utility that depends on the specific situation of the choice.", _V, ("情境价值",),
         definition_zh="只在特定的选择情境下才产生的效用。"),
    Term("efficiency value", "效率价值", "Holbrook: extrinsic, self-oriented, active value; output relative to input, convenience.", _V,
         definition_zh="霍尔布鲁克（Holbrook）价值类型之一：外在的、自我导向的、主动的价值，即投入产出之比和便利。"),
    Term("play value", "娱乐价值", "Holbrook: intrinsic, self-oriented, active value; fun and enjoyment.", _V,
         definition_zh="霍尔布鲁克价值类型之一：内在的、自我导向的、主动的价值，即乐趣和享受。"),
    Term("excellence value", "卓越价值", "Holbrook: extrinsic, self-oriented, reactive value; admired quality.", _V,
         definition_zh="霍尔布鲁克价值类型之一：外在的、自我导向的、反应的价值，即令人赞赏的品质。"),
    Term("aesthetic value", "美感价值", "Holbrook: intrinsic, self-oriented, reactive value; beauty.", _V,
         definition_zh="霍尔布鲁克价值类型之一：内在的、自我导向的、反应的价值，即美感。"),
    Term("status value", "地位价值", "Holbrook: extrinsic, other-oriented, active value; success and impression management.", _V,
         definition_zh="霍尔布鲁克价值类型之一：外在的、他人导向的、主动的价值，即成功和给他人留下的印象。"),
    Term("ethics value", "伦理价值", "Holbrook: intrinsic, other-oriented, active value; virtue, justice, morality.", _V,
         definition_zh="霍尔布鲁克价值类型之一：内在的、他人导向的、主动的价值，即美德、正义和道德。"),
    Term("esteem value", "尊敬价值", "Holbrook: extrinsic, other-oriented, reactive value; reputation, possessions admired by others.", _V,
         definition_zh="霍尔布鲁克价值类型之一：外在的、他人导向的、反应的价值，即名声和为他人所羡慕的拥有物。"),
    Term("spirituality value", "心灵价值", "Holbrook: intrinsic, other-oriented, reactive value; faith, ecstasy, the sacred.", _V,
         definition_zh="霍尔布鲁克价值类型之一：内在的、他人导向的、反应的价值，即信仰、狂喜和神圣感。"),
    Term("value hierarchy", "价值层次", "Levels of customer value: basic, expected, desired and unexpected value.", _V,
         definition_zh="顾客所得价值由低到高的四个层次：基本价值、预期价值、期盼价值和意外价值。"),
    Term("basic value", "基本价值", "What the offer must deliver at the least; its absence causes strong dissatisfaction.", _V,
         definition_zh="产品至少必须提供的价值；一旦缺失，顾客会非常不满。"),
    Term("expected value", "预期价值", "What the customer takes for granted from this kind of offer.", _V,
         ("客户期望价值",),
         definition_zh="顾客认为这类产品理所当然应当具备的价值。"),
    Term("desired value", "期盼价值", "What the customer wishes for but does not necessarily expect.", _V,
         definition_zh="顾客希望得到、但并不一定期待得到的价值。"),
    Term("unexpected value", "意外价值", "Value beyond the customer's wishes that surprises and delights.", _V,
         definition_zh="超出顾客期望、令顾客惊喜的价值。"),
    Term("means-end chain", "手段-目的链", "Woodruff's hierarchy linking product attributes to consequences in use and to the customer's goals.", _V, ("customer value hierarchy model",),
         definition_zh="伍德拉夫（Woodruff）的价值层次模型：把产品属性、使用结果和顾客的目标逐层联系起来。"),
    Term("PERVAL scale", "PERVAL感知价值量表", "Sweeney & Soutar's (2001) scale of perceived value with quality, price, emotional and social dimensions.", _V, ("perval",),
         definition_zh="斯威尼和苏塔尔（Sweeney & Soutar 2001）编制的感知价值量表，包括质量、价格、情感和社会四个维度。"),
    Term("attribute-based satisfaction", "基于属性的满意", "Satisfaction with the product's attributes and their performance, the lowest rung of Woodruff's ladder.", _V,
         definition_zh="顾客对产品属性及其表现的满意，是伍德拉夫价值层次中最低的一层。"),
    Term("consequence-based satisfaction", "基于结果的满意", "Satisfaction with the consequences of using the product in the customer's situation.", _V,
         definition_zh="顾客对产品在自身使用情境中所产生结果的满意。"),
    Term("goal-based satisfaction", "基于目标的满意", "Satisfaction with how far the product helps the customer reach their goals and purposes.", _V,
         definition_zh="顾客对产品在多大程度上帮助自己实现目标和意图的满意，是价值层次中最高的一层。"),
    # 02 customer value analysis
    Term("customer value analysis", "客户价值分析", "Gale's method of measuring a business's value against competitors' from the customers' ratings of quality and price.", _C, ("cva",),
         definition_zh="盖尔（Gale）提出的方法：根据顾客对质量和价格的评价，衡量企业相对于竞争者提供的价值。"),
    Term("market-perceived quality", "市场感知质量", "Customers' rating of a business's offer on the non-price attributes relative to competitors'.", _C,
         definition_zh="顾客对企业产品在非价格属性上的评价，与竞争者相比较而得出。"),
    Term("market-perceived price", "市场感知价格", "Customers' rating of a business's price attributes relative to competitors'.", _C,
         definition_zh="顾客对企业在价格属性上的评价，与竞争者相比较而得出。"),
    Term("quality profile", "市场感知质量水平", "Table of non-price attributes with importance weights, ratings and performance ratios, summarised as a score.", _C, ("market-perceived quality profile", "质量概况"),
         definition_zh="列出各非价格属性的重要性权重、企业与竞争者的评分及业绩比率，并汇总为一个得分的表格。"),
    Term("price profile", "市场感知价格水平", "The quality profile's counterpart on price-satisfaction attributes.", _C, ("market-perceived price profile", "价格概况"),
         definition_zh="与市场感知质量水平相对应，针对价格满意度属性编制的同类表格。"),
    Term("performance ratio", "业绩比率", "A business's rating on an attribute divided by the competitor's.", _C, ("绩效比率",),
         definition_zh="企业在某一属性上的评分除以竞争者在该属性上的评分。"),
    Term("relative quality", "相对质量", "The quality score of a business relative to competitors (100 = parity).", _C,
         definition_zh="企业相对于竞争者的质量得分（100 表示与竞争者持平）。"),
    Term("relative price", "相对价格", "The price of a business relative to competitors (100 = parity); in Gale, 100 x 100 / price score.", _C,
         definition_zh="企业相对于竞争者的价格（100 表示持平）；在盖尔的方法中等于 100 × 100 / 价格满意度得分。"),
    Term("customer value map", "客户价值图", "Plot of relative price against relative quality, with the fair-value line; below the line is better value.", _C, ("value map",),
         definition_zh="以相对质量为横轴、相对价格为纵轴的图，并画出平价价值线；位于线下方的企业提供的价值更高。"),
    Term("fair-value line", "平价价值线", "Where relative price matches relative quality on the value map.", _C, ("公平价值线",),
         definition_zh="客户价值图上相对价格与相对质量相当的那条线。"),
    Term("fair-value zone", "公平价值区", "A band around the fair-value line within which price and quality are seen as balanced.", _C,
         definition_zh="平价价值线两侧的一个带状区域，区域内的价格和质量被认为是相称的。"),
    Term("logistic regression", "逻辑回归", "Regression of a yes/no outcome (deal won or lost) on predictors through the log-odds.", _C, ("logit",),
         definition_zh="通过对数优势（log-odds）把一个是/否结果（如赢单或丢单）对各预测变量进行回归的方法。"),
    Term("odds ratio", "优势比", "How the odds of an outcome multiply when a predictor rises by one unit: exp(coefficient) in a logistic regression.", _C,
         definition_zh="预测变量增加一个单位时，结果发生的优势所乘的倍数；在逻辑回归中等于 exp(系数)。"),
    Term("quality function deployment", "质量功能展开", "Akao's method of linking what customers want to how the firm delivers it; the what/who matrix borrows its 9/3/1 strengths.", _C, ("qfd",),
         definition_zh="赤尾洋二（Akao）提出的方法，把顾客需要的东西与企业实现它的方式联系起来；What/Who 矩阵借用了它的 9/3/1 关联强度。"),
    Term("win/loss analysis", "得失分析", "Studying deals won and lost to learn which attributes decide customers' choices.", _C, ("赢/输分析",),
         definition_zh="通过研究赢得和失去的交易，找出决定顾客选择的属性。"),
    Term("head-to-head area chart", "客户分析对照图", "Chart of weight x (ratio - 1) per attribute, showing where a business beats or trails a competitor.", _C, ("竞争对比面积图",),
         definition_zh="按属性画出 权重 × (业绩比率 - 1) 的图，显示企业在哪些方面领先或落后于竞争者。"),
    Term("key events", "关键事件表", "Dated events (launches, price changes, failures) aligned with quality and price scores over time.", _C, ("关键事件", "key events timeline"),
         definition_zh="把产品上市、价格调整、质量事故等有日期的事件与质量、价格得分的变化对照排列的表。"),
    Term("what/who matrix", "What/Who矩阵", "Matrix linking attributes customers value (what) to the functions responsible (who).", _C, ("做什么/谁负责矩阵",),
         definition_zh="把顾客看重的属性（做什么）与负责这些属性的部门（谁负责）联系起来的矩阵。"),
    # 03 satisfaction
    Term("customer satisfaction", "顾客满意", "The customer's judgement that an offer met or exceeded expectations.", _S,
         definition_zh="顾客对一项产品或服务是否达到或超过其期望所作的判断。"),
    Term("customer satisfaction index", "顾客满意度指数", "A 0-100 index of satisfaction built from survey items and a structural model (ACSI, ECSI, CCSI).", _S, ("csi",),
         definition_zh="根据调查题项和结构方程模型计算的 0-100 分满意度指数，如 ACSI、ECSI、CCSI。"),
    Term("American Customer Satisfaction Index", "美国顾客满意度指数", "The ACSI model: expectations, perceived quality and value drive satisfaction, which drives complaints and loyalty.", _S, ("acsi",),
         definition_zh="美国顾客满意度指数（ACSI）模型：顾客预期、感知质量和感知价值决定顾客满意，顾客满意又影响顾客抱怨和顾客忠诚。"),
    Term("European Customer Satisfaction Index", "欧洲顾客满意度指数", "The ECSI model: the ACSI model with image as a driver.", _S, ("ecsi",),
         definition_zh="欧洲顾客满意度指数（ECSI）模型：在 ACSI 模型的基础上增加企业形象作为前因变量。"),
    Term("customer expectation", "顾客预期", "What customers expected of the offer before buying.", _S,
         definition_zh="顾客在购买之前对产品或服务的预先期待。"),
    Term("perceived quality", "感知质量", "The customer's evaluation of the offer's quality after consumption.", _S,
         definition_zh="顾客在消费之后对产品或服务质量的评价。"),
    Term("customer complaint", "顾客抱怨", "Expressed dissatisfaction; how it is handled affects loyalty.", _S,
         definition_zh="顾客表达出来的不满；企业如何处理抱怨会影响顾客忠诚。"),
    Term("customer loyalty", "顾客忠诚", "Repurchase intention, price tolerance and recommendation.", _S,
         definition_zh="顾客的重复购买意愿、对价格上涨的容忍度以及向他人推荐的意愿。"),
    Term("Likert scale", "李克特量表", "Agreement items scored on ordered categories (1-5, 1-7, 1-10).", _S,
         definition_zh="让被访者在有序的等级（如 1-5、1-7、1-10）上表示同意程度的量表。"),
    Term("Cronbach's alpha", "克朗巴哈系数", "Internal-consistency reliability of a set of items measuring one construct.", _S, ("alpha",),
         definition_zh="衡量测量同一构念的一组题项内部一致性的信度系数。"),
    Term("composite reliability", "组合信度", "Reliability of a construct computed from its indicator loadings (rho_C).", _S,
         definition_zh="根据指标的载荷计算的构念信度（rho_C）。"),
    Term("average variance extracted", "平均方差抽取量", "Mean squared loading of a construct's indicators (AVE); convergent validity at 0.5 or more.", _S, ("ave",),
         definition_zh="构念各指标载荷平方的平均值（AVE）；不低于 0.5 说明具有收敛效度。"),
    Term("partial least squares path modelling", "偏最小二乘路径模型", "Estimating latent-variable path models by iterated least squares on composite scores (PLS-PM).", _S, ("pls", "pls-pm"),
         definition_zh="以迭代的最小二乘法估计潜变量组合得分及其路径关系的结构方程建模方法（PLS-PM）。"),
    Term("latent variable", "潜变量", "A construct such as satisfaction that is not observed directly but measured by several survey items.", _S, ("construct",),
         definition_zh="像满意度这样不能直接观测、需要用多个调查题项来测量的构念。"),
    Term("path coefficient", "路径系数", "The standardised effect of one latent variable on another in a structural model.", _S,
         definition_zh="结构模型中一个潜变量对另一个潜变量的标准化影响。"),
    Term("outer weight", "外部权重", "The weight of an item in its latent variable's score in a PLS model.", _S,
         definition_zh="在 PLS 模型中，某一题项在其所属潜变量得分中的权重。"),
    Term("outer loading", "外部载荷", "The correlation of an item with its latent variable's score.", _S, ("loading",),
         definition_zh="某一题项与其所属潜变量得分之间的相关系数。"),
    Term("heterotrait-monotrait ratio", "异质-单质比率", "HTMT: discriminant validity of two constructs from item correlations between versus within them; below 0.85-0.90 is acceptable.", _S, ("htmt",),
         definition_zh="HTMT：用构念之间与构念内部题项相关的比值来检验区分效度，一般低于 0.85-0.90 即可接受。"),
    Term("Dijkstra-Henseler's rho", "Dijkstra-Henseler rho信度", "rho_A, the reliability of a PLS construct score, between Cronbach's alpha and composite reliability.", _S, ("rho_a", "rho a"),
         definition_zh="rho_A：PLS 构念得分的信度，数值介于克朗巴哈系数和组合信度之间。"),
    Term("reflective measurement", "反映型测量", "Mode A: the items reflect the construct, so they should correlate; weights come from correlations with the construct's proxy.", _S, ("mode a", "reflective"),
         definition_zh="模式 A：题项是构念的反映，因而题项之间应当相关；权重由题项与构念代理变量的相关求得。"),
    Term("formative measurement", "形成型测量", "Mode B: the items form the construct, as ingredients; weights come from a multiple regression.", _S, ("mode b", "formative"),
         definition_zh="模式 B：题项共同形成构念，如同构成要素；权重由多元回归求得。"),
    Term("inner weighting scheme", "内部权重方案", "How PLS builds each construct's inner proxy from its neighbours: path, centroid or factorial scheme.", _S,
         definition_zh="PLS 根据相邻构念构造各构念内部代理变量的方式：路径加权、重心加权或因子加权。"),
    Term("goodness of fit", "拟合优度", "GoF in PLS: the geometric mean of the average communality and the average R squared (Tenenhaus et al. 2005).", _S, ("gof",),
         definition_zh="PLS 中的 GoF：平均共同度与平均 R 平方的几何平均数（Tenenhaus 等 2005）。"),
    Term("corrected item-total correlation", "校正的项目-总分相关", "The correlation of an item with the sum of the other items of its scale.", _S,
         definition_zh="某一题项与同一量表中其余题项总分之间的相关系数。"),
    Term("standardised coefficient", "标准化系数", "A regression coefficient in standard deviations of the outcome per standard deviation of the predictor (beta).", _S, ("beta coefficient",),
         definition_zh="以标准差为单位的回归系数：预测变量变化一个标准差时，结果变量变化多少个标准差（beta）。"),
    Term("coefficient of determination", "决定系数", "R squared: the share of a dependent variable's variance its predictors explain.", _S, ("r squared", "r2"),
         definition_zh="R 平方：因变量的方差中能被各预测变量解释的比例。"),
    Term("bootstrap", "自助法", "Re-estimating on samples drawn with replacement to get standard errors and confidence intervals.", _S,
         definition_zh="从样本中有放回地反复抽样并重新估计，以得到标准误和置信区间的方法。"),
    Term("semantic differential scale", "语义差别量表", "Items rated between two opposite adjectives, such as slow ... fast.", _S,
         ("语义差异量表", "semantic differential"),
         definition_zh="让被访者在一对意义相反的形容词（如 慢……快）之间打分的量表。"),
    Term("top-two-box", "前两格比例", "The share of answers in the two highest categories of a scale.", _S, ("top-2-box",),
         definition_zh="落在量表最高两个等级上的回答所占的比例。"),
    Term("importance-performance analysis", "重要性-绩效分析", "Plotting attributes by importance and performance into four action quadrants (Martilla & James 1977).", _S, ("ipa",),
         definition_zh="按重要性和绩效把各属性画在图上并分为四个行动象限的方法（Martilla & James 1977）。"),
    Term("Kano model", "卡诺模型", "Classifying attributes as attractive, one-dimensional, must-be, indifferent or reverse from paired questions.", _S, ("kano",),
         definition_zh="根据正反两个问题把属性分为魅力、一元、必备、无差异和反向质量的模型（狩野纪昭）。"),
    Term("attractive quality", "魅力质量", "A Kano category (A): delights when present, not missed when absent.", _S, ("attractive",),
         definition_zh="卡诺模型的一类（A）：具备时令顾客惊喜，不具备时顾客也不会不满。"),
    Term("one-dimensional quality", "一元质量", "A Kano category (O): satisfaction rises and falls with performance.", _S, ("one-dimensional", "一维质量", "期望质量"),
         definition_zh="卡诺模型的一类（O）：满意度随绩效的高低同向升降。"),
    Term("must-be quality", "必备质量", "A Kano category (M): taken for granted when present, causes dissatisfaction when absent.", _S, ("must-be",),
         definition_zh="卡诺模型的一类（M）：具备时被视为理所当然，不具备时顾客会不满。"),
    Term("indifferent quality", "无差异质量", "A Kano category (I): neither present nor absent matters to the customer.", _S, ("indifferent",),
         definition_zh="卡诺模型的一类（I）：具备与否顾客都不在意。"),
    Term("reverse quality", "反向质量", "A Kano category (R): the customer prefers the attribute absent.", _S,
         definition_zh="卡诺模型的一类（R）：顾客宁愿产品不具备这一属性。"),
    Term("promoter", "推荐者", "A respondent answering 9 or 10 to the likelihood to recommend.", _S,
         definition_zh="在推荐意愿题上回答 9 分或 10 分的被访者。"),
    Term("detractor", "贬损者", "A respondent answering 0 to 6 to the likelihood to recommend.", _S,
         definition_zh="在推荐意愿题上回答 0 至 6 分的被访者。"),
    Term("reverse-coded item", "反向计分题", "A negatively worded item whose scores are flipped (min + max - x) before analysis.", _S,
         definition_zh="反向措辞的题项，分析前要把得分反转（最小值 + 最大值 - x）。"),
    Term("relative importance", "相对重要性", "Each driver's share of the explained variance, by Shapley decomposition of R squared or Johnson's relative weights.", _S, ("shapley value", "relative weights"),
         definition_zh="各驱动因素在被解释方差中所占的份额，可用 R 平方的沙普利分解或 Johnson 相对权重求得。"),
    Term("ordered logit", "有序逻辑回归", "Regression for an ordinal outcome such as a 1-5 intention scale.", _S, ("ordinal regression",),
         definition_zh="用于有序结果变量（如 1-5 分的购买意向）的回归模型。"),
    Term("net promoter score", "净推荐值", "Share of promoters (9-10) minus share of detractors (0-6) on the likelihood to recommend.", _S, ("nps",),
         definition_zh="推荐意愿题中推荐者（9-10 分）的比例减去贬损者（0-6 分）的比例。"),
    Term("key driver analysis", "关键驱动因素分析", "Measuring how much each attribute contributes to satisfaction or loyalty.", _S,
         definition_zh="衡量各属性对满意度或忠诚度贡献大小的分析。"),
    # satisfaction as a gap, and its layers (course material 004)
    Term("perception-expectation gap", "感知与期望的差距", "Satisfaction per attribute as perceived performance minus expectation: positive when expectations are exceeded, negative when they are not met (004; Oliver 1980).", _S, ("satisfaction gap", "disconfirmation"),
         definition_zh="按属性计算的感知绩效减去期望：超出期望为正，未达期望为负（课程讲义 004；Oliver 1980）。"),
    Term("material satisfaction", "物质满意", "The first layer of satisfaction: with the product's core, its function, quality, design and packaging (004).", _S,
         definition_zh="满意的第一层：对产品核心的满意，包括功能、质量、设计和包装（004）。"),
    Term("mental satisfaction", "精神满意", "The second layer of satisfaction: with the product's form and the services around it (004).", _S, ("spiritual satisfaction",),
         definition_zh="满意的第二层：对产品形式和附加服务的满意（004）。"),
    Term("social satisfaction", "社会满意", "The third layer of satisfaction: with the social benefits the consumption upholds, such as moral, political and ecological value (004).", _S,
         definition_zh="满意的第三层：对消费过程所维护的社会利益的满意，如道德、政治和生态价值（004）。"),
    Term("dissatisfied customer", "不满意的客户", "A customer below the neutral band of overall satisfaction; the course material (002) says they care most about the product's basic features.", _S,
         definition_zh="总体满意度低于中间水平的客户；课程讲义（002）指出，他们最关心产品的基本功能。"),
    Term("neutral customer", "感觉一般的客户", "A customer in the middle band of overall satisfaction; per the course material (002) they care most about how they are managed and served.", _S,
         definition_zh="总体满意度处于中间水平的客户；课程讲义（002）指出，他们最关心自己如何被管理和服务。"),
    Term("satisfied customer", "满意的客户", "A customer in the top band of overall satisfaction; per the course material (002) they care about how far the service helps them reach their own goals.", _S,
         definition_zh="总体满意度处于最高水平的客户；课程讲义（002）指出，他们关心服务在多大程度上帮助自己实现目标。"),
    Term("delighter", "惊喜因素", "An attractive Kano feature: it delights when present and is not missed when absent.", _S,
         definition_zh="卡诺模型中的魅力属性：具备时令顾客惊喜，不具备时顾客也不会觉得缺少什么。"),
    # after the PLS model: IPMA, prediction, groups, consistent PLS (issue 15)
    Term("importance-performance map analysis", "重要性-绩效图分析", "IPMA: each driver of a target construct placed by its importance (unstandardised total effect) and its performance (mean 0-100 score) (Ringle & Sarstedt 2016).", _S, ("ipma", "importance-performance map"),
         definition_zh="IPMA：按重要性（非标准化总效应）和绩效（0-100 分的平均得分）标出目标构念的各驱动因素（Ringle & Sarstedt 2016）。"),
    Term("PLSpredict", "PLSpredict（PLS样本外预测）", "k-fold out-of-sample prediction of a PLS model's endogenous items, judged by Q2_predict against the training mean and by RMSE/MAE against a linear model (Shmueli et al. 2016, 2019).", _S, ("q2_predict", "q2 predict"),
         definition_zh="对 PLS 模型内生题项进行 k 折样本外预测，用 Q2_predict（与训练集均值比较）和 RMSE/MAE（与线性模型比较）来评价（Shmueli 等 2016、2019）。"),
    Term("multi-group analysis", "多群组分析", "Comparing a PLS model's paths between groups of respondents, here with a permutation test of each path difference.", _S, ("mga", "pls-mga"),
         definition_zh="比较 PLS 模型的路径在不同被访者群组之间的差异，这里用置换检验检验每条路径的差异。"),
    Term("measurement invariance", "测量不变性", "Whether the constructs are measured the same way in each group; MICOM step 2 (compositional invariance) checks that the composites are formed alike (Henseler, Ringle & Sarstedt 2016).", _S, ("micom", "compositional invariance"),
         definition_zh="各群组是否以同样的方式测量构念；MICOM 第二步（组合不变性）检验各群组的组合得分是否以相同方式形成（Henseler, Ringle & Sarstedt 2016）。"),
    Term("consistent PLS", "PLSc 一致性PLS", "PLSc: PLS corrected for measurement error by each reflective construct's reliability rho_A, so paths and loadings estimate the common-factor model consistently (Dijkstra & Henseler 2015).", _S, ("plsc",),
         definition_zh="PLSc：用各反映型构念的信度 rho_A 校正测量误差的 PLS，使路径和载荷成为共同因子模型的一致估计（Dijkstra & Henseler 2015）。"),
    # 04 classification
    Term("customer classification", "客户分级", "Dividing customers into tiers by the value they bring to the firm.", _K, ("customer segmentation",),
         definition_zh="根据客户为企业带来的价值把客户划分为不同层级。"),
    Term("ABC classification", "ABC分类法", "Classes A, B, C by cumulative share of revenue or by absolute thresholds.", _K, ("abc analysis",),
         definition_zh="按累计收入占比或按绝对金额门槛把客户分为 A、B、C 三类的方法。"),
    Term("Pareto principle", "帕累托法则", "The 80/20 rule: a minority of customers brings most of the revenue.", _K, ("80/20 rule",),
         definition_zh="80/20 法则：少数客户带来了大部分收入。"),
    Term("Lorenz curve", "洛伦兹曲线", "Cumulative share of revenue against cumulative share of customers.", _K,
         definition_zh="以累计客户占比为横轴、累计收入占比为纵轴画出的曲线，用来表示收入的集中程度。"),
    Term("Gini coefficient", "基尼系数", "Concentration of revenue among customers: 0 equal, 1 all in one customer.", _K,
         definition_zh="衡量收入在客户之间集中程度的指标：0 表示完全平均，1 表示全部集中在一个客户身上。"),
    Term("whale curve", "鲸鱼曲线", "Cumulative profit by customers ranked from most to least profitable; it rises above 100% and falls back.", _K,
         definition_zh="把客户按利润从高到低排列后画出的累计利润曲线；它先升到 100% 以上，再回落下来。"),
    Term("customer pyramid", "客户金字塔", "Tiers of customers by value: VIP, major, medium and small customers (or platinum, gold, iron, lead).", _K,
         definition_zh="按价值把客户分成的层级：VIP 客户、主要客户、中等客户和小客户（或铂金、黄金、钢铁、铅四层）。"),
    Term("VIP customer", "VIP客户", "The top tier of the pyramid, about the top 1% by value.", _K,
         definition_zh="客户金字塔的最高层，按价值排在最前面约 1% 的客户。"),
    Term("decile analysis", "十分位分析", "Ranking customers into ten equal groups and showing each group's share of sales and profit.", _K,
         definition_zh="把客户按价值排序后等分为十组，列出每组在销售额和利润中所占份额的分析。"),
    Term("RFM", "RFM模型", "Classifying customers by recency, frequency and monetary value of their purchases.", _K, ("rfm analysis",),
         definition_zh="根据最近一次消费（R）、消费频率（F）和消费金额（M）对客户进行分类的方法。"),
    Term("recency (RFM)", "最近一次消费", "In RFM tables, the number of days since the customer's last purchase (smaller is better); not the same as recency (BTYD).", _K, ("recency", "rfm recency"),
         definition_zh="在 RFM 表中，指距客户最近一次购买的天数（越小越好）；与 BTYD 模型中的 recency 含义不同。"),
    Term("recency (BTYD)", "最近购买时点", "In the buy-till-you-die models (BG/NBD, Pareto/NBD), t_x: the time from the customer's first to last purchase (larger is better); not the same as recency (RFM).", _L, ("t_x", "btyd recency"),
         definition_zh="在 BG/NBD、Pareto/NBD 等“购买直至流失”模型中指 t_x，即客户从首次购买到最后一次购买的时间（越大越好）；与 RFM 中的 recency 含义不同。"),
    Term("frequency", "消费频率", "How often the customer buys in the period.", _K,
         definition_zh="客户在一定时期内购买的次数。"),
    Term("monetary value", "消费金额", "How much the customer spends in the period.", _K,
         definition_zh="客户在一定时期内的消费金额。"),
    Term("customer lifecycle", "客户生命周期", "Stages of the relationship: acquisition, growth, maturity, decline and lapse.", _K,
         definition_zh="客户关系经历的各个阶段：获取、成长、成熟、衰退和流失。"),
    Term("migration matrix", "客户迁移矩阵", "Counts of customers moving between tiers from one date to the next.", _K,
         definition_zh="统计客户在两个时点之间从一个层级转移到另一个层级的人数的矩阵。"),
    Term("high-value customer", "高价值客户", "A customer with high current and high potential value.", _K,
         definition_zh="当前价值和潜在价值都高的客户。"),
    Term("potential-value customer", "潜在价值客户", "A customer with low current but high potential value.", _K,
         definition_zh="当前价值低、但潜在价值高的客户。"),
    Term("cost to serve", "服务成本", "What it costs the firm to serve a customer: sales calls, delivery, support.", _K,
         definition_zh="企业为服务一个客户所花费的成本，如销售拜访、送货和技术支持。"),
    Term("customer scorecard", "客户价值评分卡", "A weighted index of several value indicators used to rank customers into tiers.", _K, ("scorecard",),
         definition_zh="把若干价值指标加权合成一个指数，用来给客户排序和分层的评分表。"),
    Term("purchase cycle", "购买周期", "The average interval between a customer's purchases.", _K,
         definition_zh="客户两次购买之间的平均间隔时间。"),
    Term("customer development process", "顾客发展过程", "The stages a customer passes through (file 002): suspect, prospect, first-time customer, repeat customer, client, advocate, partner; exits: disqualified and lapsed.", _K,
         definition_zh="客户与企业的关系逐步发展所经历的阶段（讲义 002）：潜在顾客、预期顾客、首次购买者、重复购买者、客户、主动性客户（拥护者）、合伙人；中途退出的是不合格者和停止购买的过去顾客。"),
    Term("sales pipeline", "销售漏斗", "Stages of a sales opportunity from not yet reached to contract, with the conversion rate between stages.", _K, ("sales funnel", "funnel"),
         definition_zh="销售机会从尚未接触到签订合同的各个阶段，以及阶段之间的转化率。"),
    Term("platinum tier", "铂金层", "Zeithaml, Rust & Lemon's most profitable customer tier, above gold, iron and lead.", _K, ("platinum",),
         definition_zh="泽丝曼尔（Zeithaml）、拉斯特和莱蒙客户金字塔中利润最高的一层，位于黄金、钢铁和铅层之上。"),
    Term("lead tier", "铅层", "Zeithaml, Rust & Lemon's bottom tier: customers who cost more than they bring.", _K,
         definition_zh="泽丝曼尔、拉斯特和莱蒙客户金字塔的最底层：为企业带来的少于企业为其付出的客户。"),
    Term("relationship level", "关系水平", "Kotler's five levels of relationship marketing: basic, reactive, accountable, proactive, partnership.", _K,
         definition_zh="科特勒提出的五种关系营销水平：基本型、反应型、可靠型、主动型和合伙型（中文版教材译作基本型、被动型、负责型、能动型、伙伴型）。"),
    # Kotler's five levels, by the course's names (002, "CRM关系水平类型") with the Chinese textbook's as aliases;
    # "basic" alone stays the value hierarchy's basic value
    Term("basic relationship", "基本型", "Kotler's first level: the salesperson sells the product and has no further contact.", _K,
         ("basic level",), definition_zh="科特勒的第一种关系水平：销售人员把产品卖出去之后就不再与顾客联系。"),
    Term("reactive relationship", "反应型", "Kotler's second level: the salesperson sells and asks the customer to call with any question or complaint.", _K,
         ("reactive", "被动型"), definition_zh="科特勒的第二种关系水平：销售人员卖出产品，并请顾客有问题或不满时打电话给公司。"),
    Term("accountable relationship", "可靠型", "Kotler's third level: the salesperson calls soon after the sale to check that the product meets expectations.", _K,
         ("accountable", "负责型"), definition_zh="科特勒的第三种关系水平：售后不久销售人员主动打电话询问产品是否符合顾客的期望。"),
    Term("proactive relationship", "主动型", "Kotler's fourth level: the salesperson contacts the customer from time to time with improvements or new uses.", _K,
         ("proactive", "能动型"), definition_zh="科特勒的第四种关系水平：销售人员不时联系顾客，介绍产品的改进或新的用途。"),
    Term("partnership relationship", "合伙型", "Kotler's fifth level: the firm works continuously with the customer to find ways to deliver better value.", _K,
         ("partnership", "伙伴型"), definition_zh="科特勒的第五种关系水平：企业与顾客持续合作，共同寻找为顾客创造更大价值的办法。"),
    Term("social style", "社交风格", "Customer types from assertiveness x responsiveness: driver, expressive, amiable, analytical.", _K,
         definition_zh="按支配性和反应性两个维度划分的客户社交风格：驱动者、表现者、亲和者和分析者（讲义 000）。"),
    # 04 the course's own systems (issue 9)
    Term("value x response matrix", "客户价值—客户响应矩阵", "Robert & Paul (1997): best customers, strange customers, fatal attraction and ghosts by customer value and response.", _K,
         definition_zh="罗伯特和保罗（Robert & Paul 1997）按客户价值和客户响应划分的矩阵：最佳客户、奇异客户群、致命诱惑和幽灵客户。"),
    Term("best customers", "最佳客户", "Valuable customers who respond to the firm: its target customers (value x response matrix).", _K,
         definition_zh="价值高且对企业有响应的客户，是企业的目标客户（客户价值—客户响应矩阵）。"),
    Term("strange customers", "奇异客户群", "Valuable customers who do not respond, not inclined to build a relationship (value x response matrix).", _K,
         definition_zh="价值高但对企业没有响应、无意建立关系的客户（客户价值—客户响应矩阵）。"),
    Term("fatal attraction", "致命诱惑", "Customers who respond eagerly but are relatively unprofitable (value x response matrix).", _K,
         definition_zh="对企业响应积极、但相对而言无利可图的客户（客户价值—客户响应矩阵）。"),
    Term("ghosts", "幽灵客户", "Customers of low value who do not respond (value x response matrix).", _K,
         definition_zh="价值低且对企业没有响应的客户（客户价值—客户响应矩阵）。"),
    Term("golden customers", "金牌客户", "High value and high loyalty in Kelly & Julie's (1999) value x loyalty matrix.", _K, ("golden",),
         definition_zh="凯利和朱莉（Kelly & Julie 1999）价值—忠诚矩阵中价值高、忠诚度也高的客户。"),
    Term("at-risk customers", "风险客户", "High value but low loyalty in Kelly & Julie's value x loyalty matrix.", _K,
         definition_zh="价值—忠诚矩阵中价值高、但忠诚度低的客户。"),
    Term("marginal customers", "边际客户", "Low value but high loyalty in Kelly & Julie's value x loyalty matrix.", _K,
         definition_zh="价值—忠诚矩阵中价值低、但忠诚度高的客户。"),
    Term("don't over-service", "无需过多服务的客户", "Low value and low loyalty in Kelly & Julie's value x loyalty matrix.", _K,
         definition_zh="价值—忠诚矩阵中价值低、忠诚度也低的客户，不必为其提供过多服务。"),
    Term("high-performing relationship", "高绩效关系", "High direct and high indirect functions in Achim, Tomas & Hans's (2001) matrix; with selling (买卖关系), networking (网络关系) and low-performing (低绩效关系) relationships.", _K,
         definition_zh="阿希姆、托马斯和汉斯（Achim, Tomas & Hans 2001）矩阵中直接功能和间接功能都高的关系；另外三种是买卖关系、网络关系和低绩效关系。"),
    Term("B2B loyalty ladder", "忠诚度阶梯", "A business buyer's rungs of loyalty: recommends, resists competitors, pays a premium, co-develops, may invest.", _K, ("loyalty ladder",),
         definition_zh="企业客户忠诚度的各级台阶：推荐、抵制竞争者、愿付溢价、共同开发，乃至进行投资。"),
    Term("activity-based costing", "作业成本法", "Costing each customer's use of activities (orders, deliveries, visits) at a rate per unit to get its cost to serve; not ABC classification.", _K, ("abc costing",),
         definition_zh="按每项作业（下单、送货、拜访等）的单位费率计算每个客户所耗用的作业成本，从而得出服务成本的方法；与 ABC 分类法不是一回事。"),
    Term("sales progress stages", "销售进程", "The slide's stages 0-7 of a customer's sales progress, from not yet reached to contract expired.", _K,
         definition_zh="讲义中客户销售进程的 0-7 阶段，从尚未接触到合同到期。"),
    Term("call list", "拨打计划", "The customers a sales rep calls in a day; 1,000 customers in 22 working days need 46 calls a day.", _K, ("daily call list",),
         definition_zh="销售人员一天要拨打电话的客户名单；22 个工作日内联系 1,000 个客户，每天需要打 46 个电话。"),
    Term("lighthouse customer", "灯塔型客户", "A trend leader: sensitive to new things, likes to try, not price-sensitive (with followers, rational and profit-seeking customers).", _K,
         definition_zh="引领潮流的客户：对新事物敏感、乐于尝试、对价格不敏感（另外几类是跟随型客户、理性客户和逐利客户，讲义 003）。"),
    Term("dynamic customer list", "动态客户列表", "A customer list defined by a rule and updated automatically as customers change.", _K,
         definition_zh="按规则定义、随着客户情况变化而自动更新的客户名单。"),
    Term("relationship space", "关系空间", "Customer groups placed by discovery (knowledge of the customer) and dialogue, with a decision table of content, channel and frequency per relationship level.", _K,
         definition_zh="按对客户的了解（发现）和与客户的对话两个维度排列客户群，并为每一关系水平规定沟通内容、渠道和频率的决策表。"),
    # 05 lifetime value
    Term("customer lifetime value", "客户终身价值", "The present value of the margins a customer brings over the whole relationship (CLV).", _L, ("clv", "ltv", "lifetime value", "顾客终身价值", "客户生命周期价值", "客户终生价值", "顾客生命周期价值"),
         definition_zh="客户在与企业的整个关系期间带来的毛利的现值（CLV）。"),
    Term("retention rate", "客户保持率", "The share of customers at the start of a period who are still customers at its end.", _L, ("customer retention rate",),
         definition_zh="期初的客户中到期末仍然是客户的比例。"),
    Term("churn rate", "客户流失率", "One minus the retention rate.", _L, ("attrition rate",),
         definition_zh="1 减去客户保持率，即一期内流失的客户所占的比例。"),
    Term("customer acquisition cost", "客户获取成本", "What it costs to win one new customer.", _L, ("acquisition cost",),
         definition_zh="企业赢得一个新客户所花费的成本。"),
    Term("share of wallet", "钱包份额", "The firm's share of a customer's spending in the category.", _L, ("customer share", "顾客份额", "客户份额"),
         definition_zh="客户在某一品类的全部支出中花在本企业的比例。"),
    Term("expected lifetime", "预期客户寿命", "Expected number of periods a customer stays: 1 / (1 - retention rate).", _L,
         definition_zh="客户预期保留的期数：1 / (1 - 客户保持率)。"),
    Term("discount rate", "折现率", "The rate at which future cash flows are discounted to present value.", _L,
         definition_zh="把未来现金流折算为现值所用的比率。"),
    Term("net present value", "净现值", "The sum of discounted cash flows of an investment such as acquiring a customer (NPV).", _L, ("npv",),
         definition_zh="一项投资（如获取一个客户）各期现金流折现后的总和（NPV）。"),
    Term("internal rate of return", "内部收益率", "The discount rate at which the NPV of the cash flows is zero (IRR).", _L, ("irr",),
         definition_zh="使各期现金流的净现值等于零的折现率（IRR）。"),
    Term("payback period", "投资回收期", "Time until cumulative (discounted) cash flows turn positive.", _L,
         definition_zh="累计（折现）现金流由负转正所需的时间。"),
    Term("discounted expected residual lifetime", "折现预期剩余寿命", "DERL: the discounted number of further periods a current customer is expected to stay (Fader & Hardie 2010).", _L, ("derl",),
         definition_zh="DERL：一个现有客户预期还会保留的期数的折现值（Fader & Hardie 2010）。"),
    Term("survival curve", "生存曲线", "Share of a cohort still a customer after each period.", _L,
         definition_zh="一批客户在每一期之后仍然是客户的比例。"),
    Term("shifted-beta-geometric model", "移位贝塔几何模型", "Fader & Hardie's contractual retention model: geometric churn with beta-distributed churn probabilities (sBG).", _L, ("sbg",),
         definition_zh="费德和哈迪（Fader & Hardie）的契约型客户保留模型：客户以几何分布流失，流失概率服从贝塔分布（sBG）。"),
    Term("BG/NBD model", "BG/NBD模型", "Beta-geometric/negative binomial model of repeat purchasing in non-contractual settings (Fader, Hardie & Lee 2005).", _L, ("bg/nbd", "beta-geometric/nbd"),
         definition_zh="非契约情形下重复购买的贝塔几何/负二项分布模型（Fader, Hardie & Lee 2005）。"),
    Term("Pareto/NBD model", "Pareto/NBD模型", "Schmittlein, Morrison & Colombo's model of repeat purchasing with exponential lifetimes.", _L, ("pareto/nbd",),
         definition_zh="施米特莱因、莫里森和科伦坡（Schmittlein, Morrison & Colombo）提出的重复购买模型，客户寿命服从指数分布。"),
    Term("Gamma-Gamma model", "Gamma-Gamma消费金额模型", "Fader, Hardie & Lee's model of spend per transaction, independent of purchase counts.", _L, ("gamma-gamma",),
         definition_zh="费德、哈迪和李提出的每笔交易消费金额模型，假定消费金额与购买次数相互独立。"),
    Term("BG/BB model", "BG/BB模型", "Beta-geometric/beta-Bernoulli model of repeat transactions in discrete opportunities, such as yearly donations (Fader, Hardie & Shang 2010).", _L, ("bg/bb",),
         definition_zh="离散购买机会（如每年一次的捐赠）下重复交易的贝塔几何/贝塔伯努利模型（Fader, Hardie & Shang 2010）。"),
    Term("discounted expected lifetime", "折现预期寿命", "DEL: the discounted number of periods a new customer is expected to stay (Fader & Hardie 2010).", _L, ("del",),
         definition_zh="DEL：一个新客户预期保留的期数的折现值（Fader & Hardie 2010）。"),
    Term("probability alive", "存活概率", "The probability that a customer has not yet churned, given the purchase history (P(alive)).", _L, ("p(alive)",),
         definition_zh="在已知购买历史的条件下，客户尚未流失的概率（P(alive)）。"),
    Term("calibration period", "校准期", "The period whose transactions the model is fitted on.", _L,
         definition_zh="用来拟合模型的那一段交易期。"),
    Term("holdout period", "验证期", "The later period used to check the model's predictions.", _L,
         definition_zh="拟合之后用来检验模型预测的后一段时期。"),
    Term("covariate", "协变量", "A customer characteristic (acquisition channel, first-purchase amount, gender) that shifts a model's purchase or dropout rate through exp(gamma' z).", _L, ("time-invariant covariate", "covariates"),
         definition_zh="通过 exp(gamma' z) 改变模型中购买率或流失率的客户特征，如获取渠道、首次购买金额、性别。"),
    Term("holdout validation", "样本外验证", "Fitting a model on the calibration period and scoring its forecasts on the holdout period (MAE, RMSE, bias, tracking error of the total).", _L, ("out-of-sample validation",),
         definition_zh="在校准期拟合模型，再在验证期评价其预测（MAE、RMSE、偏差以及总量的跟踪误差）。"),
    Term("simulation", "模拟", "Drawing artificial customers from a model with chosen parameters, to see what the parameters mean or to check an estimator against a known truth.", _L, ("simulate",),
         definition_zh="从设定参数的模型中抽取虚拟客户，用来理解参数的含义，或用已知的真值检验估计方法。"),
)


def _key(text: str) -> str:
    return " ".join(str(text).strip().lower().replace("’", "'").split())


def _index() -> dict[str, Term]:
    out: dict[str, Term] = {}
    for t in TERMS:
        for k in (t.english, t.chinese, *t.aliases):
            out[_key(k)] = t
    return out


_INDEX = _index()


def lookup(term: str) -> Term:
    """Find a term by its English name, Chinese name or an alias (case-insensitive).

    Raises ``KeyError`` listing close matches when the term is unknown (in
    the current language).

    >>> from cvlib import language
    >>> with language.use("zh"):
    ...     lookup("顾客价值")
    Traceback (most recent call last):
    ...
    KeyError: "术语表中没有“顾客价值”；相近的术语：['顾客总价值', '顾客让渡价值', '顾客终身价值', '顾客整体价值', '客户价值']"
    """
    key = _key(term)
    if key in _INDEX:
        return _INDEX[key]
    close = difflib.get_close_matches(key, list(_INDEX), n=5, cutoff=0.5)
    contains = [k for k in _INDEX if key and (key in k or k in key)]
    suggestions = list(dict.fromkeys(close + contains))[:5]
    if not suggestions and _han(key):  # Chinese input: names sharing its characters
        suggestions = [t.chinese for t in close_matches(key)]
    raise KeyError(say(
        f"{term!r} is not in the glossary"
        + (f"; close matches: {suggestions}" if suggestions else "; use search() to browse"),
        f"术语表中没有“{term}”"
        + (f"；相近的术语：{suggestions}" if suggestions else "；可用 search() 浏览"),
    ))


def label(term: str) -> str:
    """Bilingual label for plots and tables, e.g. ``'customer delivered value / 顾客让渡价值'``."""
    t = lookup(term)
    return f"{t.english} / {t.chinese}"


def name(term: str) -> str:
    """The term's name in the current language: its English name, Chinese name, or both.

    Plots and widgets label things with it, so that one switch
    (:func:`cvlib.set_language`) turns them Chinese; ``term`` may be any name
    or alias, in either language (an unknown term raises ``KeyError`` with
    close matches, as :func:`lookup`).

    Parameters
    ----------
    term : str
        English name, Chinese name or alias of a glossary term.

    Returns
    -------
    str
        ``say(english, chinese)``: ``"customer pyramid"`` in English,
        ``"客户金字塔"`` in Chinese, ``"customer pyramid / 客户金字塔"`` in both.

    Examples
    --------
    >>> from cvlib import language
    >>> name("clv")
    'customer lifetime value'
    >>> with language.use("zh"):
    ...     name("customer pyramid")
    '客户金字塔'
    >>> with language.use("en+zh"):
    ...     name("NPS")
    'net promoter score / 净推荐值'
    """
    t = lookup(term)
    return say(t.english, t.chinese)


def _fields(t: Term) -> tuple[list[str], list[str]]:
    """A term's names (English, Chinese, aliases) and its texts (both definitions), as search keys."""
    return [_key(v) for v in (t.english, t.chinese, *t.aliases)], [_key(t.definition), _key(t.definition_zh)]


def _search_terms(text: str) -> list[Term]:
    """Terms containing ``text``: exact names first, then names containing it, then definitions."""
    key = _key(text)
    if not key:
        return list(TERMS)
    ranked = []
    for i, t in enumerate(TERMS):
        names, texts = _fields(t)
        if key in names:
            rank = 0
        elif any(key in n for n in names):
            rank = 1
        elif any(key in d for d in texts):
            rank = 2
        else:
            continue
        ranked.append((rank, i, t))
    return [t for _, _, t in sorted(ranked, key=lambda r: r[:2])]


def _table(found: list[Term]) -> pd.DataFrame:
    return pd.DataFrame(
        [(t.english, t.chinese, t.definition, t.notebook, t.definition_zh) for t in found],
        columns=["english", "chinese", "definition", "notebook", "definition_zh"],
    )


def search(text: str) -> pd.DataFrame:
    """Terms whose name, Chinese name, alias or definition (English or Chinese) contains ``text``.

    Case-insensitive.  Rows come in order of relevance: a term named exactly
    ``text``, then terms whose names contain it, then terms whose definitions
    do (within each group in glossary order).  The columns are those of
    :func:`terms`.  No match gives an empty table; :func:`close_matches`
    then suggests terms.

    >>> search("保持率")["english"].tolist()[0]
    'retention rate'
    >>> search("钱包份额")["english"].tolist()
    ['share of wallet']
    """
    return _table(_search_terms(text))


def _han(text: str) -> set[str]:
    return {ch for ch in text if "\u4e00" <= ch <= "\u9fff"}


def close_matches(text: str, n: int = 5, cutoff: float = 0.5) -> list[Term]:
    """Terms whose names look like ``text``: suggestions for a word the glossary does not hold.

    Each name and alias (English and Chinese) is scored by difflib's
    similarity ratio with ``text``; for Chinese input also by the share of
    its characters that the name contains (so 顾客价值 finds 客户价值 and
    顾客让渡价值).  A term's score is its best name's; terms scoring at least
    ``cutoff`` are returned, best first (ties in glossary order).

    Parameters
    ----------
    text : str
        What the reader typed.
    n : int
        At most this many terms.
    cutoff : float
        Lowest score (0-1) that counts as close.

    Returns
    -------
    list of Term

    Examples
    --------
    >>> [t.chinese for t in close_matches("顾客价值", n=3)]
    ['顾客让渡价值', '顾客整体价值', '客户终身价值']
    >>> [t.english for t in close_matches("retension rate", n=1)]
    ['retention rate']
    """
    key = _key(text)
    if not key:
        return []
    han = _han(key)
    best: dict[int, float] = {}
    for i, t in enumerate(TERMS):
        for k in _fields(t)[0]:
            score = difflib.SequenceMatcher(None, key, k).ratio()
            if han:
                score = max(score, len(han & _han(k)) / len(han) * min(1.0, len(_han(k)) / len(han)))
            best[i] = max(best.get(i, 0.0), score)
    order = sorted((i for i, s in best.items() if s >= cutoff), key=lambda i: (-best[i], i))
    return [TERMS[i] for i in order[:n]]


def terms(notebook: str | None = None) -> pd.DataFrame:
    """The glossary as a DataFrame, optionally for one notebook.

    Columns: ``english``, ``chinese``, ``definition``, ``notebook`` and
    ``definition_zh`` (the Chinese definition).  ``notebook`` may be the
    notebook's number ("05") or its full name.
    """
    table = _table(list(TERMS))
    if notebook is not None:
        known = sorted(table["notebook"].unique())
        matches = [n for n in known if n == notebook or n.startswith(str(notebook))]
        if not matches:
            raise ValueError(f"no notebook {notebook!r}; expected one of {known}")
        table = table[table["notebook"].isin(matches)].reset_index(drop=True)
    return table
