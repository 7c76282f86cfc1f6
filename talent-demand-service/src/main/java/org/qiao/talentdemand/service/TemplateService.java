package org.qiao.talentdemand.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.qiao.kit.problem.Causes;
import org.qiao.kit.problem.ProblemException;
import org.qiao.talentdemand.config.TalentDemandConfig;
import org.qiao.talentdemand.domain.Degree;
import org.qiao.talentdemand.domain.DemandTemplate;
import org.qiao.talentdemand.domain.SkillRequirement;

/** Demand templates per occupation: loaded from a file at start-up, read by anyone. */
@ApplicationScoped
public class TemplateService {

  private static final Logger LOG = Logger.getLogger(TemplateService.class);

  private final TalentDemandConfig config;
  private final ObjectMapper json;
  private final Clock clock;

  TemplateService(TalentDemandConfig config, ObjectMapper json, Clock clock) {
    this.config = config;
    this.json = json;
    this.clock = clock;
  }

  /** One template as it is written in a templates file or sent by an admin. */
  public record TemplateData(
      String occupationCode,
      String occupationName,
      String industry,
      List<SkillRequirement> skills,
      List<String> majorCodes,
      Degree minimumDegree) {}

  /**
   * Seeds the templates the file has and the database lacks. Templates already stored (perhaps
   * edited by an admin) are left as they are; another instance seeding at the same time is fine.
   */
  void onStart(@Observes StartupEvent event) {
    int added = 0;
    for (TemplateData t : readTemplates()) {
      try {
        // ArC intercepts calls within a bean, so seed() runs in its own transaction.
        added += seed(t) ? 1 : 0;
      } catch (RuntimeException e) {
        if (Causes.find(e, ConstraintViolationException.class).isEmpty()) {
          throw e;
        }
        LOG.debugf("Template %s was seeded by another instance", t.occupationCode());
      }
    }
    LOG.infof("Seeded %d demand templates from %s", added, config.templates().location());
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  boolean seed(TemplateData t) {
    if (DemandTemplate.findById(t.occupationCode()) != null) {
      return false;
    }
    upsert(t);
    return true;
  }

  @Transactional
  public DemandTemplate upsert(TemplateData t) {
    DemandTemplate template = DemandTemplate.findById(t.occupationCode());
    if (template == null) {
      template = new DemandTemplate();
    }
    template.replaceWith(
        t.occupationCode(),
        t.occupationName(),
        t.industry(),
        t.skills(),
        t.majorCodes(),
        t.minimumDegree(),
        clock.instant());
    template.persist();
    return template;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DemandTemplate get(String occupationCode) {
    DemandTemplate t = DemandTemplate.findById(occupationCode);
    if (t == null) {
      throw ProblemException.notFound("template for occupation " + occupationCode);
    }
    return t;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DemandTemplate> all() {
    return DemandTemplate.listAll(io.quarkus.panache.common.Sort.by("occupationCode"));
  }

  private List<TemplateData> readTemplates() {
    String location = config.templates().location();
    try (InputStream in = open(location)) {
      return json.readValue(in, new TypeReference<List<TemplateData>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable demand templates " + location, e);
    }
  }

  private static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      InputStream in =
          Thread.currentThread()
              .getContextClassLoader()
              .getResourceAsStream(location.substring("classpath:".length()));
      if (in == null) {
        throw new IOException("no such resource " + location);
      }
      return in;
    }
    return Files.newInputStream(Path.of(location.replaceFirst("^file:", "")));
  }
}
