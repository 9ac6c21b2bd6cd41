namespace InfraLedger.Core.Reports;

/// <summary>
/// The services a tenant starts from (resident-reporting-features.md §4: grouped 道路 / 橋梁 / 公園 / その他, each
/// routed to a section). Every tenant edits them to its own sections and questions.
/// </summary>
public static class DefaultServices
{
    private const string Danger = "danger | singlevaluelist | 危険の程度 | 必須 | high=通行・利用に危険がある, medium=注意が必要, low=急がない";

    private const string EmergencyNotice = "人や車に危険が迫っているときは、この通報ではなく、すぐに電話で市役所（夜間・休日は警察・消防）にお知らせください。";

    public static IReadOnlyList<Services.Input> All { get; } =
    [
        new("101", "道路の穴・陥没", "舗装の穴（ポットホール）、陥没、段差、ひび割れ", "道路", "ポットホール,陥没,段差,舗装", "道路課",
            EmergencyNotice, "7", "50", Batch: false, IsActive: true, "10",
            "damage | singlevaluelist | 損傷の種類 | 必須 | pothole=穴（ポットホール）, sinkage=陥没, step=段差, crack=ひび割れ\n" + Danger
            + "\nsize | number | おおよその大きさ（cm） | 任意"),
        new("102", "ガードレール・柵の破損", "ガードレール、防護柵、転落防止柵の曲がり・破損", "道路", "ガードレール,防護柵,柵", "道路課",
            null, "14", "50", Batch: false, IsActive: true, "20",
            "damage | singlevaluelist | 損傷の種類 | 必須 | bent=曲がり, broken=破断・外れ, missing=なくなっている, rust=さび・腐食\n" + Danger),
        new("103", "街路灯の不点・破損", "夜に点かない、点滅する、灯具や柱が壊れている", "道路", "街路灯,防犯灯,照明", "道路課",
            null, "14", "30", Batch: false, IsActive: true, "30",
            "state | singlevaluelist | 状態 | 必須 | off=点かない, flicker=点滅する, daytime=昼も点いている, broken=壊れている\n"
            + "pole | string | 柱や灯具に書かれた番号 | 任意"),
        new("201", "橋の損傷", "橋の路面の段差、高欄の破損、コンクリートのはく離など", "橋梁", "橋,橋梁,高欄,伸縮装置", "土木課",
            EmergencyNotice, "7", "100", Batch: false, IsActive: true, "40",
            "damage | multivaluelist | 損傷の種類（複数可） | 必須 | step=路面の段差, railing=高欄・柵の破損, spalling=コンクリートのはく離, rebar=鉄筋が見えている, other=その他\n"
            + Danger + "\nbridge | string | 橋の名前（わかれば） | 任意"),
        new("301", "公園遊具の破損", "遊具、ベンチ、柵などの破損や危険な状態", "公園", "遊具,ぶらんこ,すべり台,ベンチ", "公園緑地課",
            null, "7", "50", Batch: false, IsActive: true, "50",
            "equipment | singlevaluelist | 遊具・設備 | 必須 | swing=ぶらんこ, slide=すべり台, climber=ジャングルジム・複合遊具, bench=ベンチ, fence=柵, other=その他\n"
            + Danger + "\npark | string | 公園の名前（わかれば） | 任意"),
        new("901", "その他", "上の種類にあてはまらない道路・橋・公園の不具合", "その他", null, "土木管理課",
            null, null, "0", Batch: false, IsActive: true, "90", null),
    ];
}
