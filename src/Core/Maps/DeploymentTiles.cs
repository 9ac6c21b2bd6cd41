using Microsoft.Extensions.Configuration;

namespace InfraLedger.Core.Maps;

/// <summary>
/// The deployment's background tile layer, from configuration (<c>Maps:Tiles:UrlTemplate</c>, <c>Maps:Tiles:Attribution</c>,
/// optionally <c>Maps:Tiles:MaxZoom</c>; environment variables <c>Maps__Tiles__UrlTemplate</c> …). None when the template
/// is not set: municipal networks (LGWAN) often reach no tile server, and the maps then keep the boundary only.
/// </summary>
public sealed record DeploymentTiles(TileLayer? Layer)
{
    public const string Section = "Maps:Tiles";

    /// <exception cref="InvalidOperationException">A template that is set but wrong: the deployment is misconfigured, so it does not start.</exception>
    public static DeploymentTiles From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (string.IsNullOrWhiteSpace(section["UrlTemplate"]))
        {
            return new DeploymentTiles((TileLayer?)null);
        }

        var layer = TileLayer.Check(section["UrlTemplate"], section["Attribution"], section["MaxZoom"]);
        return layer.IsSuccess ? new DeploymentTiles(layer.Value)
            : throw new InvalidOperationException(Errors.Deployment($"{Section}:{layer.Error!.Field}", layer.Error.Message).Message);
    }
}
