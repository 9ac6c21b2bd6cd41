using InfraLedger.Core.Inspections;

namespace InfraLedger.Web.Pages.Inspections;

/// <summary>The fields of the inspection form as posted (all text: the Core checks give the Japanese messages).</summary>
public sealed class InspectionForm
{
    public string? FacilityCode { get; set; }

    public string? Member { get; set; }

    public string? InspectedOn { get; set; }

    public string? Inspector { get; set; }

    public string? Grade { get; set; }

    public string? Countermeasure { get; set; }

    public string? Findings { get; set; }

    public string? Photos { get; set; }

    public static InspectionForm From(Inspection i, GradeScheme scheme) => new()
    {
        FacilityCode = i.FacilityCode, Member = i.Member, InspectedOn = i.InspectedOn.ToString("yyyy-MM-dd"), Inspector = i.Inspector,
        Grade = scheme.Label(i.Grade), Countermeasure = i.Countermeasure, Findings = i.Findings, Photos = i.Photos,
    };

    public InspectionRecords.Input ToInput() =>
        new(FacilityCode ?? "", Member, InspectedOn ?? "", Inspector, Grade ?? "", Countermeasure, Findings, Photos);
}

/// <summary>The fields of the work form as posted.</summary>
public sealed class WorkForm
{
    public string? FacilityCode { get; set; }

    public string? Member { get; set; }

    public string? CompletedOn { get; set; }

    public string? Description { get; set; }

    public string? GradeAfter { get; set; }

    public string? Cost { get; set; }

    public static WorkForm From(MaintenanceWork w, GradeScheme scheme) => new()
    {
        FacilityCode = w.FacilityCode, Member = w.Member, CompletedOn = w.CompletedOn.ToString("yyyy-MM-dd"), Description = w.Description,
        GradeAfter = w.GradeAfter is { } g ? scheme.Label(g) : null, Cost = w.Cost?.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
    };

    public InspectionRecords.WorkInput ToInput() => new(FacilityCode ?? "", Member, CompletedOn ?? "", Description ?? "", GradeAfter, Cost);
}
