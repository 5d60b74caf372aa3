using System.ComponentModel.DataAnnotations;
using Madrasah.Blazor.Infrastructure.Validation;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Validation;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("3404071211870001")] // man born 12-11-1987
    [InlineData("3404074503900002")] // woman born 05-03-1990 (day + 40)
    [InlineData("3171012902000003")] // 29 February 2000
    [InlineData("1101017101990004")] // woman born 31-01-1999
    public void Valid_NIK(string nik) => Assert.Null(Identifiers.CheckNik(nik));

    [Theory]
    [InlineData("", "NIK wajib diisi.")]
    [InlineData("340407121187000", "16 digit")]
    [InlineData("34040712118700011", "16 digit")]
    [InlineData("34040712118700A1", "16 digit")]
    [InlineData("0904071211870001", "kode provinsi")]
    [InlineData("4004071211870001", "kode provinsi")] // 40 is no province
    [InlineData("3400071211870001", "kabupaten/kecamatan")]
    [InlineData("3404073211870001", "tanggal lahir")] // day 32
    [InlineData("3404077211870001", "tanggal lahir")] // woman, day 32
    [InlineData("3404071213870001", "tanggal lahir")] // month 13
    [InlineData("3404073002900001", "tanggal lahir")] // 30 February
    [InlineData("3404071211870000", "nomor urut")]
    public void Invalid_NIK_names_the_field_and_the_reason(string nik, string expected)
    {
        var message = Identifiers.CheckNik(nik);
        Assert.NotNull(message);
        Assert.StartsWith("NIK", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void NIK_reveals_birth_date_and_sex()
    {
        var read = Identifiers.ReadNik("3404074503900002", new DateOnly(2026, 11, 22));
        Assert.Equal((new DateOnly(1990, 3, 5), true), read);
        Assert.Equal((new DateOnly(2005, 1, 2), false), Identifiers.ReadNik("3404070201050001", new DateOnly(2026, 11, 22)));
    }

    [Theory]
    [InlineData("198711122010031007")]
    [InlineData("199003052015032001")]
    public void Valid_NIP(string nip) => Assert.Null(Identifiers.CheckNip(nip, Today));

    [Theory]
    [InlineData("19871112201003100", "18 digit")]
    [InlineData("198713122010031007", "tanggal lahir")]  // month 13
    [InlineData("198711122010131007", "bulan pengangkatan")] // appointment month 13
    [InlineData("198711122010001007", "bulan pengangkatan")] // appointment month 00
    [InlineData("198711121995031007", "tahun pengangkatan")] // appointed at 7
    [InlineData("198711122010033007", "jenis kelamin")]
    [InlineData("198711122010031000", "nomor urut")]
    public void Invalid_NIP_names_the_field_and_the_reason(string nip, string expected)
    {
        var message = Identifiers.CheckNip(nip, Today);
        Assert.NotNull(message);
        Assert.StartsWith("NIP", message);
        Assert.Contains(expected, message);
    }

    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void The_NIP_appointment_year_is_bounded_by_the_given_today_not_the_machine_clock()
    {
        const string appointedIn2027 = "199003052027032001";
        Assert.Null(Identifiers.CheckNip(appointedIn2027, new DateOnly(2026, 11, 22)));
        Assert.Contains("tahun pengangkatan", Identifiers.CheckNip(appointedIn2027, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void The_NIP_attribute_takes_today_from_the_apps_clock()
    {
        var model = new NipModel { Nip = "199003052027032001" };
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new ManualClock(new DateTimeOffset(2025, 1, 1, 3, 0, 0, TimeSpan.Zero)))
            .BuildServiceProvider();
        var results = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(model,
            new ValidationContext(model, services, null), results, validateAllProperties: true);
        Assert.False(valid);
        Assert.StartsWith("NIP Pegawai", Assert.Single(results).ErrorMessage);
    }

    private sealed class NipModel
    {
        [Nip, Display(Name = "NIP Pegawai")]
        public string? Nip { get; set; }
    }

    [Theory]
    [InlineData("60713201", null)]
    [InlineData("6071320", "8 digit")]
    [InlineData("6071320A", "8 digit")]
    [InlineData("00000000", "tidak valid")]
    public void NPSN_has_8_digits(string npsn, string? expected)
    {
        var message = Identifiers.CheckNpsn(npsn);
        if (expected is null) Assert.Null(message);
        else Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData("kepala@min1sleman.sch.id", true)]
    [InlineData(" a.b+tag@contoh.go.id ", true)] // surrounding spaces are trimmed
    [InlineData("nama@contoh", false)]          // no dot in the host
    [InlineData("nama@.contoh.id", false)]
    [InlineData("nama@contoh.id.", false)]
    [InlineData("bukan-email", false)]
    [InlineData("@contoh.id", false)]
    [InlineData("Ibu Siti <siti@contoh.id>", false)] // one bare address, no display name
    [InlineData("siti@contoh.id, budi@contoh.id", false)]
    [InlineData("siti budi@contoh.id", false)]
    [InlineData("siti@[10.0.0.1]", false)]
    public void Email_is_one_bare_address_with_a_dotted_host(string email, bool valid)
    {
        var message = Identifiers.CheckEmail(email);
        if (valid) Assert.Null(message);
        else Assert.Equal("Format Email tidak valid. Contoh: nama@contoh.sch.id", message);
    }

    [Fact]
    public void Attributes_use_the_display_name_in_their_message()
    {
        var model = new Form { HeadNik = "123" };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true));
        var result = Assert.Single(results);
        Assert.Equal("NIK Kepala Madrasah harus terdiri atas 16 digit angka.", result.ErrorMessage);
        Assert.Equal([nameof(Form.HeadNik)], result.MemberNames);
    }

    private sealed class Form
    {
        [Display(Name = "NIK Kepala Madrasah"), Nik] public string HeadNik { get; set; } = "";
        [Display(Name = "NPSN"), Npsn] public string? Npsn { get; set; }
    }
}
