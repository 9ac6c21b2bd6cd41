using System.Text;

namespace InfraLedger.Cli;

/// <summary>
/// The console the commands write to. In the process it is the real one. For in-process invocations
/// <see cref="Console.Out"/> and <see cref="Console.Error"/> are replaced, once, by writers that pass each call on to the
/// writer of the invocation the caller runs in (or to the original console outside any invocation): commands keep
/// writing to <see cref="Console"/>, and invocations running side by side do not mix their output.
/// </summary>
internal static class CliConsole
{
    private static readonly Lock Gate = new();
    private static TextWriter? routedOut;
    private static TextWriter? routedError;

    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(Console.Out, routedOut))
            {
                Console.SetOut(new InvocationWriter(Console.Out, i => i.Out));
                routedOut = Console.Out;
            }

            if (!ReferenceEquals(Console.Error, routedError))
            {
                Console.SetError(new InvocationWriter(Console.Error, i => i.Error));
                routedError = Console.Error;
            }
        }
    }

    /// <summary>Whether stderr is not a terminal (then no progress line is drawn); an invocation's captured output is not one.</summary>
    public static bool IsErrorRedirected => CliInvocation.Current is not null || Console.IsErrorRedirected;

    /// <summary>Standard output as bytes (UTF-8), for writers that take a stream; in order with what goes through <see cref="Console.Out"/>.</summary>
    public static Stream OpenStandardOutput() =>
        CliInvocation.Current is { } invocation ? new Utf8TextStream(invocation.Out) : Console.OpenStandardOutput();

    private sealed class InvocationWriter(TextWriter original, Func<CliInvocation, TextWriter> pick) : TextWriter
    {
        private TextWriter Target => CliInvocation.Current is { } invocation ? pick(invocation) : original;

        public override Encoding Encoding => Target.Encoding;

        public override IFormatProvider FormatProvider => Target.FormatProvider;

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine
        {
            get => Target.NewLine;
            set => Target.NewLine = value;
        }

        public override void Write(char value) => Target.Write(value);

        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);

        public override void Write(ReadOnlySpan<char> buffer) => Target.Write(buffer);

        public override void Write(string? value) => Target.Write(value);

        public override void Write(StringBuilder? value) => Target.Write(value);

        public override void WriteLine() => Target.WriteLine();

        public override void WriteLine(string? value) => Target.WriteLine(value);

        public override void WriteLine(ReadOnlySpan<char> buffer) => Target.WriteLine(buffer);

        public override void WriteLine(StringBuilder? value) => Target.WriteLine(value);

        public override void Flush() => Target.Flush();
    }

    /// <summary>A write-only stream that decodes UTF-8 into a text writer (a character split between two writes is kept).</summary>
    private sealed class Utf8TextStream(TextWriter writer) : Stream
    {
        private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => Decode(buffer, flush: false);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Decode([], flush: true);
            base.Dispose(disposing);
        }

        private void Decode(ReadOnlySpan<byte> bytes, bool flush)
        {
            var chars = new char[decoder.GetCharCount(bytes, flush)];
            var n = decoder.GetChars(bytes, chars, flush);
            writer.Write(chars, 0, n);
        }
    }
}
