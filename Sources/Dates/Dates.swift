// Dates: the proleptic Gregorian calendar in UTC, the one piece of date arithmetic that the
// table readers (Table's `TimeParser`: dates in CSV / JSON to seconds since the epoch) and the
// chart layer (Chart's `TimeLocator` and `ConciseDateFormatter`: calendar-aligned ticks and their
// labels) both need. It lives below both so that Table does not import Chart.
//
// Design. `CivilTime` is a calendar instant broken into fields (year … microsecond), converted
// to and from seconds since 1970-01-01 with Howard Hinnant's `days_from_civil` /
// `civil_from_days` (chrono-Compatible Low-Level Date Algorithms): integer arithmetic, no
// Foundation `Calendar`, no time zones, no leap seconds; microsecond resolution, as matplotlib's
// `num2date`.
