using System.Runtime.CompilerServices;

namespace InfraLedger.Web.Tests.Support;

internal static class TestEnvironment
{
    /// <summary>
    /// Every test host (and CLI process) watches its configuration files. A FileSystemWatcher takes an inotify
    /// instance, and Linux allows 128 per user by default: with the hosts of the test classes running in parallel the
    /// limit is reached and requests fail with an IOException. Polling watchers take none.
    /// </summary>
#pragma warning disable CA2255 // The test assembly is not a library for others: it sets up its own process.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void PollFiles() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
}
