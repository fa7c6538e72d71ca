namespace SmartOffice.Domain.Persistence.Migrations.Sql;

/// <summary>
/// Data repair of migration Issue21StaffAdministration: databases filled by the demo generator before demo accounts carried
/// their flag get it now. The generator gave every demo account (and no other) an e-mail address in the reserved
/// <c>smartoffice.example.jp</c> domain; accounts made by <c>create-admin</c> or on /staff have none.
/// </summary>
internal static class Issue21Sql
{
    public const string MarkDemoAccounts =
        "UPDATE \"AspNetUsers\" SET \"IsDemo\" = 1 WHERE \"NormalizedEmail\" LIKE '%@SMARTOFFICE.EXAMPLE.JP';";
}
