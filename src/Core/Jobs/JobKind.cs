namespace InfraLedger.Core.Jobs;

/// <summary>
/// A kind of background job and its bounds: a job bigger than <see cref="MaxSize"/> is refused before it is queued, and
/// one that runs longer than <see cref="TimeLimit"/> is cancelled, with a Japanese message saying which limit and how to
/// go on. Hosts read overrides from their settings (<c>Jobs:{Name}:TimeLimitSeconds</c>, <c>Jobs:{Name}:MaxSize</c>).
/// </summary>
/// <param name="Name">The settings' name: <c>Import</c>, <c>Projection</c>.</param>
/// <param name="Label">What the job does, in Japanese.</param>
/// <param name="TimeLimit">The longest a job may run.</param>
/// <param name="MaxSize">The largest job, in <paramref name="Unit"/>.</param>
/// <param name="Unit"><c>bytes</c> (an uploaded file) or a count of rows.</param>
public sealed record JobKind(string Name, string Label, TimeSpan TimeLimit, long MaxSize, string Unit)
{
    /// <summary>
    /// A register import or its dry run: the upload's bytes. 20 minutes is ten times what a 1,000,000-row import takes on
    /// PostgreSQL (bench/ImportBench); 256 MB holds a million-row CSV.
    /// </summary>
    public static JobKind Import { get; } = new("Import", "台帳の取込", TimeSpan.FromMinutes(20), 256L << 20, "bytes");

    /// <summary>A renewal projection of a large register: its facilities.</summary>
    public static JobKind Projection { get; } = new("Projection", "更新費用の推計", TimeSpan.FromMinutes(10), 5_000_000, "施設");

    /// <summary>A works plan (個別施設計画) of a large register: its facilities. The exact solver stops at its own time limit.</summary>
    public static JobKind Plan { get; } = new("Plan", "個別施設計画の計算", TimeSpan.FromMinutes(15), 5_000_000, "施設");

    /// <summary>The kind with its time and size limit from settings, when given.</summary>
    public JobKind With(int? timeLimitSeconds, long? maxSize) =>
        this with { TimeLimit = timeLimitSeconds is > 0 and { } s ? TimeSpan.FromSeconds(s) : TimeLimit, MaxSize = maxSize is > 0 and { } m ? m : MaxSize };

    /// <summary>A size as people read it: bytes below 1 MB, MB (one decimal) above; a count for other units.</summary>
    public string Describe(long size) => Unit != "bytes" ? $"{N(size)} {Unit}"
        : size < 1 << 20 ? $"{N(size)} バイト"
        : (size / 1048576.0).ToString("N1", System.Globalization.CultureInfo.InvariantCulture) + " MB";

    private static string N(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
