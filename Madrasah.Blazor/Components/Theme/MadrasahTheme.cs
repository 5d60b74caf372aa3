using MudBlazor;

namespace Madrasah.Blazor.Components.Theme;

/// <summary>
/// The one theme: light, the ministry's green as primary colour. Colours are chosen for WCAG AA contrast
/// against white text (primary 6.9:1) and on white backgrounds (secondary text 7.2:1).
/// </summary>
public static class MadrasahTheme
{
    public const string Green = "#0f6b46";
    public const string GreenDark = "#0a5034";

    public static readonly MudTheme Instance = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Green,
            PrimaryDarken = GreenDark,
            Secondary = "#8a5a00",
            Tertiary = "#1565c0",
            Info = "#1565c0",
            Success = "#1b7a3d",
            Warning = "#8a5a00",
            Error = "#b3261e",
            AppbarBackground = Green,
            AppbarText = "#ffffff",
            Background = "#f4f6f5",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#2b3a33",
            TextPrimary = "#1f2d27",
            TextSecondary = "#4a5a52",
            ActionDefault = "#4a5a52",
            LinesDefault = "#dde3e0",
            TableLines = "#e3e8e5",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Helvetica Neue", "Arial", "DejaVu Sans", "sans-serif"] },
            // Buttons keep the seeds' labels as written ("Selanjutnya", "Verifikasi Email Sekarang"), not upper case.
            Button = new ButtonTypography { TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "250px" },
    };
}
