using Microsoft.Data.Sqlite;
using Strata.Core.Search;
using Xunit;

namespace Strata.Core.Tests.Search;

/// <summary>The analyser and the query builder against a real contentless FTS5 table in memory.</summary>
public sealed class Fts5IntegrationTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public Fts5IntegrationTests()
    {
        _connection.Open();
        Execute("CREATE VIRTUAL TABLE doc_fts USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2')");
        Index(1, "Strata is a personal 知识库 for notes and papers.");
        Index(2, "把非结构化的文档变成结构化的数据。");
        Index(3, "A survey of document classification methods.");
        Index(4, "我的个人知识库系统支持全文检索。");
        Index(5, "Running the indexer every night keeps the café résumé fresh.");
        Index(6, "知识 and 库 appear here but never together.");
    }

    public void Dispose() => _connection.Dispose();

    [Theory]
    [InlineData("知识库", new long[] { 1, 4 })]
    [InlineData("结构化", new long[] { 2 })]
    [InlineData("classified", new long[] { 3 })]
    [InlineData("classify -survey", new long[0])]
    [InlineData("run indexed", new long[] { 5 })]
    [InlineData("cafe resume", new long[] { 5 })]
    [InlineData("\"personal 知识库\"", new long[] { 1 })]
    [InlineData("库", new long[] { 1, 4, 6 })]
    [InlineData("知识库 系统", new long[] { 4 })]
    public void Match_BuiltExpression_FindsExpectedDocuments(string text, long[] expected)
    {
        var expression = Fts5QueryBuilder.Build(SearchQueryParser.Parse(text));

        Assert.NotNull(expression);
        Assert.Equal(expected, Query(expression));
    }

    [Fact]
    public void Match_AndFindsNothing_AnyFormFallsBack()
    {
        var query = SearchQueryParser.Parse("classified 结构化");

        Assert.Empty(Query(Fts5QueryBuilder.Build(query)!));
        Assert.Equal([2, 3], Query(Fts5QueryBuilder.BuildAny(query)!));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("AND OR NOT")]
    [InlineData("col:x*")]
    [InlineData("^")]
    [InlineData("(")]
    [InlineData("NEAR(a b)")]
    [InlineData("body:知识 OR \"\" * ) -")]
    [InlineData("'; DROP TABLE doc_fts; --")]
    public void Match_HostileQuery_DoesNotThrow(string text)
    {
        var query = SearchQueryParser.Parse(text);
        var expression = Fts5QueryBuilder.Build(query);
        var any = Fts5QueryBuilder.BuildAny(query);

        var exception = Record.Exception(() =>
        {
            if (expression is not null)
            {
                Query(expression);
            }

            if (any is not null)
            {
                Query(any);
            }
        });

        Assert.Null(exception);
        Assert.Equal(expression is null, any is null);
    }

    [Fact]
    public void Match_RandomHostileQueries_AreAllValidFts5()
    {
        const string alphabet = "ab NEAR AND OR NOT \"\"-:*^()[]{}+,.知识库书한국어é\uD800\U00020000";
        var random = new Random(42);
        for (var round = 0; round < 300; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var query = SearchQueryParser.Parse(text);

            foreach (var expression in new[] { Fts5QueryBuilder.Build(query), Fts5QueryBuilder.BuildAny(query) })
            {
                if (expression is not null)
                {
                    var exception = Record.Exception(() => Query(expression));
                    Assert.True(exception is null, $"{text} -> {expression}: {exception?.Message}");
                }
            }
        }
    }

    private void Index(long id, string text)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO doc_fts(rowid, body) VALUES ($id, $body)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$body", SearchTextAnalyzer.ToIndexText(text));
        command.ExecuteNonQuery();
    }

    private List<long> Query(string expression)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM doc_fts WHERE doc_fts MATCH $q ORDER BY rowid";
        command.Parameters.AddWithValue("$q", expression);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
