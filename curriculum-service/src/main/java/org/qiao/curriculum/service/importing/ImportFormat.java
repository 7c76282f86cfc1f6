package org.qiao.curriculum.service.importing;

import java.util.Locale;
import java.util.Optional;

/** The file formats registrars upload, by media type. */
public enum ImportFormat {
  CSV("text/csv"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final String mediaType;

  ImportFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The format of a media type given without parameters (no "; charset=…"). */
  public static Optional<ImportFormat> ofMediaType(String mediaTypeWithoutParameters) {
    if (mediaTypeWithoutParameters == null) {
      return Optional.empty();
    }
    String m = mediaTypeWithoutParameters.strip().toLowerCase(Locale.ROOT);
    for (ImportFormat f : values()) {
      if (f.mediaType.equals(m)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
