using InfraLedger.Core.Common;

namespace InfraLedger.Core.Depreciation;

/// <summary>Expected refusals of the depreciation feature (tenant settings that cannot be read).</summary>
public static class Errors
{
    public static Error UnknownFirstYear(string key, string value, string allowed) =>
        new("depreciation.first_year", $"設定「{key}」の値「{value}」を判別できません（{allowed} のいずれか）。", key);

    public static Error UnknownRounding(string key, string value, string allowed) =>
        new("depreciation.rounding", $"設定「{key}」の値「{value}」を判別できません（{allowed} のいずれか）。", key);
}
