using Madrasah.Blazor.Infrastructure.Email;

namespace Madrasah.Blazor.Tests.Infrastructure.Email;

public class HtmlTextTests
{
    [Fact]
    public void Link_keeps_its_url_after_its_text()
    {
        var text = HtmlText.ToText("<p>Silakan <a href=\"https://madrasah.local/verifikasi?kode=AB12&amp;x=1\" style=\"color:red\">Verifikasi <b>Email</b></a>.</p>");

        Assert.Equal("Silakan Verifikasi Email (https://madrasah.local/verifikasi?kode=AB12&x=1).", text);
    }

    [Fact]
    public void Link_whose_text_is_its_url_is_written_once()
    {
        Assert.Equal("Buka https://madrasah.local/", HtmlText.ToText("Buka <a href='https://madrasah.local/'>https://madrasah.local/</a>"));
    }

    [Fact]
    public void Blocks_become_lines_and_head_style_and_entities_are_handled()
    {
        var html = """
            <!DOCTYPE html><html><head><title>Judul</title><style>p { color: red }</style></head>
            <body>
              <h1>Pengumuman</h1>
              <p>Baris   satu<br/>baris &amp; dua</p>
              <ul><li>Butir A</li><li>Butir B</li></ul>
              <table><tr><td>Nama</td><td>Siti</td></tr></table>
            </body></html>
            """;

        Assert.Equal("Pengumuman\n\nBaris satu\nbaris & dua\n\n- Butir A\n\n- Butir B\n\nNama Siti", HtmlText.ToText(html));
    }
}
