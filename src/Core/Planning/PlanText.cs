using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Planning;

/// <summary>
/// Plan conditions as written on a command line or in a form field: committed works 「B-001:2027[:財源[:費用]]」, share
/// targets 「2030:15%」 (from fiscal 2030 at most 15% of facilities in the poor grades), attribute values 「traffic=12000」.
/// </summary>
public static class PlanText
{
    public static Result<IReadOnlyList<CommittedWork>> Committed(IEnumerable<string> values)
    {
        var works = new List<CommittedWork>();
        foreach (var value in values)
        {
            var parts = value.Split(':');
            if (parts.Length is < 2 or > 4 || parts[0].Trim().Length == 0 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return Errors.CommittedText(value);
            }

            decimal? cost = null;
            if (parts.Length == 4)
            {
                if (!decimal.TryParse(parts[3], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var c))
                {
                    return Errors.CommittedText(value);
                }

                cost = c;
            }

            works.Add(new CommittedWork(parts[0].Trim(), year, parts.Length > 2 ? parts[2].Trim() : "", null, cost));
        }

        return works;
    }

    public static Result<IReadOnlyList<ShareTarget>> Shares(IEnumerable<string> values)
    {
        var targets = new List<ShareTarget>();
        foreach (var value in values)
        {
            var parts = value.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || !decimal.TryParse(parts[1].Trim().TrimEnd('%', '％'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
            {
                return Errors.ShareText(value);
            }

            targets.Add(new ShareTarget(year, percent / 100));
        }

        return targets;
    }

    public static Result<IReadOnlyDictionary<string, decimal?>> Values(IEnumerable<string> values)
    {
        var map = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var parts = value.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
            {
                return Errors.AttributeText(value);
            }

            if (parts[1].Trim().Length == 0)
            {
                map[parts[0].Trim()] = null;
            }
            else if (decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
            {
                map[parts[0].Trim()] = v;
            }
            else
            {
                return Errors.AttributeText(value);
            }
        }

        return map;
    }
}
