package org.qiao.curriculum.service.importing;

/**
 * The file as a whole cannot be imported (not a workbook, a missing or repeated column, bytes that
 * are not the charset, a quote never closed). The message is shown to the registrar as it is.
 */
public class ImportFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImportFileException(String message) {
    super(message);
  }

  public ImportFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
