namespace SmartOffice.Domain.Persistence;

/// <summary>
/// A record two staff may edit at once. SQLite has no rowversion, so the application bumps
/// <see cref="Version"/> on every save and EF Core checks it as a concurrency token:
/// the second writer gets a <c>DbUpdateConcurrencyException</c> instead of silently overwriting.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
