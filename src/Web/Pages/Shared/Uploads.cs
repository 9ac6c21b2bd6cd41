using System.Diagnostics.CodeAnalysis;
using InfraLedger.Core.Common;

namespace InfraLedger.Web.Pages.Shared;

/// <summary>What a page's file upload is for; each kind has its size limit in <see cref="Uploads"/>.</summary>
public enum UploadKind
{
    /// <summary>A register ledger (Excel/CSV) for the import job; the reader's own limits (ReadLimits) refuse earlier.</summary>
    RegisterLedger,
    Population,
    Inspections,
    RecentInvestments,
    DeteriorationModel,
    MaintenanceLibrary,
    PlanConsequences,
}

/// <summary>The one upload guard of the pages: a file was chosen and is within the limit of its kind.</summary>
public static class Uploads
{
    private const long MiB = 1024 * 1024;

    /// <summary>1 GiB, also the request limit of the import page: the reader's own limit refuses larger files anyway.</summary>
    public const long RegisterLedgerBytes = 1024 * MiB;

    /// <summary>The size limit of each kind of upload, in bytes.</summary>
    public static long Limit(UploadKind kind) => kind switch
    {
        UploadKind.RegisterLedger => RegisterLedgerBytes,
        UploadKind.Population => 5 * MiB,
        UploadKind.Inspections => 20 * MiB,
        UploadKind.RecentInvestments => 5 * MiB,
        UploadKind.DeteriorationModel => 1 * MiB,
        UploadKind.MaintenanceLibrary => 2 * MiB,
        UploadKind.PlanConsequences => 5 * MiB,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>True, with the refusal on <paramref name="field"/>, when no file was chosen or it is over its kind's limit.</summary>
    public static bool Refuse([NotNullWhen(false)] IFormFile? file, UploadKind kind, string field, [NotNullWhen(true)] out Error? refusal)
    {
        refusal = file is null || file.Length == 0 ? WebErrors.NoFile(field)
            : file.Length > Limit(kind) ? WebErrors.FileTooLarge(field, Limit(kind) / MiB)
            : null;
        return refusal is not null;
    }
}
