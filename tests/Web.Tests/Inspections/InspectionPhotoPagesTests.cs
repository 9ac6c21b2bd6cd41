using System.Net;
using System.Net.Http.Headers;
using InfraLedger.Core.Identity;
using InfraLedger.Core.Inspections;
using InfraLedger.Core.Reports;
using InfraLedger.Core.Tests.Reports;
using InfraLedger.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InfraLedger.Web.Tests.Inspections;

/// <summary>Inspection photos through the pages: uploaded without EXIF, refused in Japanese at the field, served to the tenant's viewers only.</summary>
public sealed partial class InspectionPagesTests
{
    private static ByteArrayContent File(byte[] data, string type)
    {
        var file = new ByteArrayContent(data);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return file;
    }

    /// <summary>A multipart post of <paramref name="fields"/> and <paramref name="files"/> (field PhotoFiles) with the form page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostPhotosAsync(HttpClient client, string path, Dictionary<string, string> fields,
        IEnumerable<(byte[] Data, string Type, string Name)> files, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path.Split('?')[0]);
        var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var (data, type, name) in files)
        {
            form.Add(File(data, type), InspectionPhotos.Field, name);
        }

        return await client.PostAsync(path, form);
    }

    private static readonly Dictionary<string, string> NewRecord = new() { ["FacilityCode"] = "BR-3", ["InspectedOn"] = "2024-06-03", ["Grade"] = "II", ["PhotoCaption"] = "支承部" };

    private async Task<long> RecordWithPhotoAsync()
    {
        var saved = await PostPhotosAsync(yaizuAdmin, "/222127/inspections", new(NewRecord),
            [(PhotoFixtures.PhoneJpeg(), "image/jpeg", "IMG_2024.jpg"), (PhotoFixtures.CanvasWebP, "image/webp", "side.webp")]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        return await IdOfAsync(Yaizu, "BR-3", "2024-06-03");
    }

    [Fact]
    public async Task photos_recorded_with_an_inspection_are_served_without_the_gps_position_of_the_upload()
    {
        Photos.ReadGps(PhotoFixtures.PhoneJpeg()).ShouldNotBeNull();
        var id = await RecordWithPhotoAsync();

        var served = await yaizuViewer.GetAsync($"/222127/inspections/{id}/photos/1");
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        served.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Photos.ReadGps(bytes).ShouldBeNull();
        Photos.ReadExifTags(bytes).ShouldNotContain("GPSInfo");
        PhotoFixtures.Contains(bytes, PhotoFixtures.Ascii("InfraCam")).ShouldBeFalse();
        await using (var db = app.Database.Context(Yaizu))
        {
            var stored = await db.InspectionPhotos.Where(p => p.InspectionId == id).OrderBy(p => p.Number).ToListAsync();
            stored.Select(p => (p.Number, p.FileName, p.Caption, p.ContentType)).ShouldBe([(1, "IMG_2024.jpg", "支承部", "image/jpeg"), (2, "side.webp", "支承部", "image/webp")]);
            stored[0].Content.ShouldBe(bytes);
            Photos.ReadGps(stored[0].Content).ShouldBeNull();
        }

        var history = await yaizuViewer.GetStringAsync("/222127/inspections/facility/BR-3");
        history.ShouldContain($"<img src=\"/222127/inspections/{id}/photos/1\" alt=\"支承部\"");
        history.ShouldContain($"<a href=\"/222127/inspections/{id}/photos/2\">");
        history.ShouldNotContain("handler=DeletePhoto");
        (await yaizuViewer.GetAsync($"/222127/inspections/{id}/photos/3")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_refused_photo_is_explained_in_japanese_next_to_the_field_and_nothing_is_written()
    {
        var refused = await PostPhotosAsync(yaizuAdmin, "/222127/inspections", new(NewRecord),
            [(PhotoFixtures.PhoneJpeg(), "image/jpeg", "ok.jpg"), (PhotoFixtures.Ascii("%PDF-1.7"), "image/jpeg", "調書.pdf")]);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("<p id=\"PhotoFiles_error\" class=\"field-error\">「調書.pdf」は JPEG・PNG・WebP の画像ではありません。");
        html.ShouldContain("href=\"#PhotoFiles\"");
        await using var db = app.Database.Context(Yaizu);
        (await db.Inspections.CountAsync(i => i.FacilityCode == "BR-3")).ShouldBe(2);
        (await db.InspectionPhotos.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task an_editor_adds_and_deletes_photos_on_the_edit_page_and_a_refusal_adds_none()
    {
        var id = await RecordWithPhotoAsync();
        var path = $"/222127/inspections/{id}/edit";
        var form = await yaizuAdmin.GetStringAsync(path);
        form.ShouldContain($"<img src=\"/222127/inspections/{id}/photos/2\"");
        form.ShouldContain("enctype=\"multipart/form-data\"");

        var added = await PostPhotosAsync(yaizuAdmin, path + "?handler=Photos", [], [(PhotoFixtures.Canvas, "image/jpeg", "追加.jpg")], formPage: path);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await PostPhotosAsync(yaizuAdmin, path + "?handler=Photos", [], [(PhotoFixtures.Canvas, "image/jpeg", "a.jpg"), ([], "image/jpeg", "空.jpg")], formPage: path);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("<p id=\"PhotoFiles_error\" class=\"field-error\">「空.jpg」は空のファイルです。");
        var deleted = await AppFactory.PostFormAsync(yaizuAdmin, path + "?handler=DeletePhoto&number=1", [], formPage: path);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using (var db = app.Database.Context(Yaizu))
        {
            (await db.InspectionPhotos.Where(p => p.InspectionId == id).Select(p => p.FileName).OrderBy(n => n).ToListAsync()).ShouldBe(["side.webp", "追加.jpg"]);
        }

        // Withdrawing the record withdraws its photos.
        (await AppFactory.PostFormAsync(yaizuAdmin, path + "?handler=Delete", [], formPage: path)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var read = app.Database.Context(Yaizu);
        (await read.InspectionPhotos.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_viewer_cannot_add_or_delete_photos()
    {
        var id = await RecordWithPhotoAsync();
        var upload = await PostPhotosAsync(yaizuViewer, $"/222127/inspections/{id}/edit?handler=Photos", [], [(PhotoFixtures.Canvas, "image/jpeg", "x.jpg")], formPage: "/account/login");
        upload.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var delete = await AppFactory.PostFormAsync(yaizuViewer, $"/222127/inspections/{id}/edit?handler=DeletePhoto&number=1", [], formPage: "/account/login");
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.Database.Context(Yaizu);
        (await db.InspectionPhotos.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task a_viewer_of_another_tenant_gets_404_for_a_photo_and_an_anonymous_reader_is_sent_to_sign_in()
    {
        var id = await RecordWithPhotoAsync();
        var fujiedaViewer = await app.SignedInClientAsync("viewer@fujieda.example.jp", await app.CreateUserAsync("viewer@fujieda.example.jp", Fujieda, TenantRole.Viewer));

        (await fujiedaViewer.GetAsync($"/222127/inspections/{id}/photos/1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Under their own tenant's address the same numbers name nothing of ours.
        (await fujiedaViewer.GetAsync($"/222143/inspections/{id}/photos/1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var anonymous = await app.Client().GetAsync($"/222127/inspections/{id}/photos/1");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }
}
