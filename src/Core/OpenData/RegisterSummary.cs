namespace InfraLedger.Core.OpenData;

/// <summary>What the catalogue needs to know of a publishing tenant's register, without its rows.</summary>
public sealed record RegisterSummary(DateTime NewestChangeUtc, int SampleFacilities, int SampleAssets);
