package org.qiao.kit.db;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * Inserts many rows with one PostgreSQL {@code COPY … FROM STDIN} in the caller's transaction: for
 * bulk paths (a cohort import writes thousands of rows and their events per transaction), where
 * per-row INSERTs through the ORM cost several times the CPU on both sides. Values are written in
 * COPY's text format: {@code null} as {@code \N}, {@link Instant}/{@link OffsetDateTime} as
 * ISO-8601, JSON columns as already-encoded strings. Constraint violations surface as Hibernate's
 * exceptions, as from any other statement in the session.
 */
public final class CopyRows {

  private final String table;
  private final String[] columns;
  private final StringBuilder text = new StringBuilder(8192);
  private int rows;

  private CopyRows(String table, String[] columns) {
    this.table = table;
    this.columns = columns;
  }

  public static CopyRows into(String table, String... columns) {
    return new CopyRows(table, columns);
  }

  /** Adds a row; one value per column, in the order given to {@link #into}. */
  public CopyRows row(Object... values) {
    if (values.length != columns.length) {
      throw new IllegalArgumentException(
          table + ": " + values.length + " values for " + columns.length + " columns");
    }
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        text.append('\t');
      }
      append(values[i]);
    }
    text.append('\n');
    rows++;
    return this;
  }

  public int size() {
    return rows;
  }

  /** Writes the rows on the session's connection (after any pending ORM changes); returns count. */
  public long writeTo(EntityManager em) {
    if (rows == 0) {
      return 0;
    }
    em.flush();
    String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              try {
                return c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(sql, new StringReader(text.toString()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private void append(Object v) {
    if (v == null) {
      text.append("\\N");
    } else if (v instanceof Instant t) {
      text.append(DateTimeFormatter.ISO_INSTANT.format(t));
    } else if (v instanceof OffsetDateTime t) {
      text.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
    } else if (v instanceof Boolean b) {
      text.append(b ? 't' : 'f');
    } else if (v instanceof Number || v instanceof UUID) {
      text.append(v);
    } else if (v instanceof Enum<?> e) {
      escape(e.name());
    } else if (v instanceof CharSequence s) {
      escape(s);
    } else {
      throw new IllegalArgumentException(table + ": no COPY text for " + v.getClass().getName());
    }
  }

  /** COPY text format: backslash, tab, newline and carriage return are backslash-escaped. */
  private void escape(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(ch);
      }
    }
  }
}
