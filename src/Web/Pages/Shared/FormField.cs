namespace InfraLedger.Web.Pages.Shared;

/// <summary>One labelled input of a register form; its errors come from ModelState under <c>Input.{Name}</c>.</summary>
public sealed record FormField(string Name, string Label, string? Value)
{
    /// <summary>text, number, date, textarea, select or checkbox.</summary>
    public string Type { get; init; } = "text";

    public bool Required { get; init; }

    public IReadOnlyList<FormOption> Options { get; init; } = [];

    public string? Hint { get; init; }

    public string? InputMode { get; init; }

    /// <summary>The id of a <c>&lt;datalist&gt;</c> of suggestions.</summary>
    public string? Suggestions { get; init; }

    public string Id => "Input_" + Name;

    public string Key => "Input." + Name;
}

public sealed record FormOption(string Value, string Label);
