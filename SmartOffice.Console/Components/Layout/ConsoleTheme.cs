using MudBlazor;

namespace SmartOffice.Console.Components.Layout;

/// <summary>A calm, dense theme with the system's Japanese fonts (no web fonts: the console runs offline).</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#00796b",
            AppbarBackground = "#1f4e8c",
            Background = "#f5f7fa",
            // Darker than MudBlazor's defaults so white text on chips and coloured text on alerts reach WCAG AA contrast.
            Success = "#2e7d32",
            Info = "#1565c0",
            Warning = "#a15c00",
            Error = "#c62828",
            TextSecondary = "#4a5057",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Meiryo", "Yu Gothic", "system-ui", "sans-serif"],
                FontSize = "0.875rem",
            },
            // Buttons and tabs read as keyed: MudBlazor upper-cases them (EXPORT, SIGN OUT, a file name on a download button).
            Button = new ButtonTypography { TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
