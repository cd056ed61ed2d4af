namespace OrleansShop.Runtime.Sql;

/// <summary>The primary key of one grain state row.</summary>
internal readonly record struct StateKey(string ServiceId, string GrainType, string GrainKey, string StateName)
{
    // Every dialect indexes these columns; SQL Server caps an index key at 1700 bytes, which these limits respect.
    public const int MaxGrainTypeLength = 128;
    public const int MaxGrainKeyLength = 512;
    public const int MaxNameLength = 64;

    public static StateKey Create(string serviceId, GrainId grainId, string stateName)
    {
        CheckIdentity(grainId);
        CheckName(stateName, nameof(stateName));
        return new StateKey(serviceId, grainId.Type, grainId.Key, stateName);
    }

    public static void CheckIdentity(GrainId grainId)
    {
        if (string.IsNullOrEmpty(grainId.Type) || grainId.Type.Length > MaxGrainTypeLength)
        {
            throw new ArgumentException(
                $"Grain type '{grainId.Type}' must have between 1 and {MaxGrainTypeLength} characters to be stored.", nameof(grainId));
        }

        if (grainId.Key is null || grainId.Key.Length > MaxGrainKeyLength)
        {
            throw new ArgumentException(
                $"The key of grain {grainId} must have at most {MaxGrainKeyLength} characters to be stored.", nameof(grainId));
        }
    }

    public static void CheckName(string name, string parameterName)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            throw new ArgumentException($"'{name}' must have between 1 and {MaxNameLength} characters to be stored.", parameterName);
        }
    }
}
