using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Storage.Postgres;

/// <summary>Categories described in words, and categories a model assigned to items.</summary>
public sealed partial class PostgresItemStore
{
    public async Task<IReadOnlyList<CategoryDescription>> ListCategoryDescriptionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT name, COALESCE(description, ''), created_at FROM categories ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var categories = new List<CategoryDescription>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            categories.Add(new CategoryDescription(reader.GetString(0), reader.GetString(1), PostgresTime.Parse(reader.GetString(2))));
        }

        return categories;
    }

    public async Task SaveCategoryDescriptionAsync(CategoryDescription category, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO categories (name, description, created_at) VALUES (@n, @d, @t) ON CONFLICT (name) DO UPDATE SET description = excluded.description")
            .With("n", category.Name).With("d", category.Description).With("t", PostgresTime.ToText(category.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteCategoryDescriptionAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("DELETE FROM categories WHERE name = @n").With("n", name.Trim().ToLowerInvariant());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<int> SetModelCategoriesAsync(IReadOnlyList<(string ItemId, string Category, double Confidence)> assignments, TagOrigin origin, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = 0;
        foreach (var (itemId, category, confidence) in assignments)
        {
            // Only an empty category or this origin's own earlier guess is replaced: the user's, a source's, a rule's and other models' stay.
            await using var command = connection.Command(
                "UPDATE items SET category = @c, category_origin = @o, category_confidence = @p WHERE id = @id " +
                "AND (category IS NULL OR category_origin = @o) AND (category IS DISTINCT FROM @c OR category_origin IS DISTINCT FROM @o)", transaction)
                .With("c", category).With("o", origin.ToString().ToLowerInvariant()).With("p", confidence).With("id", itemId);
            changed += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }
}
