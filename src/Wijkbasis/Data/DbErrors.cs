using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Data;

public static class DbErrors
{
    /// <summary>A unique index or primary key refused the row: someone else stored the same thing first. (SQLite names
    /// them apart: 2067 for a unique index, 1555 for a primary key.)</summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
