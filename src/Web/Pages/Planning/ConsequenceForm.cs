using System.Globalization;
using InfraLedger.Core.Common;
using InfraLedger.Core.Planning;
using InfraLedger.Web.Pages.Shared;

namespace InfraLedger.Web.Pages.Planning;

/// <summary>One attribute row of the settings form as typed.</summary>
public sealed class FactorRow
{
    public string? Key { get; set; }

    public string? Label { get; set; }

    public string? Weight { get; set; }

    public string? Threshold { get; set; }

    public string? Unit { get; set; }
}

/// <summary>
/// The consequence settings form: the years n of the probability and each attribute's weight (and threshold), plus one
/// empty row to add an attribute. Core checks the values (<see cref="Consequences.SaveAsync"/>); this only reads numbers.
/// </summary>
public sealed class ConsequenceForm
{
    public string? Years { get; set; }

    public int Version { get; set; }

    public List<FactorRow> Factors { get; set; } = [];

    public static ConsequenceForm Of(ConsequenceSettings s) => new()
    {
        Years = s.Years.ToString(CultureInfo.InvariantCulture),
        Version = s.Version,
        Factors =
        [
            .. s.Factors.Select(f => new FactorRow
            {
                Key = f.Key, Label = f.Label, Weight = f.Weight.ToString(CultureInfo.InvariantCulture),
                Threshold = f.Threshold?.ToString(CultureInfo.InvariantCulture), Unit = f.Unit,
            }),
            new FactorRow(),
        ],
    };

    /// <summary>The years and attributes (an empty row skipped), or the located errors of the numbers.</summary>
    public (int Years, List<ConsequenceFactor> Factors) Read(out List<Error> errors)
    {
        var values = new FormValues();
        var years = values.WholeNumber(Years, nameof(Years), "確率を見る年数") ?? 0;
        var factors = new List<ConsequenceFactor>();
        for (var i = 0; i < Factors.Count; i++)
        {
            var row = Factors[i];
            if (FormValues.Text(row.Key) is null && FormValues.Text(row.Label) is null && FormValues.Text(row.Weight) is null)
            {
                continue;
            }

            var label = FormValues.Text(row.Label) ?? "";
            var weight = values.Number(row.Weight, $"Factors[{i}].Weight", $"「{label}」の重み");
            var threshold = values.Number(row.Threshold, $"Factors[{i}].Threshold", $"「{label}」のしきい値");
            factors.Add(new ConsequenceFactor(FormValues.Text(row.Key) ?? "", label, weight ?? 0, threshold, FormValues.Text(row.Unit)));
        }

        errors = values.Errors;
        return (years, factors);
    }

    /// <summary>The form field a Core refusal is about.</summary>
    public static string FieldOf(Error error) => error.Field switch
    {
        "years" => nameof(Years),
        "version" => nameof(Version),
        _ => "",
    };
}
