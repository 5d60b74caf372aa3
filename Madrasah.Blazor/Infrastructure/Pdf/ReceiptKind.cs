namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>A kind of receipt: its code (counter key), its number prefix (unique per kind) and its Indonesian title.</summary>
public sealed record ReceiptKind(string Code, string Prefix, string Title);

/// <summary>One label/value row, e.g. ("NPSN", "20412345").</summary>
public sealed record ReceiptFact(string Label, string Value);

/// <summary>An extra table on the PDF under its own heading, e.g. "Perubahan Data" with rows "Telepon: lama → baru".</summary>
public sealed record ReceiptSection(string Heading, IReadOnlyList<ReceiptFact> Rows);
