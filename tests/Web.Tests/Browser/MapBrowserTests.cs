using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using InfraLedger.Core.Maps;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace InfraLedger.Web.Tests.Browser;

/// <summary>
/// The maps with a background tile layer (issue 21 item 5), served by a tile server started here on 127.0.0.1: 焼津市's
/// admin setting points at it for the duration of the test. Tiles are requested and drawn, the attribution shows, nothing
/// leaves 127.0.0.1, nothing breaks the Content-Security-Policy, axe-core finds nothing serious.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Database", "any")] // the browser side: its server side runs on both databases in the HTTP tests
public sealed class MapBrowserTests(BrowserFixture browser)
{
    private const string Attribution = "テスト用タイル（ローカル）";

    [Fact]
    public async Task the_map_and_the_karte_draw_tiles_from_the_configured_local_tile_server()
    {
        await using var tiles = await LocalTileServer.StartAsync();
        await using (var db = browser.Context("222127"))
        {
            (await TileLayers.SaveAsync(db, tiles.Origin + "/tiles/{z}/{x}/{y}.png", Attribution, "18", default)).IsSuccess.ShouldBeTrue();
        }

        try
        {
            await using var session = await browser.OpenAsync(signedIn: true);
            foreach (var (path, name) in new[] { ("/222127/facilities/map", "map-tiles"), ("/222127/facilities/" + BrowserFixture.FacilityCode, "karte-tiles") })
            {
                await session.Page.GotoAsync(path);
                await session.Page.Locator("#facility-map[data-ready=true]").WaitForAsync();
                await session.Page.WaitForFunctionAsync("() => document.querySelectorAll('#facility-map img.leaflet-tile-loaded').length > 0");

                (await session.Page.Locator("#facility-map img.leaflet-tile-loaded").CountAsync()).ShouldBeGreaterThan(0, path);
                (await session.Page.Locator(".leaflet-control-attribution").TextContentAsync())!.ShouldContain(Attribution);
                (await session.Page.Locator(".map-tile-attribution").TextContentAsync())!.ShouldContain(Attribution);
                (await session.Page.Locator("#facility-map .facility-marker").CountAsync()).ShouldBeGreaterThan(0, path);
                (await session.Page.EvaluateAsync<bool>("() => typeof L.markerClusterGroup === 'function'")).ShouldBeTrue("Leaflet.markercluster is loaded");
                (await session.Page.Locator(".map-legend").TextContentAsync())!.ShouldContain("建物");
                (await session.Page.Locator("table").CountAsync()).ShouldBeGreaterThan(0, "a table stays behind every map");
                await Screenshots.SaveAsync(session.Page, name);

                var violations = await AccessibilityTests.SeriousViolationsAsync(session);
                violations.ShouldBeEmpty($"axe-core on {path}:\n{string.Join("\n", violations)}");
            }

            tiles.Requests.ShouldNotBeEmpty();
            tiles.Requests.ShouldAllBe(p => p.StartsWith("/tiles/", StringComparison.Ordinal));
            session.BlockedRequests.ShouldBeEmpty();
            (await session.CspViolationsAsync()).ShouldBeEmpty();
        }
        finally
        {
            await using var db = browser.Context("222127");
            await TileLayers.ClearAsync(db, default);
        }
    }

    [Fact]
    public async Task without_a_tile_layer_the_karte_keeps_the_boundary_and_says_so()
    {
        await using var session = await browser.OpenAsync(signedIn: true);
        await session.Page.GotoAsync("/222127/facilities/" + BrowserFixture.FacilityCode);
        await session.Page.Locator("#facility-map[data-ready=true]").WaitForAsync();

        (await session.Page.Locator("#facility-map path.boundary").CountAsync()).ShouldBe(1);
        (await session.Page.Locator("#facility-map img.leaflet-tile").CountAsync()).ShouldBe(0);
        (await session.Page.Locator(".map-no-tiles").TextContentAsync())!.ShouldContain("背景地図は設定されていません");
        await Screenshots.SaveAsync(session.Page, "karte-no-tiles");
        var violations = await AccessibilityTests.SeriousViolationsAsync(session);
        violations.ShouldBeEmpty($"axe-core on the カルテ:\n{string.Join("\n", violations)}");
        session.BlockedRequests.ShouldBeEmpty();
        (await session.CspViolationsAsync()).ShouldBeEmpty();
    }
}

/// <summary>Full-page screenshots saved in the test output (screenshots/NAME.png) for a person to look at.</summary>
internal static class Screenshots
{
    public static async Task SaveAsync(Microsoft.Playwright.IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}

/// <summary>A tile server on 127.0.0.1 (Kestrel, random port) answering every /tiles/{z}/{x}/{y}.png with a one-colour 256×256 PNG.</summary>
internal sealed class LocalTileServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> requests = new();

    private LocalTileServer(WebApplication app) => this.app = app;

    public string Origin { get; private set; } = "";

    public IReadOnlyCollection<string> Requests => requests;

    public static async Task<LocalTileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LocalTileServer(app);
        var tile = OneColourPng(256, 256, 0xcc, 0xe0, 0xf0);
        app.MapGet("/tiles/{z:int}/{x:int}/{y:int}.png", (HttpContext http) =>
        {
            server.requests.Enqueue(http.Request.Path.Value!);
            return Results.Bytes(tile, "image/png");
        });
        await app.StartAsync();
        server.Origin = app.Urls.Single().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>A minimal PNG encoder (PNG spec: signature, IHDR, one zlib IDAT of filter-0 RGB rows, IEND, each chunk with its CRC-32).</summary>
    internal static byte[] OneColourPng(int width, int height, byte r, byte g, byte b)
    {
        var raw = new byte[height * (1 + (width * 3))];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + (width * 3)); // filter byte 0, then RGB
            for (var x = 0; x < width; x++)
            {
                (raw[row + 1 + (x * 3)], raw[row + 2 + (x * 3)], raw[row + 3 + (x * 3)]) = (r, g, b);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9], header[10], header[11], header[12]) = (8, 2, 0, 0, 0); // 8-bit RGB, deflate, no filter choice, no interlace
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xffffffffu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xedb88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
