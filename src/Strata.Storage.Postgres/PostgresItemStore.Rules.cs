using System.Text.Json;
using System.Text.Json.Serialization;
using Strata.Core.Enrich.Rules;

namespace Strata.Storage.Postgres;

/// <summary>Classification rules: stored with their conditions and actions as JSON.</summary>
public sealed partial class PostgresItemStore
{
    public async Task<IReadOnlyList<Rule>> ListRulesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT id, name, definition, enabled, created_at FROM rules ORDER BY rowid");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rules = new List<Rule>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var definition = JsonSerializer.Deserialize(reader.GetString(2), RuleJson.Default.RuleDefinition)!;
            rules.Add(new Rule
            {
                Id = reader.GetString(0), Name = reader.GetStringOrNull(1), When = definition.When, Then = definition.Then,
                Enabled = reader.GetInt32(3) != 0, CreatedAt = PostgresTime.Parse(reader.GetString(4)),
            });
        }

        return rules;
    }

    public async Task SaveRuleAsync(Rule rule, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO rules (id, name, definition, enabled, created_at) VALUES (@id, @n, @d, @e, @t) " +
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, definition = excluded.definition, enabled = excluded.enabled")
            .With("id", rule.Id).With("n", rule.Name).With("d", JsonSerializer.Serialize(new RuleDefinition(rule.When, rule.Then), RuleJson.Default.RuleDefinition))
            .With("e", rule.Enabled ? 1 : 0).With("t", PostgresTime.ToText(rule.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteRuleAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "DELETE FROM rules WHERE id = @id OR name = @id OR (length(@id) >= 6 AND id LIKE @id || '%' AND (SELECT count(*) FROM rules WHERE id LIKE @id || '%') = 1)")
            .With("id", idOrPrefix);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}

internal sealed record RuleDefinition(RuleConditions When, RuleActions Then);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RuleDefinition))]
internal sealed partial class RuleJson : JsonSerializerContext;
