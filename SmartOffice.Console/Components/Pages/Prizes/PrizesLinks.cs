namespace SmartOffice.Console.Components.Pages.Prizes;

/// <summary>The prize pages' addresses.</summary>
public static class PrizesLinks
{
    public static string Application(int id) => $"prizes/applications/{id}";
}
