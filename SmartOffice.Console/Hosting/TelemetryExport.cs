using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Console.Hosting;

/// <summary>
/// Exports the console's meters to an OpenTelemetry collector when <c>Telemetry:OtlpEndpoint</c> is set (off by default: no
/// exporter, no listener, nothing measured that nobody reads). The console's own meter, Blazor's circuit, event and render
/// meters, ASP.NET Core's and the runtime's. See docs/performance.md.
/// </summary>
internal static class TelemetryExport
{
    public const string EndpointSetting = "Telemetry:OtlpEndpoint";

    /// <summary>The meters exported, and the ones docs/performance.md's dotnet-counters command watches.</summary>
    public static readonly string[] Meters =
    [
        ConsoleMetrics.MeterName,
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Lifecycle",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Runtime",
    ];

    /// <summary>
    /// Read from the builder's configuration (appsettings.json, environment): the exporter is part of the host, so it is
    /// decided before the host is built — unlike the other settings, a test host's late in-memory settings cannot switch it on.
    /// </summary>
    public static void AddSmartOfficeTelemetry(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[EndpointSetting] is not { Length: > 0 } endpoint)
            return;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var address))
            throw new StartupConfigurationException($"{EndpointSetting} '{endpoint}' is not an absolute URI (e.g. http://collector:4317).");
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceRegistration.DataProtectionApplicationName))
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = address;
                    // 4318 is the collector's HTTP port by convention, 4317 its gRPC one.
                    o.Protocol = address.Port == 4318 ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                }));
    }
}
