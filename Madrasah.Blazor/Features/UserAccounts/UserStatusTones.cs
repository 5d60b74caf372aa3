using Madrasah.Blazor.Components.Shared;

namespace Madrasah.Blazor.Features.UserAccounts;

public static class UserStatusTones
{
    /// <summary>What an account's status means to the reader; <see cref="StatusChip"/> turns it into a colour.</summary>
    public static Tone Tone(this UserStatus status) => status switch
    {
        UserStatus.Active => Components.Shared.Tone.Success,
        UserStatus.AwaitingActivation => Components.Shared.Tone.Waiting,
        UserStatus.LockedOut => Components.Shared.Tone.Danger,
        _ => Components.Shared.Tone.Neutral,
    };
}
