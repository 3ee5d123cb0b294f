namespace Strata.Sources.Imports.Markup;

internal enum MarkupTokenKind
{
    StartTag,
    EndTag,
    Text,
}
