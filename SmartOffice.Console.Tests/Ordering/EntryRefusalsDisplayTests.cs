using Bunit;
using SmartOffice.Console.Components.Shared;
using SmartOffice.Console.Tests.Support;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// Why order entry did not save (docs/desk-walkthrough.md): the list at the top names each refusal once, in the form's order,
/// with its count in the UI's language; the field's own message sits under it, and nothing shows where there is none.
/// </summary>
public sealed class EntryRefusalsDisplayTests : ComponentTest
{
    [Fact]
    public void Each_refusal_is_listed_once_in_the_forms_order_and_blanks_are_left_out()
    {
        // The department's problem is both the field's and the quote's; the save's refusal repeats the first line's.
        string?[] messages = ["部署を選んでください。", null, "1行目: 数量を入力してください。",
            "部署を選んでください。", " ", "1行目: 数量を入力してください。"];
        var refusals = Context.Render<EntryRefusals>(p => p.Add(x => x.Messages, messages));

        var alert = refusals.Find("[data-testid=save-error]");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Equal("登録できません。次を直してください(2件)", alert.QuerySelector("strong")!.TextContent);
        Assert.Equal(["部署を選んでください。", "1行目: 数量を入力してください。"],
            alert.QuerySelectorAll("li").Select(l => l.TextContent));
    }

    [Fact]
    public void The_title_counts_in_English_too()
    {
        using var _ = new CultureScope("en-US");
        var refusals = Context.Render<EntryRefusals>(p => p.Add(x => x.Messages, ["Choose the department.", "Choose the department."]));

        Assert.Equal("Not saved. Please fix the following (1)", refusals.Find("[data-testid=save-error] strong").TextContent);
    }

    [Fact]
    public void Nothing_shows_without_a_refusal()
    {
        Assert.Empty(Context.Render<EntryRefusals>(p => p.Add(x => x.Messages, [null, "", "  "])).FindAll("[data-testid=save-error]"));
        Assert.Empty(Context.Render<FieldError>(p => p.Add(x => x.Message, "").Add(x => x.TestId,
            "requested-error")).FindAll("[data-testid=requested-error]"));
    }

    [Fact]
    public void A_fields_message_sits_under_it_under_its_own_test_id()
    {
        var error = Context.Render<FieldError>(p => p.Add(x => x.Message,
            "お届け指定日は 月/日 や 年/月/日 の形で入力するか、空欄にしてください。")
            .Add(x => x.TestId, "requested-error")).Find("[data-testid=requested-error]");

        Assert.Equal("お届け指定日は 月/日 や 年/月/日 の形で入力するか、空欄にしてください。",
            error.TextContent);
        Assert.Contains("field-error", error.ClassList);
    }
}
