namespace InfraLedger.Core.Common;

/// <summary>An expected refusal: a stable code for machines and a Japanese message for people.</summary>
/// <param name="Code">Stable identifier, e.g. <c>tenancy.check_digit</c>.</param>
/// <param name="Message">Japanese message shown to the user; names the offending value.</param>
/// <param name="Field">The input field or file location the error is about, when there is one.</param>
public sealed record Error(string Code, string Message, string? Field = null);

/// <summary>The outcome of an operation that can be refused for an expected reason.</summary>
public readonly record struct Result<T>
{
    private readonly T? value;

    private Result(T? value, Error? error)
    {
        this.value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => Error is null ? value! : throw new InvalidOperationException($"結果はエラーです: {Error.Message}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(Error error) => Fail(error);

    public static implicit operator Result<T>(T value) => Ok(value);
}
