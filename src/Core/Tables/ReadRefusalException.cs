using InfraLedger.Core.Common;

namespace InfraLedger.Core.Tables;

/// <summary>
/// A refusal found deep inside the readers (a line too long, a mixed encoding, a broken sheet). It unwinds to the
/// nearest boundary: <see cref="TableReader.Read"/> returns <see cref="Error"/> while headers are being found, and
/// <see cref="StreamedRows"/> rethrows it as the documented <see cref="ImportReadException"/> once rows stream.
/// </summary>
internal sealed class ReadRefusalException(Error error, int row) : Exception(error.Message)
{
    public Error Error { get; } = error;

    /// <summary>The 1-based row (CSV line, sheet row) the problem is at.</summary>
    public int Row { get; } = row;
}
