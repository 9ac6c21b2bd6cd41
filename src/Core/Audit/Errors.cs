using InfraLedger.Core.Common;

namespace InfraLedger.Core.Audit;

/// <summary>Expected refusals of the audit trail's commands.</summary>
public static class Errors
{
    public static Error ExpectedHead(string value) =>
        new("audit.expected_head", $"--expect「{(value.Length <= 80 ? value : value[..80] + "…")}」は、audit head が出力する「連番:ハッシュ」（ハッシュは16進64文字）ではありません。", "expect");
}
