package org.qiao.talentdemand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.time.ChinaTime;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.DemandStatus;
import org.qiao.talentdemand.domain.DemandTemplate;
import org.qiao.talentdemand.domain.Enterprise;

/**
 * Open demands as job postings for job boards: a demand, its enterprise and its occupation's name,
 * everything a posting says. A posting exists only while its demand is published and open.
 */
@ApplicationScoped
public class JobPostingService {

  /** What one job posting is made of. */
  public record Posting(Demand demand, Enterprise enterprise, String occupationName) {}

  private final DemandService demands;
  private final EntityManager em;
  private final Clock clock;

  JobPostingService(DemandService demands, EntityManager em, Clock clock) {
    this.demands = demands;
    this.em = em;
    this.clock = clock;
  }

  /**
   * The posting of an open demand; a draft the caller may not see is 404, one that was published
   * and has ended (filled, closed, expired, past its last day) is 410 so a job board removes it.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Posting posting(UUID id) {
    Demand d = demands.get(id);
    if (d.publishedAt == null) {
      throw ProblemException.notFound("job posting of demand " + id);
    }
    if (!isOpen(d, today())) {
      throw new ProblemException(
          410,
          "job-posting-ended",
          "Job posting ended",
          "demand "
              + id
              + " is no longer open ("
              + d.status
              + ", open through "
              + d.validThrough
              + ")",
          List.of());
    }
    return new Posting(
        d, Enterprise.findById(d.enterpriseId), occupationNames().get(d.occupationCode));
  }

  /** Open demands of every enterprise, newest first, a page at a time. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Posting> open(UUID cursor, int limit) {
    Page<Demand> page =
        KeysetQuery.from("demand")
            .and("status = ?", DemandStatus.PUBLISHED.name())
            .and("valid_through >= ?", today())
            .page(em, Demand.class, cursor, limit, d -> d.id);
    List<UUID> owners = page.items().stream().map(d -> d.enterpriseId).distinct().toList();
    Map<UUID, Enterprise> enterprises =
        owners.isEmpty()
            ? Map.of()
            : Enterprise.<Enterprise>list("id in ?1", owners).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
    Map<String, String> names = occupationNames();
    return page.map(
        d -> new Posting(d, enterprises.get(d.enterpriseId), names.get(d.occupationCode)));
  }

  static boolean isOpen(Demand d, LocalDate today) {
    return d.status == DemandStatus.PUBLISHED && !d.validThrough.isBefore(today);
  }

  private static Map<String, String> occupationNames() {
    return DemandTemplate.<DemandTemplate>listAll().stream()
        .collect(Collectors.toMap(t -> t.occupationCode, t -> t.occupationName));
  }

  private LocalDate today() {
    return ChinaTime.today(clock);
  }
}
