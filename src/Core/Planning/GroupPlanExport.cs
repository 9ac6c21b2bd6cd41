using InfraLedger.Core.Common;
using InfraLedger.Core.Register;

namespace InfraLedger.Core.Planning;

/// <summary>
/// The tables of a group plan as one caller may export them (CSV/XLSX through the hosts' table download): built from a
/// <see cref="GroupPlanView"/>, so a member's file holds its own works and its part of each package, never more.
/// </summary>
public static class GroupPlanExport
{
    public static IReadOnlyList<Table> Tables(GroupPlanView view) => [Works(view), PackageTable(view)];

    /// <summary>対策工事リスト of the group plan: one row per work, with the package it is ordered in.</summary>
    public static Table Works(GroupPlanView view)
    {
        var package = view.Packages.SelectMany(p => p.Works.Select(w => (w, p.Id))).ToDictionary(x => x.w, x => x.Id);
        return new Table("group-plan-works", $"{view.GroupName} 対策工事リスト{(view.Whole ? "" : $"（{view.Viewer} 分）")}",
            ["団体コード", "施設コード", "資産種別", "実施予定年度", "対策内容", "概算費用（円）", "効果（円）", "財源", "区域", "発注単位"],
            [.. view.Works.Select(w => (IReadOnlyList<TableCell>)
            [
                new(w.Member), new(w.Candidate.Facility), new(FacilityRegister.KindLabel(w.Kind)), new(null, w.Candidate.Year, 0),
                new(w.Candidate.Treatment), new(null, w.Candidate.Cost, 0), new(null, w.Candidate.Benefit, 0), new(w.Candidate.Source),
                new(w.Area), new(package.GetValueOrDefault(w)),
            ])]);
    }

    /// <summary>The packages (包括的民間委託 / 共同発注): one row per package with the caller's count and cost (all of it for the whole view).</summary>
    public static Table PackageTable(GroupPlanView view) =>
        new("group-plan-packages", $"{view.GroupName} 発注単位{(view.Whole ? "" : $"（{view.Viewer} 分）")}",
            ["発注単位", "年度", "資産種別", "区域", "件数", "概算費用（円）", "参加団体数", "団体"],
            [.. view.Packages.Select(p => (IReadOnlyList<TableCell>)
            [
                new(p.Id), new(null, p.Year, 0), new(FacilityRegister.KindLabel(p.Kind)), new(p.Area), new(null, p.Count, 0),
                new(null, p.Cost, 0), new(null, p.MembersInvolved, 0), new(string.Join("・", p.Shares.Select(s => s.Member))),
            ])]);
}
