using InfraLedger.Core.Common;

namespace InfraLedger.Core.Maps;

/// <summary>Expected refusals of the maps feature (the background tile layer).</summary>
public static class Errors
{
    public static Error TileUrlScheme(string value) =>
        new("maps.tile_url_scheme", $"タイルのURLテンプレート「{value}」は http:// または https:// で始まる完全なURLにしてください。", "UrlTemplate");

    public static Error TileUrlPlaceholders(string value) =>
        new("maps.tile_url_placeholders", $"タイルのURLテンプレート「{value}」には {{z}}、{{x}}、{{y}} をすべて含めてください（例: https://tiles.example.lg.jp/{{z}}/{{x}}/{{y}}.png）。", "UrlTemplate");

    public static Error TileUrlOtherPlaceholder(string value) =>
        new("maps.tile_url_other_placeholder", $"タイルのURLテンプレート「{value}」に使えるのは {{z}}、{{x}}、{{y}} だけです（{{s}} などのサブドメイン指定やホスト名の中の置換は使えません）。", "UrlTemplate");

    public static Error TileUrlTooLong(int length) =>
        new("maps.tile_url_too_long", $"タイルのURLテンプレートは{TileLayer.MaxUrlLength}文字以内にしてください（{length}文字）。", "UrlTemplate");

    public static readonly Error AttributionRequired =
        new("maps.attribution_required", "背景地図の出典（著作権表示）を入力してください。タイルの利用条件で表示が求められます。", "Attribution");

    public static Error AttributionTooLong(int length) =>
        new("maps.attribution_too_long", $"背景地図の出典は{TileLayer.MaxAttributionLength}文字以内にしてください（{length}文字）。", "Attribution");

    public static Error MaxZoom(string value) =>
        new("maps.max_zoom", $"最大ズーム「{value}」は0から22までの整数にしてください。", "MaxZoom");

    public static Error Deployment(string key, string message) =>
        new("maps.deployment_setting", $"設定 {key} が正しくありません: {message}", key);
}
