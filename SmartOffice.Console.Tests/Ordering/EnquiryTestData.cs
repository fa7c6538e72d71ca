using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>The product enquiry and quote services over a test database.</summary>
public static class EnquiryTestData
{
    public static ProductEnquiryService ProductEnquiry(this TestDatabase database, ICurrentStaff? staff = null) =>
        new(database, staff ?? TestStaff.DeskAgent, database.Clock, database.Rules, database.Calendar, database.BusinessClock);

    public static QuoteService Quotes(this TestDatabase database, ICurrentStaff? staff = null, RulesOptions? rules = null) =>
        new(database, staff ?? TestStaff.DeskAgent, database.Clock, rules is null ? database.Rules : Options.Create(rules),
            Options.Create(new DeskContactOptions()), database.Calendar, database.BusinessClock);
}
