namespace SmartOffice.Console.Hosting;

/// <summary>Finds the folder whose appsettings.json the console runs from.</summary>
internal static class SettingsHome
{
    private const string SettingsFile = "appsettings.json";

    /// <summary>
    /// The working directory or the nearest parent holding appsettings.json (a run from the
    /// repository or from SmartOffice.Console/), else the app's own folder (published).
    /// </summary>
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SettingsFile)))
                return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}
