using System.Collections;

namespace InfraLedger.Core.Tables;

/// <summary>
/// <see cref="RawTable.Rows"/>: rows read from the file as they are enumerated. A refusal found on the way
/// surfaces as <see cref="ImportReadException"/> located at its row, as RawTable documents. A CSV can be
/// enumerated once (its stream moves on); an Excel sheet reopens the workbook each time.
/// </summary>
internal sealed class StreamedRows(string file, string? sheet, Func<IEnumerable<RawRow>> open, bool once) : IEnumerable<RawRow>
{
    private int opened;

    public IEnumerator<RawRow> GetEnumerator()
    {
        if (once && Interlocked.Exchange(ref opened, 1) == 1)
        {
            throw new InvalidOperationException($"「{file}」の行はすでに読み始めています。CSVの行は一度しか読めません。");
        }

        return new Enumerator(file, sheet, open().GetEnumerator());
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(string file, string? sheet, IEnumerator<RawRow> inner) : IEnumerator<RawRow>
    {
        public RawRow Current => inner.Current;

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            try
            {
                return inner.MoveNext();
            }
            catch (ReadRefusalException refusal)
            {
                throw new ImportReadException(new ImportProblem(new CellRef(file, sheet, refusal.Row, null), null, refusal.Error.Message));
            }
        }

        // Like compiler-generated iterators: a stream read forward cannot be rewound.
        public void Reset() => throw new NotSupportedException("ストリームの行は巻き戻せません。");

        public void Dispose() => inner.Dispose();
    }
}
