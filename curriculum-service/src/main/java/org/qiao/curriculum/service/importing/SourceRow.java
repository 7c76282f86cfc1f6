package org.qiao.curriculum.service.importing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One row of a cohort file as read, nothing validated yet: its number as the registrar sees it in
 * Excel or a text editor (the header is row 1, the first data row 2) and its non-empty cells,
 * stripped of surrounding white space.
 */
public record SourceRow(long rowNumber, Map<ImportColumn, String> cells) {

  /** Keeps the invariant for every producer (files, JSON): cells stripped, empty ones absent. */
  public SourceRow {
    Map<ImportColumn, String> kept = new EnumMap<>(ImportColumn.class);
    cells.forEach(
        (column, value) -> {
          // strip(), not trim(): trim() would also drop U+0000, which validation must see.
          String v = value == null ? "" : value.strip();
          if (!v.isEmpty()) {
            kept.put(column, v);
          }
        });
    cells = Collections.unmodifiableMap(kept);
  }

  /** The cell, or null when it is empty or the file has no such column. */
  public String get(ImportColumn column) {
    return cells.get(column);
  }
}
