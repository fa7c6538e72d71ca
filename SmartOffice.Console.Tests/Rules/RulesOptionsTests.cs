using System.Text;
using Microsoft.Extensions.Configuration;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Rules;

/// <summary>The rules' settings bind from the "Rules" section of appsettings.json.</summary>
public class RulesOptionsTests
{
    [Fact]
    public void Settings_bind_from_appsettings_json()
    {
        const string json = """
            {
              "Rules": {
                "BusinessTimeZone": "Asia/Tokyo",
                "FurnitureCutoff": "12:30",
                "DefaultHonshuWebCutoff": "18:00",
                "FreeShippingThreshold": 3000,
                "TaxRounding": "Round",
                "ClosureDays": "12-30..01-03, 08-13..08-15"
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var options = configuration.GetSection(RulesOptions.SectionName).Get<RulesOptions>()!;

        Assert.Equal(new TimeOnly(12, 30), options.FurnitureCutoff);
        Assert.Equal(new TimeOnly(18, 0), options.DefaultHonshuWebCutoff);
        Assert.Equal(new TimeOnly(17, 0), options.DefaultHonshuFaxCutoff);
        Assert.Equal(3000, options.FreeShippingThreshold);
        Assert.Equal(TaxRounding.Round, options.TaxRounding);
        // replaced, not appended to the default 12-29..01-03
        Assert.False(new StaticBusinessCalendar(options).IsClosureDay(new DateOnly(2026, 12, 29)));
        Assert.True(new StaticBusinessCalendar(options).IsClosureDay(new DateOnly(2026, 8, 14)));
    }
}
