using InfraLedger.Core.Common;

namespace InfraLedger.Core.Register;

/// <summary>Expected refusals of the register feature (facilities, fixed assets, import, export).</summary>
public static class Errors
{
    // --- reading files (Import/) ------------------------------------------------------------------------
    public static Error FileEmpty(string file) => new("register.file_empty", $"ファイル「{file}」は空です。", "file");
}
