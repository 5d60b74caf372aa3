using System.Globalization;

namespace Madrasah.Blazor.Infrastructure.Time;

/// <summary>Western Indonesian Time (Asia/Jakarta, UTC+7, no daylight saving): how every time is shown.</summary>
public static class Wib
{
    public static readonly TimeZoneInfo Zone = FindZone();
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("id-ID");

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime wib) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(wib, DateTimeKind.Unspecified), Zone);

    /// <summary>"22 November 2026 14.05 WIB".</summary>
    public static string Format(DateTime utc) => FromUtc(utc).ToString("d MMMM yyyy HH.mm", Culture) + " WIB";

    /// <summary>"22 Nov 2026 14.05".</summary>
    public static string FormatShort(DateTime utc) => FromUtc(utc).ToString("d MMM yyyy HH.mm", Culture);

    public static string FormatDate(DateTime utc) => FromUtc(utc).ToString("d MMMM yyyy", Culture);
    public static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB"); }
    }
}
