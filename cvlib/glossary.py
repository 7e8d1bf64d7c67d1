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
        zh = f"{self.chinese}（{self.english}）：{self.definition_zh}（笔记本 {self.notebook}）"
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
    Term("customer value", "客户价值", "The value a customer perceives in an offer, and, seen from the firm, the value a customer brings to it; the course studies both.", _0),
    Term("customer relationship management", "客户关系管理", "Managing the relationships with customers to acquire, keep and grow the profitable ones (CRM).", _0, ("crm",)),
    Term("customer value classification management", "客户价值分类管理", "Grouping customers by the value they bring and managing each group differently.", _K),
    # 01 perceived value
    Term("customer delivered value", "顾客让渡价值", "Total customer value minus total customer cost (Kotler): what the customer gains from an offer net of what it costs.", _V, ("delivered value",)),
    Term("total customer value", "顾客整体价值", "The bundle of benefits a customer expects from an offer: product, service, personnel and image value.", _V, ("顾客总价值", "客户总价值")),
    Term("total customer cost", "顾客整体成本", "Everything a customer gives up to obtain an offer: monetary, time, energy and psychic cost.", _V, ("顾客总成本", "客户总成本")),
    Term("product value", "产品价值", "Value from the product's features, quality, design and performance.", _V),
    Term("service value", "服务价值", "Value from delivery, installation, training, repair and other services attached to the product.", _V),
    Term("personnel value", "人员价值", "Value from the knowledge, responsiveness and courtesy of the firm's staff.", _V),
    Term("image value", "形象价值", "Value from the brand's and the firm's reputation in the customer's eyes.", _V),
    Term("monetary cost", "货币成本", "The price paid, plus any other money spent to obtain and use the offer.", _V),
    Term("time cost", "时间成本", "Time the customer spends searching, buying, waiting and using.", _V),
    Term("energy cost", "精力成本", "Physical effort the customer spends to obtain and use the offer.", _V, ("体力成本",)),
    Term("psychic cost", "精神成本", "Mental effort, stress and risk the customer bears in the purchase.", _V),
    Term("sensory burden", "感观负担", "The fourth cost in the course material's list (file 004), where Kotler's Chinese editions name psychic cost; cvlib accepts either.", _V),
    Term("use value", "使用价值", "Woodruff's value a customer gets from using a product, as opposed to owning it.", _V),
    Term("possession value", "拥有价值", "Woodruff's value a customer gets from owning a product (status, collection, security), as opposed to using it.", _V),
    Term("perceived value", "感知价值", "The customer's overall judgement of an offer's utility, weighing perceived benefits against perceived sacrifices (Zeithaml 1988).", _V),
    Term("perceived benefit", "感知利得", "The benefits a customer believes an offer gives (Meehan's Fc).", _V),
    Term("perceived sacrifice", "感知利失", "The costs a customer believes an offer imposes (Meehan's Cc).", _V, ("perceived cost",)),
    Term("value-to-cost ratio", "价值成本比", "Total customer value divided by total customer cost; above 1 the offer gives more than it takes.", _V, ("value ratio",)),
    Term("perceived-value pricing", "感知价值定价", "Setting the price from the value the customer perceives rather than from cost (Kotler's Caterpillar example).", _V),
    Term("consumption value", "消费价值", "Sheth, Newman & Gross's five values driving choice: functional, social, emotional, epistemic and conditional.", _V),
    Term("functional value", "功能性价值", "Utility from an offer's functional, utilitarian or physical performance.", _V, ("功能价值",)),
    Term("social value", "社交性价值", "Utility from an offer's association with social groups.", _V, ("社会价值",)),
    Term("emotional value", "情感性价值", "Utility from the feelings or affective states an offer arouses.", _V, ("情感价值",)),
    Term("epistemic value", "认知性价值", "Utility from an offer's capacity to arouse curiosity, novelty or knowledge.", _V, ("认知价值",)),
    Term("conditional value", "条件性价值", "Utility that depends on the specific situation of the choice.", _V, ("情境价值",)),
    Term("efficiency value", "效率价值", "Holbrook: extrinsic, self-oriented, active value; output relative to input, convenience.", _V),
    Term("play value", "娱乐价值", "Holbrook: intrinsic, self-oriented, active value; fun and enjoyment.", _V),
    Term("excellence value", "卓越价值", "Holbrook: extrinsic, self-oriented, reactive value; admired quality.", _V),
    Term("aesthetic value", "美感价值", "Holbrook: intrinsic, self-oriented, reactive value; beauty.", _V),
    Term("status value", "地位价值", "Holbrook: extrinsic, other-oriented, active value; success and impression management.", _V),
    Term("ethics value", "伦理价值", "Holbrook: intrinsic, other-oriented, active value; virtue, justice, morality.", _V),
    Term("esteem value", "尊敬价值", "Holbrook: extrinsic, other-oriented, reactive value; reputation, possessions admired by others.", _V),
    Term("spirituality value", "心灵价值", "Holbrook: intrinsic, other-oriented, reactive value; faith, ecstasy, the sacred.", _V),
    Term("value hierarchy", "价值层次", "Levels of customer value: basic, expected, desired and unexpected value.", _V),
    Term("basic value", "基本价值", "What the offer must deliver at the least; its absence causes strong dissatisfaction.", _V),
    Term("expected value", "预期价值", "What the customer takes for granted from this kind of offer.", _V),
    Term("desired value", "期盼价值", "What the customer wishes for but does not necessarily expect.", _V),
    Term("unexpected value", "意外价值", "Value beyond the customer's wishes that surprises and delights.", _V),
    Term("means-end chain", "手段-目的链", "Woodruff's hierarchy linking product attributes to consequences in use and to the customer's goals.", _V, ("customer value hierarchy model",)),
    Term("PERVAL scale", "PERVAL感知价值量表", "Sweeney & Soutar's (2001) scale of perceived value with quality, price, emotional and social dimensions.", _V, ("perval",)),
    Term("attribute-based satisfaction", "基于属性的满意", "Satisfaction with the product's attributes and their performance, the lowest rung of Woodruff's ladder.", _V),
    Term("consequence-based satisfaction", "基于结果的满意", "Satisfaction with the consequences of using the product in the customer's situation.", _V),
    Term("goal-based satisfaction", "基于目标的满意", "Satisfaction with how far the product helps the customer reach their goals and purposes.", _V),
    # 02 customer value analysis
    Term("customer value analysis", "客户价值分析", "Gale's method of measuring a business's value against competitors' from the customers' ratings of quality and price.", _C, ("cva",)),
    Term("market-perceived quality", "市场感知质量", "Customers' rating of a business's offer on the non-price attributes relative to competitors'.", _C),
    Term("market-perceived price", "市场感知价格", "Customers' rating of a business's price attributes relative to competitors'.", _C),
    Term("quality profile", "市场感知质量水平", "Table of non-price attributes with importance weights, ratings and performance ratios, summarised as a score.", _C, ("market-perceived quality profile", "质量概况")),
    Term("price profile", "市场感知价格水平", "The quality profile's counterpart on price-satisfaction attributes.", _C, ("market-perceived price profile", "价格概况")),
    Term("performance ratio", "业绩比率", "A business's rating on an attribute divided by the competitor's.", _C, ("绩效比率",)),
    Term("relative quality", "相对质量", "The quality score of a business relative to competitors (100 = parity).", _C),
    Term("relative price", "相对价格", "The price of a business relative to competitors (100 = parity); in Gale, 100 x 100 / price score.", _C),
    Term("customer value map", "客户价值图", "Plot of relative price against relative quality, with the fair-value line; below the line is better value.", _C, ("value map",)),
    Term("fair-value line", "平价价值线", "Where relative price matches relative quality on the value map.", _C, ("公平价值线",)),
    Term("fair-value zone", "公平价值区", "A band around the fair-value line within which price and quality are seen as balanced.", _C),
    Term("logistic regression", "逻辑回归", "Regression of a yes/no outcome (deal won or lost) on predictors through the log-odds.", _C, ("logit",)),
    Term("odds ratio", "优势比", "How the odds of an outcome multiply when a predictor rises by one unit: exp(coefficient) in a logistic regression.", _C),
    Term("quality function deployment", "质量功能展开", "Akao's method of linking what customers want to how the firm delivers it; the what/who matrix borrows its 9/3/1 strengths.", _C, ("qfd",)),
    Term("win/loss analysis", "得失分析", "Studying deals won and lost to learn which attributes decide customers' choices.", _C, ("赢/输分析",)),
    Term("head-to-head area chart", "客户分析对照图", "Chart of weight x (ratio - 1) per attribute, showing where a business beats or trails a competitor.", _C, ("竞争对比面积图",)),
    Term("key events", "关键事件表", "Dated events (launches, price changes, failures) aligned with quality and price scores over time.", _C, ("关键事件", "key events timeline")),
    Term("what/who matrix", "What/Who矩阵", "Matrix linking attributes customers value (what) to the functions responsible (who).", _C, ("做什么/谁负责矩阵",)),
    # 03 satisfaction
    Term("customer satisfaction", "顾客满意", "The customer's judgement that an offer met or exceeded expectations.", _S),
    Term("customer satisfaction index", "顾客满意度指数", "A 0-100 index of satisfaction built from survey items and a structural model (ACSI, ECSI, CCSI).", _S, ("csi",)),
    Term("American Customer Satisfaction Index", "美国顾客满意度指数", "The ACSI model: expectations, perceived quality and value drive satisfaction, which drives complaints and loyalty.", _S, ("acsi",)),
    Term("European Customer Satisfaction Index", "欧洲顾客满意度指数", "The ECSI model: the ACSI model with image as a driver.", _S, ("ecsi",)),
    Term("customer expectation", "顾客预期", "What customers expected of the offer before buying.", _S),
    Term("perceived quality", "感知质量", "The customer's evaluation of the offer's quality after consumption.", _S),
    Term("customer complaint", "顾客抱怨", "Expressed dissatisfaction; how it is handled affects loyalty.", _S),
    Term("customer loyalty", "顾客忠诚", "Repurchase intention, price tolerance and recommendation.", _S),
    Term("Likert scale", "李克特量表", "Agreement items scored on ordered categories (1-5, 1-7, 1-10).", _S),
    Term("Cronbach's alpha", "克朗巴哈系数", "Internal-consistency reliability of a set of items measuring one construct.", _S, ("alpha",)),
    Term("composite reliability", "组合信度", "Reliability of a construct computed from its indicator loadings (rho_C).", _S),
    Term("average variance extracted", "平均方差抽取量", "Mean squared loading of a construct's indicators (AVE); convergent validity at 0.5 or more.", _S, ("ave",)),
    Term("partial least squares path modelling", "偏最小二乘路径模型", "Estimating latent-variable path models by iterated least squares on composite scores (PLS-PM).", _S, ("pls", "pls-pm")),
    Term("latent variable", "潜变量", "A construct such as satisfaction that is not observed directly but measured by several survey items.", _S, ("construct",)),
    Term("path coefficient", "路径系数", "The standardised effect of one latent variable on another in a structural model.", _S),
    Term("outer weight", "外部权重", "The weight of an item in its latent variable's score in a PLS model.", _S),
    Term("outer loading", "外部载荷", "The correlation of an item with its latent variable's score.", _S, ("loading",)),
    Term("heterotrait-monotrait ratio", "异质-单质比率", "HTMT: discriminant validity of two constructs from item correlations between versus within them; below 0.85-0.90 is acceptable.", _S, ("htmt",)),
    Term("Dijkstra-Henseler's rho", "Dijkstra-Henseler rho信度", "rho_A, the reliability of a PLS construct score, between Cronbach's alpha and composite reliability.", _S, ("rho_a", "rho a")),
    Term("reflective measurement", "反映型测量", "Mode A: the items reflect the construct, so they should correlate; weights come from correlations with the construct's proxy.", _S, ("mode a", "reflective")),
    Term("formative measurement", "形成型测量", "Mode B: the items form the construct, as ingredients; weights come from a multiple regression.", _S, ("mode b", "formative")),
    Term("inner weighting scheme", "内部权重方案", "How PLS builds each construct's inner proxy from its neighbours: path, centroid or factorial scheme.", _S),
    Term("goodness of fit", "拟合优度", "GoF in PLS: the geometric mean of the average communality and the average R squared (Tenenhaus et al. 2005).", _S, ("gof",)),
    Term("corrected item-total correlation", "校正的项目-总分相关", "The correlation of an item with the sum of the other items of its scale.", _S),
    Term("standardised coefficient", "标准化系数", "A regression coefficient in standard deviations of the outcome per standard deviation of the predictor (beta).", _S, ("beta coefficient",)),
    Term("coefficient of determination", "决定系数", "R squared: the share of a dependent variable's variance its predictors explain.", _S, ("r squared", "r2")),
    Term("bootstrap", "自助法", "Re-estimating on samples drawn with replacement to get standard errors and confidence intervals.", _S),
    Term("semantic differential scale", "语义差异量表", "Items rated between two opposite adjectives, such as slow ... fast.", _S),
    Term("top-two-box", "前两格比例", "The share of answers in the two highest categories of a scale.", _S, ("top-2-box",)),
    Term("importance-performance analysis", "重要性-绩效分析", "Plotting attributes by importance and performance into four action quadrants (Martilla & James 1977).", _S, ("ipa",)),
    Term("Kano model", "卡诺模型", "Classifying attributes as attractive, one-dimensional, must-be, indifferent or reverse from paired questions.", _S, ("kano",)),
    Term("attractive quality", "魅力质量", "A Kano category (A): delights when present, not missed when absent.", _S, ("attractive",)),
    Term("one-dimensional quality", "一元质量", "A Kano category (O): satisfaction rises and falls with performance.", _S, ("one-dimensional", "一维质量", "期望质量")),
    Term("must-be quality", "必备质量", "A Kano category (M): taken for granted when present, causes dissatisfaction when absent.", _S, ("must-be",)),
    Term("indifferent quality", "无差异质量", "A Kano category (I): neither present nor absent matters to the customer.", _S, ("indifferent",)),
    Term("reverse quality", "反向质量", "A Kano category (R): the customer prefers the attribute absent.", _S),
    Term("promoter", "推荐者", "A respondent answering 9 or 10 to the likelihood to recommend.", _S),
    Term("detractor", "贬损者", "A respondent answering 0 to 6 to the likelihood to recommend.", _S),
    Term("reverse-coded item", "反向计分题", "A negatively worded item whose scores are flipped (min + max - x) before analysis.", _S),
    Term("relative importance", "相对重要性", "Each driver's share of the explained variance, by Shapley decomposition of R squared or Johnson's relative weights.", _S, ("shapley value", "relative weights")),
    Term("ordered logit", "有序逻辑回归", "Regression for an ordinal outcome such as a 1-5 intention scale.", _S, ("ordinal regression",)),
    Term("net promoter score", "净推荐值", "Share of promoters (9-10) minus share of detractors (0-6) on the likelihood to recommend.", _S, ("nps",)),
    Term("key driver analysis", "关键驱动因素分析", "Measuring how much each attribute contributes to satisfaction or loyalty.", _S),
    # satisfaction as a gap, and its layers (course material 004)
    Term("perception-expectation gap", "感知与期望的差距", "Satisfaction per attribute as perceived performance minus expectation: positive when expectations are exceeded, negative when they are not met (004; Oliver 1980).", _S, ("satisfaction gap", "disconfirmation")),
    Term("material satisfaction", "物质满意", "The first layer of satisfaction: with the product's core, its function, quality, design and packaging (004).", _S),
    Term("mental satisfaction", "精神满意", "The second layer of satisfaction: with the product's form and the services around it (004).", _S, ("spiritual satisfaction",)),
    Term("social satisfaction", "社会满意", "The third layer of satisfaction: with the social benefits the consumption upholds, such as moral, political and ecological value (004).", _S),
    Term("dissatisfied customer", "不满意的客户", "A customer below the neutral band of overall satisfaction; the course material (002) says they care most about the product's basic features.", _S),
    Term("neutral customer", "感觉一般的客户", "A customer in the middle band of overall satisfaction; per the course material (002) they care most about how they are managed and served.", _S),
    Term("satisfied customer", "满意的客户", "A customer in the top band of overall satisfaction; per the course material (002) they care about how far the service helps them reach their own goals.", _S),
    Term("delighter", "惊喜因素", "An attractive Kano feature: it delights when present and is not missed when absent.", _S),
    # after the PLS model: IPMA, prediction, groups, consistent PLS (issue 15)
    Term("importance-performance map analysis", "重要性-绩效图分析", "IPMA: each driver of a target construct placed by its importance (unstandardised total effect) and its performance (mean 0-100 score) (Ringle & Sarstedt 2016).", _S, ("ipma", "importance-performance map")),
    Term("PLSpredict", "PLSpredict（PLS样本外预测）", "k-fold out-of-sample prediction of a PLS model's endogenous items, judged by Q2_predict against the training mean and by RMSE/MAE against a linear model (Shmueli et al. 2016, 2019).", _S, ("q2_predict", "q2 predict")),
    Term("multi-group analysis", "多群组分析", "Comparing a PLS model's paths between groups of respondents, here with a permutation test of each path difference.", _S, ("mga", "pls-mga")),
    Term("measurement invariance", "测量不变性", "Whether the constructs are measured the same way in each group; MICOM step 2 (compositional invariance) checks that the composites are formed alike (Henseler, Ringle & Sarstedt 2016).", _S, ("micom", "compositional invariance")),
    Term("consistent PLS", "PLSc 一致性PLS", "PLSc: PLS corrected for measurement error by each reflective construct's reliability rho_A, so paths and loadings estimate the common-factor model consistently (Dijkstra & Henseler 2015).", _S, ("plsc",)),
    # 04 classification
    Term("customer classification", "客户分级", "Dividing customers into tiers by the value they bring to the firm.", _K, ("customer segmentation",)),
    Term("ABC classification", "ABC分类法", "Classes A, B, C by cumulative share of revenue or by absolute thresholds.", _K, ("abc analysis",)),
    Term("Pareto principle", "帕累托法则", "The 80/20 rule: a minority of customers brings most of the revenue.", _K, ("80/20 rule",)),
    Term("Lorenz curve", "洛伦兹曲线", "Cumulative share of revenue against cumulative share of customers.", _K),
    Term("Gini coefficient", "基尼系数", "Concentration of revenue among customers: 0 equal, 1 all in one customer.", _K),
    Term("whale curve", "鲸鱼曲线", "Cumulative profit by customers ranked from most to least profitable; it rises above 100% and falls back.", _K),
    Term("customer pyramid", "客户金字塔", "Tiers of customers by value: VIP, major, medium and small customers (or platinum, gold, iron, lead).", _K),
    Term("VIP customer", "VIP客户", "The top tier of the pyramid, about the top 1% by value.", _K),
    Term("decile analysis", "十分位分析", "Ranking customers into ten equal groups and showing each group's share of sales and profit.", _K),
    Term("RFM", "RFM模型", "Classifying customers by recency, frequency and monetary value of their purchases.", _K, ("rfm analysis",)),
    Term("recency (RFM)", "最近一次消费", "In RFM tables, the number of days since the customer's last purchase (smaller is better); not the same as recency (BTYD).", _K, ("recency", "rfm recency")),
    Term("recency (BTYD)", "最近购买时点", "In the buy-till-you-die models (BG/NBD, Pareto/NBD), t_x: the time from the customer's first to last purchase (larger is better); not the same as recency (RFM).", _L, ("t_x", "btyd recency")),
    Term("frequency", "消费频率", "How often the customer buys in the period.", _K),
    Term("monetary value", "消费金额", "How much the customer spends in the period.", _K),
    Term("customer lifecycle", "客户生命周期", "Stages of the relationship: acquisition, growth, maturity, decline and lapse.", _K),
    Term("migration matrix", "客户迁移矩阵", "Counts of customers moving between tiers from one date to the next.", _K),
    Term("high-value customer", "高价值客户", "A customer with high current and high potential value.", _K),
    Term("potential-value customer", "潜在价值客户", "A customer with low current but high potential value.", _K),
    Term("cost to serve", "服务成本", "What it costs the firm to serve a customer: sales calls, delivery, support.", _K),
    Term("customer scorecard", "客户价值评分卡", "A weighted index of several value indicators used to rank customers into tiers.", _K, ("scorecard",)),
    Term("purchase cycle", "购买周期", "The average interval between a customer's purchases.", _K),
    Term("customer development process", "顾客发展过程", "The stages a customer passes through (file 002): suspect, prospect, first-time customer, repeat customer, client, advocate, partner; exits: disqualified and lapsed.", _K),
    Term("sales pipeline", "销售漏斗", "Stages of a sales opportunity from not yet reached to contract, with the conversion rate between stages.", _K, ("sales funnel", "funnel")),
    Term("platinum tier", "铂金层", "Zeithaml, Rust & Lemon's most profitable customer tier, above gold, iron and lead.", _K, ("platinum",)),
    Term("lead tier", "铅层", "Zeithaml, Rust & Lemon's bottom tier: customers who cost more than they bring.", _K),
    Term("relationship level", "关系水平", "Kotler's five levels of relationship marketing: basic, reactive, accountable, proactive, partnership.", _K),
    Term("social style", "社交风格", "Customer types from assertiveness x responsiveness: driver, expressive, amiable, analytical.", _K),
    # 04 the course's own systems (issue 9)
    Term("value x response matrix", "客户价值—客户响应矩阵", "Robert & Paul (1997): best customers, strange customers, fatal attraction and ghosts by customer value and response.", _K),
    Term("best customers", "最佳客户", "Valuable customers who respond to the firm: its target customers (value x response matrix).", _K),
    Term("strange customers", "奇异客户群", "Valuable customers who do not respond, not inclined to build a relationship (value x response matrix).", _K),
    Term("fatal attraction", "致命诱惑", "Customers who respond eagerly but are relatively unprofitable (value x response matrix).", _K),
    Term("ghosts", "幽灵客户", "Customers of low value who do not respond (value x response matrix).", _K),
    Term("golden customers", "金牌客户", "High value and high loyalty in Kelly & Julie's (1999) value x loyalty matrix.", _K, ("golden",)),
    Term("at-risk customers", "风险客户", "High value but low loyalty in Kelly & Julie's value x loyalty matrix.", _K),
    Term("marginal customers", "边际客户", "Low value but high loyalty in Kelly & Julie's value x loyalty matrix.", _K),
    Term("don't over-service", "无需过多服务的客户", "Low value and low loyalty in Kelly & Julie's value x loyalty matrix.", _K),
    Term("high-performing relationship", "高绩效关系", "High direct and high indirect functions in Achim, Tomas & Hans's (2001) matrix; with selling (买卖关系), networking (网络关系) and low-performing (低绩效关系) relationships.", _K),
    Term("B2B loyalty ladder", "忠诚度阶梯", "A business buyer's rungs of loyalty: recommends, resists competitors, pays a premium, co-develops, may invest.", _K, ("loyalty ladder",)),
    Term("activity-based costing", "作业成本法", "Costing each customer's use of activities (orders, deliveries, visits) at a rate per unit to get its cost to serve; not ABC classification.", _K, ("abc costing",)),
    Term("sales progress stages", "销售进程", "The slide's stages 0-7 of a customer's sales progress, from not yet reached to contract expired.", _K),
    Term("call list", "拨打计划", "The customers a sales rep calls in a day; 1,000 customers in 22 working days need 46 calls a day.", _K, ("daily call list",)),
    Term("lighthouse customer", "灯塔型客户", "A trend leader: sensitive to new things, likes to try, not price-sensitive (with followers, rational and profit-seeking customers).", _K),
    Term("dynamic customer list", "动态客户列表", "A customer list defined by a rule and updated automatically as customers change.", _K),
    Term("relationship space", "关系空间", "Customer groups placed by discovery (knowledge of the customer) and dialogue, with a decision table of content, channel and frequency per relationship level.", _K),
    # 05 lifetime value
    Term("customer lifetime value", "客户终身价值", "The present value of the margins a customer brings over the whole relationship (CLV).", _L, ("clv", "ltv", "lifetime value", "顾客终身价值", "客户生命周期价值", "客户终生价值", "顾客生命周期价值")),
    Term("retention rate", "客户保持率", "The share of customers at the start of a period who are still customers at its end.", _L, ("customer retention rate",)),
    Term("churn rate", "客户流失率", "One minus the retention rate.", _L, ("attrition rate",)),
    Term("customer acquisition cost", "客户获取成本", "What it costs to win one new customer.", _L, ("acquisition cost",)),
    Term("share of wallet", "钱包份额", "The firm's share of a customer's spending in the category.", _L, ("customer share", "顾客份额", "客户份额")),
    Term("expected lifetime", "预期客户寿命", "Expected number of periods a customer stays: 1 / (1 - retention rate).", _L),
    Term("discount rate", "折现率", "The rate at which future cash flows are discounted to present value.", _L),
    Term("net present value", "净现值", "The sum of discounted cash flows of an investment such as acquiring a customer (NPV).", _L, ("npv",)),
    Term("internal rate of return", "内部收益率", "The discount rate at which the NPV of the cash flows is zero (IRR).", _L, ("irr",)),
    Term("payback period", "投资回收期", "Time until cumulative (discounted) cash flows turn positive.", _L),
    Term("discounted expected residual lifetime", "折现预期剩余寿命", "DERL: the discounted number of further periods a current customer is expected to stay (Fader & Hardie 2010).", _L, ("derl",)),
    Term("survival curve", "生存曲线", "Share of a cohort still a customer after each period.", _L),
    Term("shifted-beta-geometric model", "移位贝塔几何模型", "Fader & Hardie's contractual retention model: geometric churn with beta-distributed churn probabilities (sBG).", _L, ("sbg",)),
    Term("BG/NBD model", "BG/NBD模型", "Beta-geometric/negative binomial model of repeat purchasing in non-contractual settings (Fader, Hardie & Lee 2005).", _L, ("bg/nbd", "beta-geometric/nbd")),
    Term("Pareto/NBD model", "Pareto/NBD模型", "Schmittlein, Morrison & Colombo's model of repeat purchasing with exponential lifetimes.", _L, ("pareto/nbd",)),
    Term("Gamma-Gamma model", "Gamma-Gamma消费金额模型", "Fader, Hardie & Lee's model of spend per transaction, independent of purchase counts.", _L, ("gamma-gamma",)),
    Term("BG/BB model", "BG/BB模型", "Beta-geometric/beta-Bernoulli model of repeat transactions in discrete opportunities, such as yearly donations (Fader, Hardie & Shang 2010).", _L, ("bg/bb",)),
    Term("discounted expected lifetime", "折现预期寿命", "DEL: the discounted number of periods a new customer is expected to stay (Fader & Hardie 2010).", _L, ("del",)),
    Term("probability alive", "存活概率", "The probability that a customer has not yet churned, given the purchase history (P(alive)).", _L, ("p(alive)",)),
    Term("calibration period", "校准期", "The period whose transactions the model is fitted on.", _L),
    Term("holdout period", "验证期", "The later period used to check the model's predictions.", _L),
    Term("covariate", "协变量", "A customer characteristic (acquisition channel, first-purchase amount, gender) that shifts a model's purchase or dropout rate through exp(gamma' z).", _L, ("time-invariant covariate", "covariates")),
    Term("holdout validation", "样本外验证", "Fitting a model on the calibration period and scoring its forecasts on the holdout period (MAE, RMSE, bias, tracking error of the total).", _L, ("out-of-sample validation",)),
    Term("simulation", "模拟", "Drawing artificial customers from a model with chosen parameters, to see what the parameters mean or to check an estimator against a known truth.", _L, ("simulate",)),
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

    Raises ``KeyError`` listing close matches when the term is unknown.
    """
    key = _key(term)
    if key in _INDEX:
        return _INDEX[key]
    close = difflib.get_close_matches(key, list(_INDEX), n=5, cutoff=0.5)
    contains = [k for k in _INDEX if key and (key in k or k in key)]
    suggestions = list(dict.fromkeys(close + contains))[:5]
    raise KeyError(
        f"{term!r} is not in the glossary"
        + (f"; close matches: {suggestions}" if suggestions else "; use search() to browse")
    )


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
