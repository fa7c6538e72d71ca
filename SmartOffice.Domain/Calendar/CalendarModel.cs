using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartOffice.Domain.Calendar;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> e)
    {
        e.HasIndex(x => new { x.Date, x.Kind }).IsUnique();
        e.Property(x => x.Name).HasMaxLength(60);
    }
}
