using InfraLedger.Core.Register;

namespace InfraLedger.Web.Pages.Register;

/// <summary>A table of assets: on a facility's page, and (with sortable headers) on the asset list.</summary>
public sealed record AssetTable(string Caption, string Tenant, IReadOnlyList<FixedAsset> Rows, bool ShowFacility = true, ListSort? Sort = null);
