using System.CommandLine;
using InfraLedger.Core.Database.Backup;

namespace InfraLedger.Cli;

/// <summary><c>db backup</c>, <c>db restore</c> and <c>db copy --to postgres</c> (ADR 0031): translation only, the work is Core's.</summary>
internal static class DbBackupCommands
{
    public static IEnumerable<Command> Create()
    {
        static Option<DirectoryInfo?> PgBin() => new("--pg-bin")
        {
            Description = "pg_dump・pg_restore のあるディレクトリ（PostgreSQL のみ。既定: /usr/lib/postgresql/<版>/bin、PATH）/ Directory of pg_dump and pg_restore",
        };

        var pgBin = PgBin();
        var backupFile = new Argument<FileInfo>("file") { Description = "書き出すバックアップファイル / Backup file to write" };
        var overwrite = new Option<bool>("--force") { Description = "既存のファイルを上書きする / Overwrite an existing file" };
        var backup = new Command("backup",
            "データベースをファイルにバックアップする（SQLite はオンラインバックアップ、PostgreSQL は pg_dump）/ Back up the database to a file (SQLite online backup API, pg_dump)")
            { backupFile, overwrite, pgBin };
        backup.SetAction(async (parse, ct) =>
        {
            var settings = CliHost.Database();
            var saved = await DatabaseBackup.BackupAsync(settings, parse.GetValue(backupFile)!.FullName, parse.GetValue(overwrite), parse.GetValue(pgBin)?.FullName, ct);
            if (!saved.IsSuccess)
            {
                return CliHost.Fail(saved.Error!);
            }

            var s = saved.Value;
            Console.WriteLine($"バックアップしました / backed up: {s.File}（{s.Bytes:N0} バイト / bytes、マイグレーション / migration {s.SchemaVersion:D4}、{s.Method}）");
            return 0;
        });

        var restoreBin = PgBin();
        var restoreFile = new Argument<FileInfo>("file") { Description = "復元するバックアップファイル / Backup file to restore" };
        var replace = new Option<bool>("--force")
        {
            Description = "データのあるデータベースをバックアップの内容で置き換える / Replace a database that holds data",
        };
        var restore = new Command("restore",
            "バックアップファイルからデータベースを復元する（Web アプリを止めてから）/ Restore the database from a backup file (stop the web app first)")
            { restoreFile, replace, restoreBin };
        restore.SetAction(async (parse, ct) =>
        {
            var restored = await DatabaseBackup.RestoreAsync(CliHost.Database(), parse.GetValue(restoreFile)!.FullName, parse.GetValue(replace), parse.GetValue(restoreBin)?.FullName, ct);
            if (!restored.IsSuccess)
            {
                return CliHost.Fail(restored.Error!);
            }

            var r = restored.Value;
            Console.WriteLine($"復元しました / restored: {r.Target}（マイグレーション / migration {r.SchemaVersion:D4}、{r.Method}）");
            Console.WriteLine("このプログラムより古い版のバックアップなら、db migrate（または Web アプリの起動）で最新にします / "
                + "an older backup is brought up to date by db migrate or by starting the web app");
            return 0;
        });

        var to = new Option<string>("--to") { Description = "コピー先の種類（postgres）/ Target kind (postgres)", Required = true };
        var target = new Argument<string>("connection-string")
        {
            Description = "コピー先の空の PostgreSQL の接続文字列（パスワードは PGPASSWORD か ~/.pgpass で）/ Connection string of the empty target (password via PGPASSWORD or ~/.pgpass)",
        };
        var copy = new Command("copy",
            "SQLite のデータベースを空の PostgreSQL にすべてコピーする（移行）/ Copy the SQLite database into an empty PostgreSQL database (move to PostgreSQL)")
            { to, target };
        copy.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(to)!.Trim().ToLowerInvariant() is not ("postgres" or "postgresql"))
            {
                return CliHost.Fail(Errors.CopyTargetUnsupported(parse.GetValue(to)!));
            }

            var copied = await SqliteToPostgres.CopyAsync(CliHost.Database(), parse.GetValue(target)!,
                CliHost.Progress<string>(m => Console.WriteLine($"  適用中 / applying: {m}")),
                CliHost.Progress<SqliteToPostgres.TableCopied>(t => Console.WriteLine($"  {t.Table}: {t.Rows:N0} 行 / rows")), ct);
            if (!copied.IsSuccess)
            {
                return CliHost.Fail(copied.Error!);
            }

            var c = copied.Value;
            foreach (var note in c.Notes)
            {
                Console.WriteLine("注 / note: " + note);
            }

            Console.WriteLine($"コピーしました / copied: 表 {c.Tables.Count} 件、{c.Rows:N0} 行（マイグレーション / migration {c.SchemaVersion:D4}、{c.Elapsed.TotalSeconds:N1} 秒 / s）");
            Console.WriteLine("次に Database__Provider=postgres と ConnectionStrings__InfraLedger をこの接続先に設定し、audit verify で監査証跡を確かめてください / "
                + "now set Database__Provider=postgres and ConnectionStrings__InfraLedger to this target, and check the audit trail with audit verify");
            return 0;
        });

        return [backup, restore, copy];
    }
}
