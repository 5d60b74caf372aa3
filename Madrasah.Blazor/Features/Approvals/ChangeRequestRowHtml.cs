using System.Text;
using System.Text.Encodings.Web;
using Madrasah.Blazor.Components.Shared;
using Madrasah.Blazor.Infrastructure.Time;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>
/// The cells of an inbox row (see <see cref="ChangeRequestListItem.CellsHtml"/>); every value is HTML-encoded. Each
/// cell carries its column's name in <c>data-label</c>, so that on a phone the row can read as a card of labelled lines.
/// </summary>
public static class ChangeRequestRowHtml
{
    public const string Number = "No.", Institution = "Lembaga", Fields = "Isian yang diubah", SubmittedBy = "Diajukan oleh",
        Submitted = "Diajukan", Status = "Status";

    public static string Cells(ChangeRequestListItem row, bool withInstitution)
    {
        var e = HtmlEncoder.Default;
        var link = $"/perubahan/{row.Id}";
        var html = new StringBuilder(320);
        Cell(html, Number).Append("<a href=\"").Append(link).Append("\">#").Append(row.Id).Append("</a></td>");
        if (withInstitution) Cell(html, Institution).Append(e.Encode(row.InstitutionName)).Append("</td>");
        Cell(html, Fields).Append("<a href=\"").Append(link).Append("\">").Append(e.Encode(row.FieldLabels)).Append("</a></td>");
        Cell(html, SubmittedBy).Append(e.Encode(row.CreatedByName)).Append("</td>");
        Cell(html, Submitted).Append(row.SubmittedUtc is { } s ? e.Encode(Wib.FormatShort(s)) : "—").Append("</td>");
        Cell(html, Status).Append(StatusChip(row.Status)).Append("</td>");
        return html.ToString();
    }

    /// <summary>The status chip, in the rows and on a request's own page.</summary>
    public static string StatusChip(ChangeRequestStatus status) => ToneMarkup.Chip(status.Tone(), status.Label(), "request-status");

    private static StringBuilder Cell(StringBuilder html, string label) => html.Append("<td data-label=\"").Append(label).Append("\">");
}
