package org.qiao.curriculum.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.qiao.curriculum.domain.Pseudonyms;

/** The pseudonym keys, checked at start: a service without a usable key does not start. */
public class PseudonymsProducer {

  @Produces
  @Singleton
  Pseudonyms pseudonyms(CurriculumConfig config) {
    return new Pseudonyms(config.pseudonym().currentKey(), config.pseudonym().keys());
  }
}
