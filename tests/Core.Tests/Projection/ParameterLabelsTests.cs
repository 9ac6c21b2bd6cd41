using System.Text.RegularExpressions;
using InfraLedger.Core.Projection;

namespace InfraLedger.Core.Tests.Projection;

/// <summary>
/// The 未検証 notes are written for users (issue 21 item 7): every parameter a preset flags has a Japanese label, and no
/// note or source names the project's docs (a file name, a section mark) or a JSON name.
/// </summary>
[Trait("Database", "any")] // no database
public partial class ParameterLabelsTests
{
    [Fact]
    public void every_flagged_parameter_has_a_japanese_label()
    {
        foreach (var note in Presets.All.SelectMany(p => p.Parameters.Unverified))
        {
            ParameterLabels.Has(note.Parameter).ShouldBeTrue($"no label for {note.Parameter}");
            ParameterLabels.Of(note.Parameter).ShouldNotContain(note.Parameter);
        }
    }

    [Fact]
    public void notes_and_sources_do_not_name_the_projects_docs()
    {
        foreach (var preset in Presets.All)
        {
            foreach (var text in preset.Parameters.Unverified.Select(n => n.Note).Append(preset.Source))
            {
                text.ShouldNotContain("§");
                text.ShouldNotContain(".md");
                AsciiName().IsMatch(text).ShouldBeFalse(text);
            }
        }
    }

    [Fact]
    public void the_unverified_table_shows_labels_not_json_names()
    {
        var notes = Presets.All[0].Parameters.Unverified;
        var rows = notes.Select(n => ParameterLabels.Of(n.Parameter)).ToList();
        rows.ShouldContain("複数年に分ける費用を計上する年");
        rows.ShouldNotContain("spreadAlignment");
    }

    /// <summary>A camelCase JSON name such as spreadAlignment or cycles.backlogYears.</summary>
    [GeneratedRegex("[a-z]+[A-Z][A-Za-z]*")]
    private static partial Regex AsciiName();
}
