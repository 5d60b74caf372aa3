using System.Text.RegularExpressions;
using Madrasah.Blazor.Components.Shared;
using Madrasah.Blazor.Features.Approvals;

namespace Madrasah.Blazor.Tests.Features.Approvals;

public sealed class ChangeRequestRowHtmlTests
{
    private static readonly ChangeRequestListItem Row = new(
        7, "MI <Al-Ikhlas> & Co", ChangeRequestStatus.WaitingForDistrict, "Siti \"Aminah\" <script>alert(1)</script>",
        new DateTime(2026, 11, 23, 3, 10, 0, DateTimeKind.Utc), "Nama Lembaga, Telepon");

    [Fact]
    public void Every_value_is_encoded_so_a_name_cannot_inject_markup()
    {
        var html = Row.CellsHtml(withInstitution: true);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<Al-Ikhlas>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("MI &lt;Al-Ikhlas&gt; &amp; Co", html);
    }

    [Fact]
    public void The_cells_show_number_link_fields_submitter_WIB_time_and_status()
    {
        var html = Row.CellsHtml(withInstitution: false);
        Assert.Contains("<a href=\"/perubahan/7\">#7</a>", html);
        Assert.Contains("Nama Lembaga, Telepon", html);
        Assert.Contains("23 Nov 2026 10.10", html); // 03.10 UTC is 10.10 WIB
        Assert.Contains(ToneMarkup.Chip(Tone.Waiting, "Menunggu Persetujuan Kabupaten/Kota", "request-status"), html);
        Assert.DoesNotContain("Al-Ikhlas", html); // the head's inbox has no institution column
        Assert.Same(html, Row.CellsHtml(withInstitution: false)); // made once, shared by every open inbox
    }

    [Fact]
    public void Each_cell_names_its_column_for_the_phone_card_and_carries_no_styling()
    {
        var html = Row.CellsHtml(withInstitution: true);
        Assert.Equal(["No.", "Lembaga", "Isian yang diubah", "Diajukan oleh", "Diajukan", "Status"],
            Regex.Matches(html, "<td data-label=\"([^\"]+)\">").Select(m => m.Groups[1].Value));
        Assert.DoesNotMatch("<td[^>]* class=", html);
    }

    [Theory]
    [InlineData(ChangeRequestStatus.Draft, Tone.Neutral)]
    [InlineData(ChangeRequestStatus.WaitingForHead, Tone.Waiting)]
    [InlineData(ChangeRequestStatus.WaitingForDistrict, Tone.Waiting)]
    [InlineData(ChangeRequestStatus.RejectedByHead, Tone.Danger)]
    [InlineData(ChangeRequestStatus.RejectedByDistrict, Tone.Danger)]
    [InlineData(ChangeRequestStatus.Applied, Tone.Success)]
    [InlineData(ChangeRequestStatus.Withdrawn, Tone.Neutral)]
    public void Every_status_has_a_tone(ChangeRequestStatus status, Tone tone) => Assert.Equal(tone, status.Tone());
}
