using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Features.Approvals;

/// <summary>The rules of InstitutionFields as the service applies them: a broken rule saves nothing and names the field.</summary>
public class ChangeRequestValidationTests
{
    [Fact]
    public void Every_field_is_as_long_as_its_column_and_an_email_may_have_254_characters()
    {
        using var db = new MadrasahDbContext(new DbContextOptionsBuilder<MadrasahDbContext>().UseSqlite("Data Source=:memory:").Options);
        var columns = db.Model.FindEntityType(typeof(Institution))!;
        foreach (var field in InstitutionFields.All)
            Assert.True(field.Rule.MaxLength == columns.FindProperty(field.Key)!.GetMaxLength() || field.Rule.Kind == FieldKind.Number,
                $"{field.Key}: rule {field.Rule.MaxLength}, column {columns.FindProperty(field.Key)!.GetMaxLength()}");

        var email = InstitutionFields.Find(nameof(Institution.Email))!;
        var longest = new string('a', 64) + "@" + string.Join('.', new string('b', 63), new string('c', 63), new string('d', 58), "id");
        Assert.Null(email.Check(longest));
        Assert.Equal("Email paling banyak 254 karakter.", email.Check("a" + longest));
    }

    [Theory]
    [InlineData(nameof(Institution.Name), "  ", "Nama Lembaga wajib diisi.")]
    [InlineData(nameof(Institution.Address), "", "Alamat wajib diisi.")]
    [InlineData(nameof(Institution.Accreditation), "Unggul", "Akreditasi harus salah satu dari: A, B, C, Belum Terakreditasi.")]
    [InlineData(nameof(Institution.PostalCode), "5558", "Kode Pos harus 5 angka.")]
    [InlineData(nameof(Institution.PostalCode), "5558a", "Kode Pos harus 5 angka.")]
    [InlineData(nameof(Institution.Phone), "telp. 0274", "Telepon hanya boleh berisi angka, spasi, tanda hubung dan awalan +.")]
    [InlineData(nameof(Institution.Email), "tu.min1sleman", "Email tidak valid, mis. tu@min1sleman.sch.id.")]
    [InlineData(nameof(Institution.Website), "min1sleman.sch.id", "Situs Web harus berupa alamat lengkap, mis. https://min1sleman.sch.id.")]
    [InlineData(nameof(Institution.Website), "ftp://min1sleman.sch.id", "Situs Web harus berupa alamat lengkap, mis. https://min1sleman.sch.id.")]
    [InlineData(nameof(Institution.StudentCount), "empat ratus", "Jumlah Siswa/Santri harus berupa angka.")]
    [InlineData(nameof(Institution.StudentCount), "-5", "Jumlah Siswa/Santri harus berupa angka.")]
    [InlineData(nameof(Institution.StudentCount), "100001", "Jumlah Siswa/Santri harus antara 0 dan 100.000.")]
    [InlineData(nameof(Institution.TeacherCount), "", "Jumlah Guru wajib diisi.")]
    [InlineData(nameof(Institution.TeacherCount), "10001", "Jumlah Guru harus antara 0 dan 10.000.")]
    [InlineData(nameof(Institution.HeadNik), "34040712117500", "NIK Kepala Madrasah harus terdiri atas 16 digit angka.")]
    [InlineData(nameof(Institution.HeadNik), "3404071213750001", "NIK Kepala Madrasah tidak valid: tanggal lahir di dalamnya (digit 7–12) bukan tanggal yang benar.")]
    // Issue 9, item 7: only ASCII digits, something visible, no direction overrides; item 1: each field's length.
    [InlineData(nameof(Institution.PostalCode), "\u0665\u0665\u0665\u0666\u0664", "Kode Pos harus 5 angka.")] // Arabic-Indic
    [InlineData(nameof(Institution.PostalCode), "\u096B\u096B\u096B\u096C\u096A", "Kode Pos harus 5 angka.")] // Devanagari
    [InlineData(nameof(Institution.Name), "\u200B\u200C\u200D", "Nama Lembaga harus memuat huruf atau angka yang terlihat, bukan hanya spasi atau karakter yang tidak terlihat.")]
    [InlineData(nameof(Institution.HeadName), "\u2800", "Nama Kepala Lembaga harus memuat huruf atau angka yang terlihat, bukan hanya spasi atau karakter yang tidak terlihat.")]
    [InlineData(nameof(Institution.HeadName), "Ahmad\u202EizuaF", "Nama Kepala Lembaga tidak boleh memuat karakter pengatur arah teks yang tidak terlihat (mis. U+202E).")]
    [InlineData(nameof(Institution.Address), "Jl. Kaliurang\u2067 Km 10", "Alamat tidak boleh memuat karakter pengatur arah teks yang tidak terlihat (mis. U+202E).")]
    [InlineData(nameof(Institution.Facilities), "Perpustakaan\u200F", "Sarana Prasarana tidak boleh memuat karakter pengatur arah teks yang tidak terlihat (mis. U+202E).")]
    public async Task A_broken_rule_is_refused_by_field_and_nothing_is_saved(string key, string value, string message)
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var values = InstitutionFields.ValuesOf(kit.Min1);
        values[nameof(Institution.Phone)] = "0274-123456"; // a valid change beside the broken one
        values[key] = value;

        var result = await kit.Service.SaveAsync(kit.Operator, null, values, null, submit: true);

        Assert.False(result.Succeeded);
        Assert.Equal(new Dictionary<string, string> { [key] = message }, result.FieldErrors);
        Assert.Contains(message, result.Error);
        await using var db = kit.Database.CreateContext();
        Assert.Empty(await db.Set<ChangeRequest>().ToListAsync());
        Assert.Empty(await kit.OutboxAsync());
        Assert.Empty(await kit.AuditAsync());
    }

    [Fact]
    public async Task An_invalid_revision_leaves_the_draft_as_it_was()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var draft = await kit.Service.SaveAsync(kit.Operator, null, new Dictionary<string, string?> { ["Phone"] = "0274-111" }, null, submit: false);
        var before = (await kit.Service.GetAsync(kit.Operator, draft.RequestId!.Value))!;

        var result = await kit.Service.SaveAsync(kit.Operator, draft.RequestId, new Dictionary<string, string?> { ["Phone"] = "0274-222", ["Name"] = "" },
            new string('x', 1001), submit: true, before.Revision);

        Assert.Equal(["Name", "Note"], result.FieldErrors!.Keys);
        Assert.Equal("Catatan untuk Kepala Madrasah paling banyak 1000 karakter.", result.FieldErrors["Note"]);
        var after = (await kit.Service.GetAsync(kit.Operator, draft.RequestId.Value))!;
        Assert.Equal((ChangeRequestStatus.Draft, before.Revision, "0274-111"), (after.Status, after.Revision, Assert.Single(after.Fields).NewValue));
    }

    [Fact]
    public async Task Numbers_are_compared_as_numbers()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var values = InstitutionFields.ValuesOf(kit.Min1);
        values[nameof(Institution.StudentCount)] = $" 0{kit.Min1.StudentCount} ";

        var result = await kit.Service.SaveAsync(kit.Operator, null, values, null, submit: false);

        Assert.Contains("Tidak ada data yang berubah", result.Error);
    }

    [Fact]
    public async Task The_head_NIK_is_in_the_form_and_reaches_the_institution_through_both_approvals()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var form = (await kit.Service.GetFormAsync(kit.Operator))!;
        Assert.Equal("3404071211750001", form.Values[nameof(Institution.HeadNik)]);

        var request = await kit.SubmitAsync((nameof(Institution.HeadNik), "3404071211750009"));
        Assert.Equal(("NIK Kepala Madrasah", "3404071211750001", "3404071211750009"),
            (request.Fields[0].Label, request.Fields[0].OldValue, request.Fields[0].NewValue));
        await kit.HeadDecideAsync(request.Id);
        Assert.True((await kit.DistrictDecideAsync(request.Id, approve: true)).Succeeded);

        Assert.Equal("3404071211750009", (await kit.ReloadInstitutionAsync()).HeadNik);
    }

    [Fact]
    public async Task Accreditation_is_one_of_the_grades_and_a_value_from_before_the_choice_may_stay()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        Assert.Contains(kit.Min1.Accreditation, InstitutionFields.AccreditationGrades); // the demo data's "A"
        await using (var db = kit.Database.CreateContext())
            await db.Institutions.Where(i => i.Id == kit.Min1.Id).ExecuteUpdateAsync(i => i.SetProperty(x => x.Accreditation, "Unggul"));

        // The whole form, with the old free-text grade untouched, saves a change of another field.
        var form = (await kit.Service.GetFormAsync(kit.Operator))!;
        Assert.Equal("Unggul", form.Current[nameof(Institution.Accreditation)]);
        form.Values[nameof(Institution.Phone)] = "0274-123456";
        var kept = await kit.Service.SaveAsync(kit.Operator, null, form.Values, null, submit: false);
        Assert.True(kept.Succeeded, kept.Error);
        Assert.Equal("Telepon", Assert.Single((await kit.Service.GetAsync(kit.Operator, kept.RequestId!.Value))!.Fields).Label);

        // Another value that is not a grade is refused; a grade goes through both approvals.
        form.Values[nameof(Institution.Accreditation)] = "Baik Sekali";
        Assert.Equal("Akreditasi harus salah satu dari: A, B, C, Belum Terakreditasi.",
            (await kit.Service.SaveAsync(kit.Operator, null, form.Values, null, submit: true)).FieldErrors![nameof(Institution.Accreditation)]);
        var request = await kit.SubmitAsync((nameof(Institution.Accreditation), "Belum Terakreditasi"));
        await kit.HeadDecideAsync(request.Id);
        Assert.True((await kit.DistrictDecideAsync(request.Id, approve: true)).Succeeded);
        Assert.Equal("Belum Terakreditasi", (await kit.ReloadInstitutionAsync()).Accreditation);
    }
}
