package org.qiao.kit.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FatalErrorsTest {

  @Test
  void anOutOfMemoryErrorIsFatalAlsoWhenWrapped() {
    assertTrue(FatalErrors.isFatal(new OutOfMemoryError("Java heap space")));
    assertTrue(
        FatalErrors.isFatal(new IllegalStateException("wrapped", new OutOfMemoryError("heap"))));
  }

  @Test
  void otherErrorsAndExceptionsAreNot() {
    assertFalse(FatalErrors.isFatal(new LinkageError("x")));
    assertFalse(FatalErrors.isFatal(new StackOverflowError()));
    assertFalse(FatalErrors.isFatal(new RuntimeException("x")));
    assertFalse(FatalErrors.isFatal(null));
  }
}
