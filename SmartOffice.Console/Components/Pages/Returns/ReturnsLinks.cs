namespace SmartOffice.Console.Components.Pages.Returns;

/// <summary>The return pages' addresses.</summary>
public static class ReturnsLinks
{
    public const string List = "returns";
    public const string New = "returns/new";

    public static string Slip(int id) => $"returns/{id}";

    public static string Notice(int id) => $"returns/{id}/notice";
}
