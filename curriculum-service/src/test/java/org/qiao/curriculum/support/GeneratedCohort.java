package org.qiao.curriculum.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A valid cohort CSV of exactly {@code size} bytes, made as it is read and never held: one student
 * per row of about 1 MiB, each padded by a column the import ignores (备注). Large uploads for tests
 * without large test memory.
 */
public final class GeneratedCohort extends InputStream {

  private static final int ROW = 1 << 20;
  private static final byte[] HEADER = "姓名,学号,专业代码,学历,毕业年份,备注\r\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SUFFIX = "\"\r\n".getBytes(StandardCharsets.UTF_8);

  private final long size;
  private long produced;
  private int rows;
  private byte[] prefix = HEADER;
  private int prefixAt;
  private long padding;
  private int suffixAt = SUFFIX.length;

  public GeneratedCohort(long size) {
    if (size < HEADER.length + 100) {
      throw new IllegalArgumentException("too small for a cohort");
    }
    this.size = size;
  }

  /** Rows started so far (all of them once the stream is read to its end). */
  public int rows() {
    return rows;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (produced >= size) {
      return -1;
    }
    int n = 0;
    while (n < len && produced < size) {
      if (prefixAt < prefix.length) {
        b[off + n++] = prefix[prefixAt++];
      } else if (padding > 0) {
        int run = (int) Math.min(Math.min(padding, len - n), size - produced);
        java.util.Arrays.fill(b, off + n, off + n + run, (byte) 'x');
        padding -= run;
        n += run;
        produced += run;
        continue;
      } else if (suffixAt < SUFFIX.length) {
        b[off + n++] = SUFFIX[suffixAt++];
      } else {
        nextRow();
        continue;
      }
      produced++;
    }
    return n;
  }

  private void nextRow() {
    rows++;
    prefix =
        ("学生" + rows + "," + Bodies.newStudentNumber() + ",080710T,本科,2030,\"")
            .getBytes(StandardCharsets.UTF_8);
    prefixAt = 0;
    suffixAt = 0;
    long left = size - produced - prefix.length - SUFFIX.length;
    // The last row takes what is left, so the file ends with a whole row.
    padding = left < 2L * ROW ? left : ROW;
    if (padding < 0) {
      throw new IllegalStateException("size leaves no room for a last row");
    }
  }
}
