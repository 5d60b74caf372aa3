namespace Madrasah.Blazor.Features.Helpdesk;

public enum HelpdeskEmailKind { Received, Reply, Closed, InfoRequest, Reminder, AutoClosed }
