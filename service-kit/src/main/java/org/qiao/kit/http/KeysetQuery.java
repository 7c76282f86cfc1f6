package org.qiao.kit.http;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A native SQL list query with optional filters, paged by keyset over time-ordered ids (newest
 * first). Each filter is a SQL fragment with one {@code ?} for its value; values are always bound,
 * never concatenated.
 */
public final class KeysetQuery {

  private final String table;
  private final StringBuilder where = new StringBuilder(" where true");
  private final List<Object> params = new ArrayList<>();

  private KeysetQuery(String table) {
    this.table = table;
  }

  public static KeysetQuery from(String table) {
    return new KeysetQuery(table);
  }

  /** Adds {@code and <fragment>}, its {@code ?}s bound to the values in order. */
  public KeysetQuery and(String fragment, Object... values) {
    StringBuilder sql = new StringBuilder();
    int next = 0;
    for (char c : fragment.toCharArray()) {
      if (c == '?') {
        if (next == values.length) {
          throw new IllegalArgumentException("more placeholders than values in: " + fragment);
        }
        params.add(values[next++]);
        sql.append('?').append(params.size());
      } else {
        sql.append(c);
      }
    }
    if (next != values.length) {
      throw new IllegalArgumentException("placeholders and values differ in: " + fragment);
    }
    where.append(" and ").append(sql);
    return this;
  }

  /** Adds the filter only when the value is given. */
  public KeysetQuery andIfPresent(String fragment, Object value) {
    return value == null ? this : and(fragment, value);
  }

  /** Adds a fragment without a value. */
  public KeysetQuery and(String fragment) {
    if (fragment.indexOf('?') >= 0) {
      throw new IllegalArgumentException("placeholders without values in: " + fragment);
    }
    where.append(" and ").append(fragment);
    return this;
  }

  @SuppressWarnings("unchecked")
  public <T> Page<T> page(
      EntityManager em, Class<T> entity, UUID cursor, int limit, Function<T, UUID> id) {
    andIfPresent("id < ?", cursor);
    params.add(limit + 1);
    String sql = "select * from " + table + where + " order by id desc limit ?" + params.size();
    var query = em.createNativeQuery(sql, entity);
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    return Page.of(query.getResultList(), limit, id);
  }
}
