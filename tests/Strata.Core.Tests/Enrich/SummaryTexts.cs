namespace Strata.Core.Tests.Enrich;

/// <summary>Hand-made texts with known topics, for summary tests.</summary>
internal static class SummaryTexts
{
    /// <summary>Three topics (glaciers, coral reefs, policy), one duplicated sentence, a heading and a code block.</summary>
    public const string English = """
        # Climate notes

        Glaciers in the Alps have lost half of their ice volume since 1900. Melting glaciers raise sea levels and change river flows in summer.
        Scientists measure glacier ice with radar and satellite images. The loss of glacier ice accelerated after 1980.

        ```
        var x = 1; // code is never a summary sentence.
        ```

        Coral reefs bleach when ocean water stays too warm for weeks. Bleached coral reefs can recover if the ocean water cools in time.
        Coral reefs shelter a quarter of all marine species. Coral reefs bleach when ocean water stays too warm for weeks.

        Climate policy sets limits on carbon emissions from power plants. A carbon price makes polluting power plants pay for emissions.
        Policy makers disagree about how fast carbon emissions should fall. The weather was nice on Tuesday.
        """;

    /// <summary>Three topics in Chinese: knowledge bases, search, summaries.</summary>
    public const string Chinese = """
        知识库是一种存储和管理知识的系统。个人知识库帮助用户保存阅读过的文章和笔记。知识库中的内容需要随时可以检索。

        全文检索使用倒排索引快速找到包含关键词的文档。中文检索通常把文本切分成双字词再建立索引。向量检索根据语义相似度找到相关的文档。

        自动摘要可以帮助用户快速了解文章的主要内容。抽取式摘要从原文中选择最重要的句子组成摘要。今天天气很好。
        """;
}
