using InfraLedger.Core.Common;

namespace InfraLedger.Core.Database.Backup;

/// <summary>Expected refusals of the database commands: backup, restore and the move from SQLite to PostgreSQL.</summary>
public static class Errors
{
    public static Error FileExists(string path) => new(
        "database.file_exists",
        $"ファイル「{path}」はすでにあります。上書きするには --force を付けてください。",
        "file", ErrorKind.Conflict);

    public static Error BackupMissing(string path) => new(
        "database.backup_missing",
        $"バックアップファイル「{path}」がありません。",
        "file", ErrorKind.NotFound);

    public static Error NotABackup(string path, string reason) => new(
        "database.not_a_backup",
        $"「{path}」は InfraLedger のバックアップとして読めません: {reason}",
        "file");

    public static Error BackupNewerThanProgram(string path, int version, int known) => new(
        "database.backup_newer",
        $"バックアップ「{path}」のスキーマ（マイグレーション {version:D4}）は、このプログラムが知る最新（{known:D4}）より新しい版のものです。新しい版の infraledger で復元してください。",
        "file");

    public static Error TargetExists(string what) => new(
        "database.target_exists",
        $"復元先の{what}にはすでにデータがあります。バックアップの内容で置き換えるには --force を付けてください（置き換えた内容は元に戻せません。先に db backup を取ってください）。",
        Kind: ErrorKind.Conflict);

    public static Error SqliteInUse(string path) => new(
        "database.sqlite_in_use",
        $"SQLite のデータベース「{path}」はほかのプロセス（Web アプリなど）が開いています。止めてから復元してください。",
        Kind: ErrorKind.Conflict);

    public static Error PostgresInUse(string database, int sessions) => new(
        "database.postgres_in_use",
        $"PostgreSQL のデータベース「{database}」にはほかに {sessions} 件の接続があります（Web アプリなど）。止めてから復元してください。",
        Kind: ErrorKind.Conflict);

    public static Error TablesNotInBackup(IEnumerable<string> tables) => new(
        "database.tables_not_in_backup",
        $"復元先にバックアップにない表があります（{string.Join("、", tables)}）。--force でも残ってしまうため復元しません。空のデータベースを作って復元し、接続先をそちらに切り替えてください。",
        Kind: ErrorKind.Conflict);

    public static Error ToolMissing(string tool, int serverMajor) => new(
        "database.tool_missing",
        $"{tool}（PostgreSQL {serverMajor} 以上のクライアント）が見つかりません。Debian/Ubuntu では postgresql-client-{serverMajor} を入れるか、--pg-bin でその bin ディレクトリを指定してください。",
        "pg-bin", ErrorKind.NotFound);

    public static Error ToolFailed(string tool, int exitCode, string stderr) => new(
        "database.tool_failed",
        $"{tool} が失敗しました（終了コード {exitCode}）。何も置き換えていません: {Tail(stderr)}");

    public static readonly Error CopyNeedsSqlite = new(
        "database.copy_needs_sqlite",
        "db copy は SQLite のデータベースを PostgreSQL へ移すコマンドですが、いまの設定のデータベースは PostgreSQL です。設定（Database__Provider、ConnectionStrings__InfraLedger）を確かめてください。");

    public static Error DatabaseMissing(string path) => new(
        "database.missing",
        $"SQLite のデータベース「{path}」がありません。設定（ConnectionStrings__InfraLedger）と作業ディレクトリを確かめてください。",
        Kind: ErrorKind.NotFound);

    public static Error CopyTargetUnsupported(string target) => new(
        "database.copy_target",
        $"コピー先「{target}」には対応していません。--to postgres を指定してください。",
        "to");

    public static Error CopyTargetUnreachable(string reason) => new(
        "database.copy_target_unreachable",
        $"コピー先の PostgreSQL に接続できません: {reason}",
        "connection-string");

    public static Error SourceNotCurrent(string description) => new(
        "database.source_not_current",
        $"コピー元の SQLite のスキーマが最新ではありません（{description}）。先に infraledger db migrate を実行してください。",
        Kind: ErrorKind.Conflict);

    public static Error TargetNotEmpty(IEnumerable<string> tables) => new(
        "database.target_not_empty",
        $"コピー先の PostgreSQL は空ではありません（行のある表: {string.Join("、", tables)}）。空のデータベースを指定してください。",
        "connection-string", ErrorKind.Conflict);

    public static Error TargetForeign(IEnumerable<string> tables) => new(
        "database.target_foreign",
        $"コピー先の PostgreSQL に InfraLedger のものではない表があります（{string.Join("、", tables)}）。空のデータベースを指定してください。",
        "connection-string", ErrorKind.Conflict);

    public static Error SchemaMismatch(string detail) => new(
        "database.schema_mismatch",
        $"コピー元とコピー先のスキーマが一致しません: {detail}。何も書き込んでいません。",
        Kind: ErrorKind.Conflict);

    public static Error UnsupportedColumnType(string table, string column, string type) => new(
        "database.column_type",
        $"表 {table} の列 {column} の型「{type}」のコピーには対応していません。何も書き込んでいません。");

    public static Error BadValue(string table, long row, string key, string column, string value, string type, string reason) => new(
        "database.bad_value",
        $"表 {table} の {row:N0} 行目（{key}）の列 {column}: 値「{Shorten(value)}」を PostgreSQL の {type} にできません（{reason}）。何も書き込んでいません。",
        $"{table}.{column}");

    public static Error TargetRefused(string table, string message) => new(
        "database.target_refused",
        $"コピー先の PostgreSQL が表 {table} の行を受け付けませんでした: {message}。何も書き込んでいません。",
        table);

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "（メッセージなし）" : string.Join(" / ", lines.TakeLast(3));
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
