using System.Text;
using System.Text.Encodings.Web;
using Madrasah.Blazor.Infrastructure.Time;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>The cells of an inbox row (see <see cref="ChangeRequestListItem.CellsHtml"/>); every value is HTML-encoded.</summary>
public static class ChangeRequestRowHtml
{
    public static string Cells(ChangeRequestListItem row, bool withInstitution)
    {
        var e = HtmlEncoder.Default;
        var link = $"/perubahan/{row.Id}";
        var html = new StringBuilder(256)
            .Append("<td><a href=\"").Append(link).Append("\">#").Append(row.Id).Append("</a></td>");
        if (withInstitution) html.Append("<td>").Append(e.Encode(row.InstitutionName)).Append("</td>");
        html.Append("<td><a href=\"").Append(link).Append("\">").Append(e.Encode(row.FieldLabels)).Append("</a></td>")
            .Append("<td>").Append(e.Encode(row.CreatedByName)).Append("</td>")
            .Append("<td class=\"text-nowrap\">").Append(row.SubmittedUtc is { } s ? e.Encode(Wib.FormatShort(s)) : "—").Append("</td>")
            .Append("<td>").Append(Badge(row.Status)).Append("</td>");
        return html.ToString();
    }

    /// <summary>The status badge, here and on a request's own page.</summary>
    public static string Badge(ChangeRequestStatus status) =>
        $"<span class=\"badge {status.BadgeClass()}\" data-testid=\"request-status\">{HtmlEncoder.Default.Encode(status.Label())}</span>";
}
