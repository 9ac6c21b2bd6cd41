namespace InfraLedger.Core.Common;

/// <summary>An expected refusal: a stable code for machines and a Japanese message for people.</summary>
/// <param name="Code">Stable identifier, e.g. <c>tenancy.check_digit</c>.</param>
/// <param name="Message">Japanese message shown to the user; names the offending value.</param>
/// <param name="Field">The input field or file location the error is about, when there is one.</param>
/// <param name="Kind">What sort of refusal it is; the hosts map it to a status in one place (Web: ErrorResponses).</param>
/// <param name="English">The message in English, for the public pages with an English switch (residents' report form); null elsewhere.</param>
public sealed record Error(string Code, string Message, string? Field = null, ErrorKind Kind = ErrorKind.Invalid, string? English = null)
{
    /// <summary>The message in the page's language: English when asked for and written, else Japanese.</summary>
    public string In(bool english) => english && English is not null ? English : Message;
}

/// <summary>The sort of an expected refusal, independent of how a host reports it.</summary>
public enum ErrorKind
{
    /// <summary>The input is wrong (a value, a file, a parameter); the default.</summary>
    Invalid,

    /// <summary>The thing asked for does not exist for this tenant (or is not visible to it).</summary>
    NotFound,

    /// <summary>The caller may not do this.</summary>
    Forbidden,

    /// <summary>The request clashes with the current state (changed meanwhile, already exists, in use).</summary>
    Conflict,

    /// <summary>The request or its file is larger than the limit for its kind.</summary>
    TooLarge,
}

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
