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
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Meiryo", "Yu Gothic", "system-ui", "sans-serif"],
                FontSize = "0.875rem",
            },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
