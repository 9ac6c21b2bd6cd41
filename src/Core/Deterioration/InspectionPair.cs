namespace InfraLedger.Core.Deterioration;

/// <summary>
/// One observation of the model (domain doc §7.3): state <see cref="From"/> at one inspection, state <see cref="To"/>
/// at the next, <see cref="Years"/> apart, with the covariates of the sample (none: null or empty). States are 1-based.
/// <see cref="ByWork"/>: the second observation is a recorded work that left the better state <see cref="To"/>, so the
/// facility entered it at that moment from a state not seen (used only by <see cref="RepairEstimator"/>).
/// </summary>
public readonly record struct InspectionPair(int From, int To, double Years, IReadOnlyList<double>? Covariates = null, bool ByWork = false);
