/// Whether a time column holds calendar dates or instants with a time of day.
///
/// Both are stored the same way (seconds since 1970-01-01T00:00:00Z); the kind tells formatters
/// whether `2012-01-01` or `2012-01-01 00:00` is the honest label.
public enum TimeKind: Sendable, Equatable {
    /// Every value was a date without a time of day (`2012-01-01`, `Jan 1 2000`).
    case date
    /// At least one value had a time of day (`2019-03-23 20:21:09`, `2019-03-23T20:21:09Z`).
    case dateTime
}

/// The unit of a column of Unix timestamps that the caller asked to read as time.
public enum TimestampUnit: Sendable, Hashable {
    /// Seconds since the Unix epoch.
    case seconds
    /// Milliseconds since the Unix epoch.
    case milliseconds
}
